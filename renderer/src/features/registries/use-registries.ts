import { useCallback, useEffect, useState } from 'react';
import type { RegistrySummary } from '../../../../shared/model/registry';
import { ApiError, client, onRegistriesChanged } from '../../api/client';
import type { AppError } from '../../../../shared/errors';

export type RegistriesState =
  | { status: 'loading' }
  | { status: 'loaded'; registries: RegistrySummary[] }
  | { status: 'failed'; error: Pick<AppError, 'message' | 'remedy'> };

/** All stored registries, reloaded whenever main reports a change (another window, `regdesk import`). */
export function useRegistries(): RegistriesState {
  const [state, setState] = useState<RegistriesState>({ status: 'loading' });

  const load = useCallback(async () => {
    try {
      setState({ status: 'loaded', registries: await client.listRegistries() });
    } catch (error) {
      setState({ status: 'failed', error: describe(error) });
    }
  }, []);

  useEffect(() => {
    void load();
    return onRegistriesChanged(() => void load());
  }, [load]);

  return state;
}

function describe(error: unknown): Pick<AppError, 'message' | 'remedy'> {
  if (error instanceof ApiError) return error.error;
  return { message: error instanceof Error ? error.message : 'The registries could not be loaded.' };
}
