// Runs in the page, before the app: stands in for the preload, built from the same contract.
import { buildApi } from '../../shared/ipc/build-api';

let events: EventSource | undefined;

window.regdesk = buildApi({
  async invoke(channel, input) {
    const response = await fetch(`/ipc/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input }),
    });
    return (await response.json()) as unknown;
  },
  subscribe(channel, listener) {
    events ??= new EventSource('/events');
    const handler = (event: MessageEvent<string>) => listener(JSON.parse(event.data) as unknown);
    events.addEventListener(channel, handler);
    return () => events?.removeEventListener(channel, handler);
  },
});
