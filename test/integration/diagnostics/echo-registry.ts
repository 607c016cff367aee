// A hostile "registry" that hands the client's Authorization header back to it, in the places a
// validation report quotes: the signed-in /v2/ is redirected (same origin, so the credentials
// follow) to a path holding the header, and every other path answers an error body quoting it.
// A report of a validation against it holds the credentials unless something removes them.
// (A candidate for test/fixtures/hostile-servers.ts; kept here, beside its only users.)
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

export interface EchoRegistry {
  /** https://127.0.0.1:PORT */
  readonly url: string;
  /** Every Authorization header received, for tests to show the echo really happened. */
  readonly received: () => string[];
  readonly close: () => Promise<void>;
}

const API_VERSION = { 'Docker-Distribution-API-Version': 'registry/2.0' };
const ECHO_PREFIX = '/v2/echo/';

export async function startEchoRegistry(tls: { certificate: string; key: string }): Promise<EchoRegistry> {
  const received: string[] = [];
  const server = https.createServer({ cert: await readFile(tls.certificate), key: await readFile(tls.key) }, (request, response) => {
    request.resume();
    const authorization = request.headers.authorization;
    const path = new URL(request.url ?? '/', 'https://x').pathname;
    if (authorization === undefined) {
      send(
        response,
        401,
        { errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] },
        {
          ...API_VERSION,
          'WWW-Authenticate': 'Basic realm="echo"',
        },
      );
      return;
    }
    received.push(authorization);
    if (path === '/v2/') {
      response.writeHead(307, { Location: `${ECHO_PREFIX}${encodeURIComponent(authorization)}`, 'Content-Length': 0 });
      response.end();
    } else if (path.startsWith(ECHO_PREFIX)) {
      send(response, 200, { echo: `Authorization: ${authorization}` }, API_VERSION);
    } else {
      send(
        response,
        404,
        { errors: [{ code: 'NAME_UNKNOWN', message: `no such repository; you sent Authorization: ${authorization}` }] },
        API_VERSION,
      );
    }
  });
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    received: () => [...received],
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  response.end(text);
}
