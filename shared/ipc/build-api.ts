import { channels, events, type EventName, type EventSubscriberName, type RegdeskApi } from './contract';

/** How an api reaches main: Electron IPC in the preload, HTTP + SSE in the browser harness. */
export interface Transport {
  invoke(channel: string, input: unknown): Promise<unknown>;
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
}

export function subscriberName<E extends EventName>(event: E): EventSubscriberName<E> {
  return `on${event.charAt(0).toUpperCase()}${event.slice(1)}` as EventSubscriberName<E>;
}

/**
 * Builds `window.regdesk` from the contract, so the preload and the harness cannot drift apart
 * and no channel string is ever handed to the page.
 */
export function buildApi(transport: Transport): RegdeskApi {
  const api: Record<string, unknown> = {};
  for (const [method, { channel }] of Object.entries(channels)) {
    api[method] = (input?: unknown) => transport.invoke(channel, input);
  }
  for (const name of Object.keys(events) as EventName[]) {
    const { channel } = events[name];
    api[subscriberName(name)] = (listener: (payload: unknown) => void) => transport.subscribe(channel, listener);
  }
  // The values come from our own main process through the contract's output schemas.
  return api as RegdeskApi;
}
