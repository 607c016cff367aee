import { useCallback, useEffect, useState } from 'react';
import type { RegistrySummary } from '../../../../shared/model/registry';
import { client, onRegistriesChanged } from '../../api/client';
import { useLatestOnly } from '../../api/latest';
import { problemOf, type Problem } from '../../api/problem';

export type RegistriesState =
  | { status: 'loading' }
  /** `loadedAt` (ms since the epoch): what certificate expiry is judged against until the next load. */
  | { status: 'loaded'; registries: RegistrySummary[]; loadedAt: number }
  | { status: 'failed'; error: Problem };

/**
 * All stored registries, reloaded whenever main reports a change (another window, `regdesk import`)
 * and on demand: an action awaits `reload()` so its result is on screen when it resolves, rather
 * than whenever the file watcher fires.
 */
export function useRegistries(): { state: RegistriesState; reload: () => Promise<void> } {
  const [state, setState] = useState<RegistriesState>({ status: 'loading' });
  // Two loads can overlap (an action's reload and the change event); only the latest may land.
  const { begin } = useLatestOnly();
  const land = useCallback(
    (load: Promise<RegistriesState>) => {
      const latest = begin();
      return load.then((next) => {
        if (latest()) setState(next);
      });
    },
    [begin],
  );
  const reload = useCallback(() => land(fetchRegistries()), [land]);

  useEffect(() => {
    void land(prefetched ?? fetchRegistries());
    prefetched = undefined;
    return onRegistriesChanged(() => void reload());
  }, [land, reload]);

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
    (error: unknown): RegistriesState => ({ status: 'failed', error: problemOf(error, 'The registries could not be loaded.') }),
  );
}
