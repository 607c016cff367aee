import type { Socket } from 'node:net';
import type { SecureContext } from 'node:tls';
import { openTcp, type Target } from './connect';
import { createHttpClient } from './http-client';

/** The CAs of one validation: the registry's origin may be checked against a narrower set (tls/trust.ts registryTrust). */
export interface SessionTrust {
  registry(): SecureContext;
  full(): SecureContext;
}

export interface NetworkSessionOptions {
  /** The registry's origin: its connections are checked against `trust.registry()`, any other against `trust.full()`. */
  registryOrigin: string;
  trust: SessionTrust;
  insecureSkipVerify: boolean;
  connectTimeoutMs: number;
  /** The proxy for a URL (null: direct); `registryProxy` is its answer for the registry's origin. */
  proxyFor: (url: URL) => URL | null;
  registryProxy: URL | null;
  signal: AbortSignal;
  /** When the whole validation must be over; each request's wait for headers ends before it. */
  deadline: number;
}

/**
 * Every connection one validation makes to the registry and the services it names: the raw
 * connection the TCP and TLS steps judge, and the HTTP client of the steps after them, with one
 * trust, one proxy choice and one deadline. Closing it closes them all.
 *
 * One connection per origin for the whole verdict: the one the TLS step judged (or the TCP step
 * opened, for plain HTTP) is handed on to the HTTP client, so the registry costs one TCP and one
 * TLS handshake, not two of each. Round trips, not sockets, are what admins on slow links wait for.
 */
export function createNetworkSession(options: NetworkSessionOptions) {
  const sockets = new Set<Socket>();
  const http = createHttpClient({
    secureContextFor: (url) => (url.origin === options.registryOrigin ? options.trust.registry() : options.trust.full()),
    insecureSkipVerify: options.insecureSkipVerify,
    connectTimeoutMs: options.connectTimeoutMs,
    proxyFor: options.proxyFor,
    signal: options.signal,
    deadline: options.deadline,
  });
  return {
    http,
    proxyFor: options.proxyFor,
    registryProxy: options.registryProxy,
    /** A TCP connection to the registry, through its proxy when it has one: exactly the path the HTTP requests take. */
    async connect(target: Target, timeoutMs: number): Promise<Socket> {
      const socket = await openTcp(target, options.registryProxy, timeoutMs, options.signal);
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      return socket;
    },
    /**
     * Gives the registry's HTTP requests a connection already open and judged. Through a proxy
     * undici opens its own tunnel (the CONNECT is its to make), so the step's is closed instead.
     */
    handOver(socket: Socket) {
      if (options.registryProxy) socket.destroy();
      else http.adopt(options.registryOrigin, socket);
    },
    get requestCount() {
      return http.requestCount;
    },
    async close() {
      // The HTTP client first: it may own a TLS connection laid over one of these sockets, and
      // undici waits for that connection's own close.
      await http.close();
      for (const socket of sockets) socket.destroy();
    },
  };
}
export type NetworkSession = ReturnType<typeof createNetworkSession>;
