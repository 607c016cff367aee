import { useEffect, useState } from 'react';
import type { RegistrySummary } from '../../../../shared/model/registry';
import type { AppError } from '../../../../shared/errors';
import { ApiError, client, onRegistriesChanged } from '../../api/client';

export type RegistriesState =
  | { status: 'loading' }
  | { status: 'loaded'; registries: RegistrySummary[] }
  | { status: 'failed'; error: Pick<AppError, 'message' | 'remedy'> };

/** All stored registries, reloaded whenever main reports a change (another window, `regdesk import`). */
export function useRegistries(): RegistriesState {
  const [state, setState] = useState<RegistriesState>({ status: 'loading' });

  useEffect(() => {
    let unmounted = false;
    const load = () =>
      client.listRegistries().then(
        (registries) => !unmounted && setState({ status: 'loaded', registries }),
        (error: unknown) => !unmounted && setState({ status: 'failed', error: describe(error) }),
      );
    void load();
    const unsubscribe = onRegistriesChanged(() => void load());
    return () => {
      unmounted = true;
      unsubscribe();
    };
  }, []);

  return state;
}

function describe(error: unknown): Pick<AppError, 'message' | 'remedy'> {
  if (error instanceof ApiError) return error.error;
  return { message: error instanceof Error ? error.message : 'The registries could not be loaded.' };
}
