// A TLS-terminating reverse proxy in front of a real registry that records every HTTP request it
// forwards: a count of what reached the registry's address, taken outside the engine, to hold
// the engine's own `onRequestCount` to account. (The registry fixture turns its access log off.)
import { readFile } from 'node:fs/promises';
import type http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { RegistryTls } from '../../fixtures/registry';

export interface ForwardedRequest {
  readonly method: string;
  /** Path and query as sent, e.g. `/v2/_catalog?n=1000`. */
  readonly path: string;
  /** The scheme of the Authorization header (`basic`, `bearer`), or `none`: never its value. */
  readonly authorization: string;
  /** What the registry answered. */
  readonly status: number;
}

export interface CountingFront {
  /** `https://127.0.0.1:PORT`: give this to the client instead of the registry's endpoint. */
  readonly endpoint: string;
  readonly requests: () => readonly ForwardedRequest[];
  readonly clear: () => void;
  readonly close: () => Promise<void>;
}

export interface CountingFrontOptions {
  /** The HTTPS registry to forward to. */
  readonly upstream: string;
  /** PEM CA the registry's certificate chains to. */
  readonly upstreamCaPem: string;
  /** What the front presents to clients (the same PKI as the registry, so clients trust it alike). */
  readonly tls: RegistryTls;
}

export async function startCountingFront(options: CountingFrontOptions): Promise<CountingFront> {
  const upstream = new URL(options.upstream);
  const agent = new https.Agent({ keepAlive: true, ca: options.upstreamCaPem });
  const requests: ForwardedRequest[] = [];
  const server = https.createServer(
    { cert: await readFile(options.tls.certificate), key: await readFile(options.tls.key) },
    (request, response) => {
      const authorization = request.headers.authorization?.split(' ')[0]?.toLowerCase() ?? 'none';
      const forwarded = https.request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: request.method,
          path: request.url,
          // Host unchanged, so absolute URLs the registry builds point back at the front.
          headers: request.headers,
          agent,
        },
        (answer: http.IncomingMessage) => {
          requests.push({ method: request.method ?? '', path: request.url ?? '', authorization, status: answer.statusCode ?? 0 });
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      forwarded.on('error', () => response.destroy());
      request.pipe(forwarded);
    },
  );
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0 }, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    endpoint: `https://127.0.0.1:${port}`,
    requests: () => [...requests],
    clear: () => {
      requests.length = 0;
    },
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      });
      return closing;
    },
  };
}
