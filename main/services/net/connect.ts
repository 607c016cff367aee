import type * as NodeHttp from 'node:http';
import { createRequire } from 'node:module';
import { connect as netConnect, type Socket } from 'node:net';
import { checkServerIdentity, connect as tlsConnect, type PeerCertificate, type SecureContext, type TLSSocket } from 'node:tls';
import { X509Certificate } from 'node:crypto';

// `import … from 'node:http'` makes Node build the module's ES facade, which reads every export,
// including the lazy WebSocket getter that loads Node's own undici: 55 ms of start-up for a
// function used only behind a proxy. require() reads only what is asked for.
const { request: httpRequest } = createRequire(import.meta.url)('node:http') as typeof NodeHttp;

/** A Node-style error carrying a `code`, so one classifier serves sockets, TLS and undici. */
export class CodedError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

export interface Target {
  host: string;
  port: number;
  /** host:port with IPv6 in brackets, as a CONNECT request names it. */
  hostPort: string;
}

/**
 * Opens a TCP connection to the target, directly or through an HTTP proxy's CONNECT tunnel,
 * so the TLS step sees exactly the path the HTTP requests will take.
 */
export function openTcp(target: Target, proxy: URL | null, timeoutMs: number, signal: AbortSignal): Promise<Socket> {
  return proxy ? openTunnel(target, proxy, timeoutMs, signal) : openDirect(target, timeoutMs, signal);
}

function openDirect(target: Target, timeoutMs: number, signal: AbortSignal): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = netConnect({ host: target.host, port: target.port });
    const fail = (error: Error) => {
      cleanup();
      socket.destroy();
      reject(error);
    };
    const onAbort = () => fail(signal.reason instanceof Error ? signal.reason : new CodedError('ABORT_ERR', 'aborted'));
    const timer = setTimeout(() => fail(new CodedError('ETIMEDOUT', `no connection after ${timeoutMs} ms`)), timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      socket.removeListener('error', fail);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('error', fail);
    socket.once('connect', () => {
      cleanup();
      resolve(socket);
    });
  });
}

function openTunnel(target: Target, proxy: URL, timeoutMs: number, signal: AbortSignal): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host: target.hostPort };
    if (proxy.username) {
      const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
      headers['proxy-authorization'] = `Basic ${Buffer.from(credentials).toString('base64')}`;
    }
    const req = httpRequest({
      host: proxy.hostname.replace(/^\[|\]$/g, ''),
      port: Number(proxy.port || 80),
      method: 'CONNECT',
      path: target.hostPort,
      headers,
      signal,
      timeout: timeoutMs,
    });
    req.once('timeout', () => req.destroy(new CodedError('ETIMEDOUT', `the proxy did not connect within ${timeoutMs} ms`)));
    req.once('error', reject);
    req.once('connect', (response, socket) => {
      if (response.statusCode === 200) {
        resolve(socket);
        return;
      }
      socket.destroy();
      reject(
        new CodedError(
          'PROXY_CONNECT_REFUSED',
          `the proxy answered CONNECT with HTTP ${response.statusCode} ${response.statusMessage ?? ''}`.trim(),
        ),
      );
    });
    req.end();
  });
}

export interface HandshakeResult {
  /** Leaf first, as presented (plus any issuer Node could link from the trust store). */
  chain: X509Certificate[];
  /** OpenSSL's verdict against the trusted CAs, e.g. SELF_SIGNED_CERT_IN_CHAIN; undefined when trusted. */
  authorizationError: string | undefined;
  /** Set when the certificate does not name the host. */
  hostnameError: Error | undefined;
  protocol: string | null;
  alpn: string | false | null;
  /**
   * The connection itself, still open, when `keepOpen` was asked: the caller owns it (hands it to
   * the HTTP client once the verdict allows, or destroys it).
   */
  socket?: TLSSocket;
}

/**
 * Completes a TLS handshake without rejecting, then judges the certificate the way a verifying
 * client would: chain (against `ca`) and host name. One handshake gives both the verdict and
 * the presented chain, which a failed verifying handshake would not.
 */
export function tlsHandshake(
  socket: Socket,
  options: {
    host: string;
    servername: string | undefined;
    secureContext: SecureContext;
    timeoutMs: number;
    signal: AbortSignal;
    keepOpen?: boolean;
  },
): Promise<HandshakeResult> {
  return new Promise((resolve, reject) => {
    const tls = tlsConnect({
      socket,
      ...(options.servername ? { servername: options.servername } : {}),
      secureContext: options.secureContext,
      rejectUnauthorized: false,
      ALPNProtocols: ['h2', 'http/1.1'],
    });
    const fail = (error: Error) => {
      cleanup();
      tls.destroy();
      reject(error);
    };
    const onAbort = () => fail(options.signal.reason instanceof Error ? options.signal.reason : new CodedError('ABORT_ERR', 'aborted'));
    const timer = setTimeout(() => fail(new CodedError('ETIMEDOUT', `no TLS handshake after ${options.timeoutMs} ms`)), options.timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      tls.removeListener('error', fail);
    };
    options.signal.addEventListener('abort', onAbort, { once: true });
    tls.once('error', fail);
    tls.once('secureConnect', () => {
      cleanup();
      // The legacy API first: after getPeerX509Certificate() it returns {} (docs/reference/tls.md#presented-chain).
      const peer = tls.getPeerCertificate(true);
      const chain = walkChain(peer);
      const result: HandshakeResult = {
        chain,
        authorizationError: verificationCode(tls.authorizationError),
        hostnameError: peer.raw ? checkServerIdentity(options.host, peer) : undefined,
        protocol: tls.getProtocol(),
        alpn: tls.alpnProtocol,
      };
      if (options.keepOpen) resolve({ ...result, socket: tls });
      else {
        tls.destroy();
        resolve(result);
      }
    });
  });
}

/** Node documents a code string here; some versions hand an Error carrying it. */
function verificationCode(error: unknown): string | undefined {
  if (typeof error === 'string') return error;
  if (error instanceof Error) return (error as Partial<CodedError>).code ?? error.message;
  return undefined;
}

function walkChain(peer: PeerCertificate & { issuerCertificate?: PeerCertificate }): X509Certificate[] {
  const chain: X509Certificate[] = [];
  const seen = new Set<string>();
  let current: (PeerCertificate & { issuerCertificate?: PeerCertificate }) | undefined = peer;
  while (current?.raw && !seen.has(current.fingerprint256)) {
    seen.add(current.fingerprint256);
    chain.push(new X509Certificate(current.raw));
    current = current.issuerCertificate;
  }
  return chain;
}
