import { channels, type MethodName, type OutputOf, type RegdeskApi } from '../../../shared/ipc/contract';
import type { AppError } from '../../../shared/errors';

declare global {
  interface Window {
    /** Exposed by the preload (Electron) or injected by the browser harness. */
    regdesk?: RegdeskApi;
  }
}

/** A failure reported by main, with its stable code, sentence and remedy intact. */
export class ApiError extends Error {
  readonly error: AppError;
  constructor(error: AppError) {
    super(error.message);
    this.name = 'ApiError';
    this.error = error;
  }
}

type Client = { [M in MethodName]: (...args: Parameters<RegdeskApi[M]>) => Promise<OutputOf<M>> };

function bridge(): RegdeskApi {
  if (!window.regdesk) {
    throw new Error('Pack Registry Desk must be opened in the app (or the test harness): window.regdesk is missing.');
  }
  return window.regdesk;
}

/**
 * The only place the renderer touches `window.regdesk`: it unwraps the Result envelope, so
 * components get data or an ApiError and never look at envelopes or channels.
 */
export const client = Object.fromEntries(
  Object.keys(channels).map((method) => [
    method,
    async (...args: unknown[]) => {
      const call = bridge()[method as MethodName] as (...a: unknown[]) => ReturnType<RegdeskApi[MethodName]>;
      const result = await call(...args);
      if (!result.ok) throw new ApiError(result.error);
      return result.data;
    },
  ]),
) as Client;

export function onRegistriesChanged(listener: () => void): () => void {
  return bridge().onRegistriesChanged(() => listener());
}

export function onValidationProgress(listener: Parameters<RegdeskApi['onValidationProgress']>[0]): () => void {
  return bridge().onValidationProgress(listener);
}
