import type { MethodName, OutputOf, RegdeskApi } from '../../../shared/ipc/contract';
import { AppErrorException } from '../../../shared/app-error-exception';

declare global {
  interface Window {
    /** Exposed by the preload (Electron) or injected by the browser harness. */
    regdesk?: RegdeskApi;
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
 * components get data or main's own AppErrorException (code, sentence and remedy intact) and never look at envelopes or channels.
 */
const calls = new Map<string, (...args: unknown[]) => Promise<unknown>>();

export const client = new Proxy<Client>({} as Client, {
  // A proxy rather than a map built from the contract: importing the contract's values would load
  // zod and every schema before the first screen can draw, and main parses every call anyway.
  get(_target, method) {
    if (typeof method !== 'string') return undefined;
    let call = calls.get(method);
    if (!call) {
      call = async (...args: unknown[]) => {
        const send = bridge()[method as MethodName] as ((...a: unknown[]) => ReturnType<RegdeskApi[MethodName]>) | undefined;
        if (typeof send !== 'function') throw new Error(`window.regdesk has no ${method}: the preload and the window are out of step.`);
        const result = await send(...args);
        if (!result.ok) throw new AppErrorException(result.error);
        return result.data;
      };
      calls.set(method, call);
    }
    return call;
  },
});

export function onRegistriesChanged(listener: () => void): () => void {
  return bridge().onRegistriesChanged(() => listener());
}

export function onValidationProgress(listener: Parameters<RegdeskApi['onValidationProgress']>[0]): () => void {
  return bridge().onValidationProgress(listener);
}
