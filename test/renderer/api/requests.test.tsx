// The renderer's one request layer: how a failure becomes what the admin reads (main's sentence and
// remedy), a button's busy state and problem, and "only the latest answer counts" when answers
// arrive out of order.
import { act, renderHook, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppInfo } from '../../../shared/model/app-info';
import type { RegdeskApi } from '../../../shared/ipc/contract';
import { AppInfoProvider, useAppInfo } from '../../../renderer/src/api/app-info';
import { AppErrorException } from '../../../shared/app-error-exception';
import { useLatestAnswer, useLatestOnly } from '../../../renderer/src/api/latest';
import { problemOf } from '../../../renderer/src/api/problem';
import { useAction } from '../../../renderer/src/api/use-action';
import { ProblemAlert } from '../../../renderer/src/components/ProblemAlert/ProblemAlert';
import { render } from '../render';

/** A promise the test settles when it chooses, to make answers arrive in any order. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

const refused = new AppErrorException({
  code: 'STORE_READ_ONLY',
  message: 'Saved registries are read-only.',
  remedy: 'Update Pack Registry Desk.',
});

afterEach(() => {
  delete window.regdesk;
});

describe('problemOf', () => {
  it("keeps main's sentence and remedy, and the text of any other error", () => {
    expect(problemOf(refused)).toMatchObject({ message: 'Saved registries are read-only.', remedy: 'Update Pack Registry Desk.' });
    expect(problemOf(new TypeError('Failed to fetch'))).toEqual({ message: 'Failed to fetch' });
    expect(problemOf('plain text')).toEqual({ message: 'plain text' });
    expect(problemOf(undefined, 'The registries could not be loaded.')).toEqual({ message: 'The registries could not be loaded.' });
  });
});

describe('ProblemAlert', () => {
  it('shows the sentence as the title and the remedy below it, and nothing without a problem', () => {
    const { rerender } = render(<ProblemAlert problem={null} />);
    expect(screen.queryByRole('alert')).toBeNull();
    rerender(<ProblemAlert problem={problemOf(refused)} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Saved registries are read-only.');
    expect(alert.textContent).toContain('Update Pack Registry Desk.');
    expect(alert.getAttribute('tabindex')).toBeNull();
  });

  it('can take the focus when given a ref (a refused save moves the focus to it)', () => {
    const ref = { current: null as HTMLDivElement | null };
    render(<ProblemAlert problem={{ message: 'Saved, but the stored registry did not validate.' }} ref={ref} />);
    ref.current?.focus();
    expect(document.activeElement).toBe(screen.getByRole('alert'));
  });
});

describe('useAction', () => {
  it('is busy while its work runs, returns the result, and clears the last problem when it starts again', async () => {
    const { result } = renderHook(() => useAction<'pick' | 'fetch'>());
    const first = deferred<string>();
    let answer: Promise<string | undefined> | undefined;
    act(() => void (answer = result.current.run(() => first.promise, 'fetch')));
    expect(result.current.running).toBe('fetch');
    expect(result.current.busy).toBe(true);
    await act(async () => {
      first.reject(refused);
      expect(await answer).toBeUndefined();
    });
    expect(result.current.busy).toBe(false);
    expect(result.current.problem?.remedy).toBe('Update Pack Registry Desk.');

    const second = deferred<string>();
    act(() => void (answer = result.current.run(() => second.promise)));
    expect(result.current.problem).toBeNull();
    expect(result.current.running).toBe('busy');
    await act(async () => {
      second.resolve('done');
      expect(await answer).toBe('done');
    });
    expect(result.current.running).toBeNull();
    expect(result.current.problem).toBeNull();
  });
});

describe('useLatestAnswer', () => {
  it('shows the answer to the question on screen, never an older one that arrives later', async () => {
    const answers = new Map<string, ReturnType<typeof deferred<string>>>();
    const { result, rerender } = renderHook(
      ({ question }: { question: string | null }) =>
        useLatestAnswer(question, () => {
          const answer = deferred<string>();
          answers.set(question ?? '', answer);
          return answer.promise;
        }),
      { initialProps: { question: null as string | null } },
    );
    expect(result.current.state).toBe('idle');
    expect(answers.size).toBe(0);

    rerender({ question: 'palette' });
    expect(result.current.state).toBe('loading');
    rerender({ question: 'terraform' });
    await act(async () => {
      answers.get('terraform')?.resolve('terraform file');
      answers.get('palette')?.resolve('palette file');
      await Promise.resolve();
    });
    expect(result.current).toEqual({ state: 'loaded', data: 'terraform file', problem: null });

    rerender({ question: 'draft' });
    expect(result.current.state).toBe('loading');
    await act(async () => {
      answers.get('draft')?.reject(refused);
      await Promise.resolve();
    });
    expect(result.current.state).toBe('failed');
    expect(result.current.problem?.message).toBe('Saved registries are read-only.');
  });
});

describe('useLatestOnly', () => {
  it('lets only the latest sequence land, and none after cancel or unmount', () => {
    const { result, unmount } = renderHook(() => useLatestOnly());
    const first = result.current.begin();
    const second = result.current.begin();
    expect([first(), second()]).toEqual([false, true]);
    result.current.cancel();
    expect(second()).toBe(false);
    const third = result.current.begin();
    expect(third()).toBe(true);
    unmount();
    expect(third()).toBe(false);
  });
});

describe('AppInfoProvider', () => {
  it('asks main once for every reader, and again for all of them on reload', async () => {
    let calls = 0;
    const info = (policy: AppInfo['secureStorage']['policy']) =>
      ({ ok: true, data: { version: '1.0.0', host: 'harness', storageNotices: [], secureStorage: { policy } } }) as const;
    window.regdesk = {
      appInfo: async () => (++calls === 1 ? info('session-only') : info('insecure-opt-in')),
    } as unknown as RegdeskApi;
    function Reader({ label }: { label: string }) {
      const { info: current, reload } = useAppInfo();
      return (
        <button type="button" onClick={() => void reload()}>
          {label}: {current?.secureStorage.policy ?? 'unknown'}
        </button>
      );
    }
    render(
      <AppInfoProvider>
        <Reader label="badge" />
        <Reader label="list" />
      </AppInfoProvider>,
    );
    await waitFor(() => expect(screen.getByText('badge: session-only')).toBeTruthy());
    expect(screen.getByText('list: session-only')).toBeTruthy();
    expect(calls).toBe(1);
    act(() => screen.getByText('list: session-only').click());
    await waitFor(() => expect(screen.getByText('badge: insecure-opt-in')).toBeTruthy());
    expect(calls).toBe(2);
  });

  it('says what is missing when a component reads it without the provider', () => {
    expect(() => renderHook(() => useAppInfo())).toThrow(/AppInfoProvider/);
  });
});
