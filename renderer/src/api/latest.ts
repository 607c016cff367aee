import { useCallback, useEffect, useRef, useState } from 'react';
import { problemOf, type Problem } from './problem';

/**
 * Answers arrive out of order: a slow answer to an older question (another format, the previous
 * opening, a reload overtaken by the change event) must never replace the newer one on screen.
 * Both hooks here keep only the latest; the rest of the renderer does not count its own requests.
 */

export type LatestAnswer<T> =
  | { state: 'idle' | 'loading'; data: null; problem: null }
  | { state: 'loaded'; data: T; problem: null }
  | { state: 'failed'; data: null; problem: Problem };

const IDLE = { state: 'idle', data: null, problem: null } as const;
const LOADING = { state: 'loading', data: null, problem: null } as const;

/**
 * Loads whenever `question` changes (null: nothing to ask) and shows the answer to the question on
 * screen now, never an older one still in flight. Ask the same question again with a new key
 * (a counter for Refresh or a new opening).
 */
export function useLatestAnswer<T>(question: string | null, load: () => Promise<T>): LatestAnswer<T> {
  const [answer, setAnswer] = useState<{ question: string; result: LatestAnswer<T> } | null>(null);
  const loader = useRef(load);
  useEffect(() => {
    loader.current = load;
  });
  useEffect(() => {
    if (question === null) return;
    let live = true;
    loader.current().then(
      (data) => live && setAnswer({ question, result: { state: 'loaded', data, problem: null } }),
      (error: unknown) => live && setAnswer({ question, result: { state: 'failed', data: null, problem: problemOf(error) } }),
    );
    return () => {
      live = false;
    };
  }, [question]);
  if (question === null) return IDLE;
  return answer?.question === question ? answer.result : LOADING;
}

/**
 * For a sequence the component drives itself (a reload, a polling loop): `begin()` starts a new
 * one and returns its check, true until a later `begin()`, `cancel()` or unmount.
 */
export function useLatestOnly(): { begin: () => () => boolean; cancel: () => void } {
  const latest = useRef(0);
  useEffect(() => {
    const counter = latest;
    return () => void counter.current++;
  }, []);
  const begin = useCallback(() => {
    const mine = ++latest.current;
    return () => latest.current === mine;
  }, []);
  const cancel = useCallback(() => void latest.current++, []);
  return { begin, cancel };
}
