import { Agent, buildConnector, ProxyAgent, request, type Dispatcher } from 'undici';
import type { Socket } from 'node:net';
import type { SecureContext } from 'node:tls';
import { CodedError } from './connect';
import { credentialRoute } from './credential-routing';

export interface HttpClientOptions {
  /** The CAs to check a URL's server against; undefined: Node's default CAs. */
  secureContextFor(url: URL): SecureContext | undefined;
  insecureSkipVerify: boolean;
  connectTimeoutMs: number;
  /** The proxy for a URL, or null for a direct connection. */
  proxyFor(url: URL): URL | null;
  signal: AbortSignal;
  /** When the whole validation must be over; each request's wait for headers ends before it. */
  deadline: number;
  maxBodyBytes?: number;
  maxRedirects?: number;
}

export interface HttpResponse {
  url: URL;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** One line per redirect followed, for the report. */
  redirects: string[];
  /** True when a redirect led to another origin and Authorization was therefore not sent there. */
  credentialsWithheld: boolean;
}

const DEFAULT_MAX_BODY = 1024 * 1024;
/** Leave this much of the overall deadline for reporting once a request has given up. */
export const MARGIN_MS = 150;

/**
 * GET with the guards a validation needs: bounded bodies, a response deadline inside the overall
 * one, and redirects followed by hand so that Authorization never reaches another origin.
 */
