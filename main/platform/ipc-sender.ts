import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The web contents whose IPC call is being served, for the duration of that call (awaits
 * included). A native dialog is attached to the window that asked for it: the focused window,
 * which the dialogs used before, is null as soon as focus moves to another application, and the
 * dialog then opens unattached, behind or beside the app.
 */
const senders = new AsyncLocalStorage<object>();

export function withSender<T>(sender: object, serve: () => T): T {
  return senders.run(sender, serve);
}

export function currentSender<S extends object>(): S | undefined {
  return senders.getStore() as S | undefined;
}
