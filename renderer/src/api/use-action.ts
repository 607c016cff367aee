import { useCallback, useState } from 'react';
import { problemOf, type Problem } from './problem';

export interface Action<Kind extends string> {
  /** What is running now (`'busy'` unless the caller names its kinds), or null. */
  running: Kind | null;
  busy: boolean;
  problem: Problem | null;
  setProblem: (problem: Problem | null) => void;
  /**
   * Runs `work` with the action marked busy and the last problem cleared; a failure becomes the
   * action's problem and the result `undefined`, so a caller never writes its own try/catch.
   */
  run: <T>(work: () => Promise<T>, kind?: Kind) => Promise<T | undefined>;
}

/** One button's request (save, delete, pick a file): its busy state and its problem. */
export function useAction<Kind extends string = 'busy'>(): Action<Kind> {
  const [running, setRunning] = useState<Kind | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const run = useCallback(async <T>(work: () => Promise<T>, kind?: Kind): Promise<T | undefined> => {
    setRunning(kind ?? ('busy' as Kind));
    setProblem(null);
    try {
      return await work();
    } catch (error) {
      setProblem(problemOf(error));
      return undefined;
    } finally {
      setRunning(null);
    }
  }, []);
  return { running, busy: running !== null, problem, setProblem, run };
}
