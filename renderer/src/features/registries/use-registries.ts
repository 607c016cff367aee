import { useCallback, useEffect, useRef, useState } from 'react';
import type { RegistrySummary } from '../../../../shared/model/registry';
import type { AppError } from '../../../../shared/errors';
import { ApiError, client, onRegistriesChanged } from '../../api/client';

export type RegistriesState =
  | { status: 'loading' }
  /** `loadedAt` (ms since the epoch): what certificate expiry is judged against until the next load. */
  | { status: 'loaded'; registries: RegistrySummary[]; loadedAt: number }
  | { status: 'failed'; error: Pick<AppError, 'message' | 'remedy'> };

/**
 * All stored registries, reloaded whenever main reports a change (another window, `regdesk import`)
 * and on demand: an action awaits `reload()` so its result is on screen when it resolves, rather
 * than whenever the file watcher fires.
 */
export function useRegistries(): { state: RegistriesState; reload: () => Promise<void> } {
  const [state, setState] = useState<RegistriesState>({ status: 'loading' });
  const mounted = useRef(true);
  // Two loads can overlap (an action's reload and the change event); only the latest may land.
  const latestLoad = useRef(0);

  const reload = useCallback(() => {
    const load = ++latestLoad.current;
    return fetchRegistries().then((next) => {
      if (mounted.current && load === latestLoad.current) setState(next);
    });
  }, []);

  useEffect(() => {
    mounted.current = true;
    const load = ++latestLoad.current;
    const first = prefetched ?? fetchRegistries();
    prefetched = undefined;
    void first.then((next) => {
      if (mounted.current && load === latestLoad.current) setState(next);
    });
    const unsubscribe = onRegistriesChanged(() => void reload());
    return () => {
      mounted.current = false;
      unsubscribe();
    };
  }, [reload]);

  return { state, reload };
}

/**
 * The window's first list request, sent as this module loads: it then travels while React draws
 * the first frame instead of after it (about a third of the time to a usable list, measured cold
 * in Chromium). Taken by the first mount; later mounts ask afresh.
 */
let prefetched: Promise<RegistriesState> | undefined = typeof window !== 'undefined' && window.regdesk ? fetchRegistries() : undefined;

function fetchRegistries(): Promise<RegistriesState> {
  return client.listRegistries().then(
    (registries): RegistriesState => {
      performance.mark('regdesk:list-data');
      return { status: 'loaded', registries, loadedAt: Date.now() };
    },
    (error: unknown): RegistriesState => ({ status: 'failed', error: describe(error) }),
  );
}

function describe(error: unknown): Pick<AppError, 'message' | 'remedy'> {
  if (error instanceof ApiError) return error.error;
  return { message: error instanceof Error ? error.message : 'The registries could not be loaded.' };
}