export function createHttpClient(options: HttpClientOptions) {
  const dispatchers = new Map<string, Dispatcher>();
  /** Connections opened and judged by the TCP and TLS steps, each waiting for its origin's first request. */
  const adopted = new Map<string, Socket>();
  const requestsByOrigin = new Map<string, number>();
  const contextIds = new Map<SecureContext | undefined, number>();
  const contextId = (context: SecureContext | undefined) => {
    if (!contextIds.has(context)) contextIds.set(context, contextIds.size);
    return contextIds.get(context)!;
  };
  let requestCount = 0;

  function dispatcherFor(url: URL): Dispatcher {
    const proxy = options.proxyFor(url);
    const secureContext = options.secureContextFor(url);
    const key = `${proxy ? proxy.href : 'direct'} ${contextId(secureContext)}`;
    let dispatcher = dispatchers.get(key);
    if (!dispatcher) {
      const tls = {
        secureContext,
        rejectUnauthorized: !options.insecureSkipVerify,
        timeout: options.connectTimeoutMs,
      };
      // One connection per origin for the whole verdict: HTTP/2 multiplexes the overlapping
      // requests on it, HTTP/1.1 queues them on it; round trips, not sockets, are what admins wait for.
      dispatcher = proxy
        ? new ProxyAgent({ uri: proxy.href, requestTls: tls, connectTimeout: options.connectTimeoutMs, connections: 1 })
        : new Agent({ connect: adoptingConnector(buildConnector(tls)), connectTimeout: options.connectTimeoutMs, connections: 1 });
      dispatchers.set(key, dispatcher);
    }
    return dispatcher;
  }

  /**
   * The first connection to an origin is the one the TLS step verified (or the TCP step opened for
   * plain HTTP), if it is still open: the same peer, judged by the same trust, one handshake fewer.
   * Only a direct connection is adopted; through a proxy undici opens its own tunnel.
   */
  function adoptingConnector(connect: buildConnector.connector): buildConnector.connector {
    return (connectOptions, callback) => {
      const socket = takeAdopted(connectOptions);
      // Answered on a later turn, as a fresh connection would be: undici's HTTP/1.1 client stalls
      // on a socket handed over synchronously.
      if (socket) setImmediate(() => callback(null, socket));
      else connect(connectOptions, callback);
    };
  }

  function takeAdopted({ protocol, hostname, port }: buildConnector.Options): Socket | undefined {
    const host = hostname.includes(':') && !hostname.startsWith('[') ? `[${hostname}]` : hostname;
    let origin: string;
    try {
      origin = new URL(`${protocol}//${host}${port ? `:${port}` : ''}`).origin;
    } catch {
      return undefined;
    }
    const socket = adopted.get(origin);
    adopted.delete(origin);
    if (socket && !socket.destroyed && socket.writable) return socket;
    socket?.destroy();
    return undefined;
  }

  async function get(start: URL, headers: Record<string, string> = {}): Promise<HttpResponse> {
    const redirects: string[] = [];
    let url = start;
    let sendHeaders = headers;
    let credentialsWithheld = false;
    for (let hop = 0; ; hop++) {
      requestCount += 1;
      requestsByOrigin.set(url.origin, (requestsByOrigin.get(url.origin) ?? 0) + 1);
      const response = await timedRequest(url, sendHeaders);
      const location = response.headers['location'];
      if (response.statusCode >= 300 && response.statusCode < 400 && typeof location === 'string') {
        await response.body.dump();
        if (hop >= (options.maxRedirects ?? 5)) throw new CodedError('TOO_MANY_REDIRECTS', `more than ${hop} redirects`);
        const next = new URL(location, url);
        if (next.protocol !== 'https:' && next.protocol !== 'http:') throw new CodedError('BAD_REDIRECT', `redirect to ${next.protocol}`);
        // A redirect is the server's own word only within its origin (credential-routing.ts).
        const crossOrigin = !credentialRoute(next, start.origin, 'registry').send;
        if (crossOrigin && 'authorization' in lowerKeys(sendHeaders)) {
          sendHeaders = withoutAuthorization(sendHeaders);
          credentialsWithheld = true;
          redirects.push(`${response.statusCode} → ${next.origin}${next.pathname} (credentials withheld: another origin)`);
        } else {
          redirects.push(`${response.statusCode} → ${next.origin}${next.pathname}`);
        }
        url = next;
        continue;
      }
      const body = await readBounded(response.body, options.maxBodyBytes ?? DEFAULT_MAX_BODY);
      return { url, status: response.statusCode, headers: response.headers, body, redirects, credentialsWithheld };
    }
  }

  /**
   * One request that gives up shortly before the overall deadline with its own timer: undici's
   * timeouts tick in about one-second steps, too coarse to end before a deadline reliably.
   */
  async function timedRequest(url: URL, headers: Record<string, string>): Promise<Dispatcher.ResponseData> {
    const remaining = options.deadline - Date.now() - MARGIN_MS;
    if (remaining <= 0) throw new CodedError('UND_ERR_HEADERS_TIMEOUT', 'no time left before the deadline');
    const controller = new AbortController();
    const noAnswer = new CodedError('UND_ERR_HEADERS_TIMEOUT', `no answer from ${url.host} within ${remaining} ms`);
    const timer = setTimeout(() => controller.abort(noAnswer), remaining);
    const onAbort = () => controller.abort(options.signal.reason);
    options.signal.addEventListener('abort', onAbort, { once: true });
    try {
      return await request(url, {
        method: 'GET',
        headers: { 'user-agent': 'pack-registry-desk', ...headers },
        dispatcher: dispatcherFor(url),
        signal: controller.signal,
      });
    } catch (error) {
      throw controller.signal.reason === noAnswer && !options.signal.aborted ? noAnswer : error;
    } finally {
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
    }
  }

  return {
    get,
    /** Hands a connection already open to `origin` (and judged) to the first request that goes there. */
    adopt(origin: string, socket: Socket) {
      adopted.get(origin)?.destroy();
      adopted.set(new URL(origin).origin, socket);
    },
    get requestCount() {
      return requestCount;
    },
    /** Requests per origin, redirects included: what the report and the bench say went where. */
    get requestsByOrigin(): ReadonlyMap<string, number> {
      return requestsByOrigin;
    },
    async close() {
      for (const socket of adopted.values()) socket.destroy();
      adopted.clear();
      await Promise.all([...dispatchers.values()].map((d) => d.destroy().catch(() => undefined)));
    },
  };
}
export type HttpClient = ReturnType<typeof createHttpClient>;

async function readBounded(body: Dispatcher.ResponseData['body'], limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      body.destroy();
      throw new CodedError('RESPONSE_TOO_LARGE', `the answer exceeded ${limit} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

function withoutAuthorization(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([k]) => k.toLowerCase() !== 'authorization'));
}

export function headerValue(response: HttpResponse, name: string): string | undefined {
  const value = response.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}

export function headerValues(response: HttpResponse, name: string): string[] {
  const value = response.headers[name.toLowerCase()];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

export function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
