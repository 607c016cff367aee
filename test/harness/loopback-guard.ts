/** The names a loopback listener may be reached by; anything else in Host came through a name we do not own. */
const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * Why a request must not be answered, or undefined when it may. A page on another site can make
 * the browser send requests here by pointing its own DNS name at 127.0.0.1 (DNS rebinding): the
 * Host header then names that site, so every route checks Host against the loopback names and the
 * port we are bound to. Origin, where the browser sends one, must be one of ours too: a page of
 * another origin may read nothing from here, not even the event stream.
 * See https://fetch.spec.whatwg.org/#http-network-or-cache-fetch (Host and Origin are set by the browser).
 */
export function foreignRequestReason(
  headers: { host?: string | undefined; origin?: string | undefined },
  port: number,
): string | undefined {
  const host = headers.host?.toLowerCase();
  if (!host || !LOOPBACK_HOSTS.some((name) => host === `${name}:${port}`)) return 'Host is not this loopback server';
  const origin = headers.origin;
  if (origin === undefined) return undefined;
  if (!LOOPBACK_HOSTS.some((name) => origin.toLowerCase() === `http://${name}:${port}`)) return 'Origin is not this loopback server';
  return undefined;
}
