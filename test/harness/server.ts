import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { appError, errorCatalog } from '../../shared/errors';
import Conf from 'conf';
import { register } from '../../main/ipc/register';
import { trustOrigin, type Invoke } from '../../main/ipc/handle';
import { createServices, type Services } from '../../main/services';
import type { SecretCipher } from '../../main/services/secrets/secret-cipher';
import { openAppStorage } from '../../main/services/store/app-storage';
import { AesGcmTestCipher } from '../fixtures/aes-gcm-cipher';
import { bridgeScript } from './build-bridge';
import { createFilePickSeam, parseNextPick, type FilePickSeam } from './file-pick-seam';
import { createFileSaveSeam, type FileSaveSeam } from './file-save-seam';
import { foreignRequestReason } from './loopback-guard';

export interface HarnessOptions {
  /** Folder holding the store file; each test gives its own. */
  dataDir: string;
  /** 0 (the default) lets the system pick a free port. */
  port?: number;
  rendererDir?: string;
  /**
   * Stands in for safeStorage. Defaults to a real AES-256-GCM cipher that reports no keychain
   * (`basic_text`), so secrets are refused on disk unless kept for the session or opted in.
   */
  cipher?: SecretCipher;
}

export interface Harness {
  url: string;
  services: Services;
  /** Stands in for the native open dialog: `filePicker.nextPick({ canceled: false, path })`, or POST /__harness/next-pick. */
  filePicker: FilePickSeam;
  /** Stands in for the native save dialog: `fileSaver.nextSave({ canceled: false, path })`, or POST /__harness/next-save. */
  fileSaver: FileSaveSeam;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/**
 * Serves the built renderer and binds main's own `register()` over loopback HTTP: requests go to
 * `POST /ipc/<channel>`, events stream from `GET /events` (SSE). The page's Origin header plays
 * the part of Electron's sender frame, so the same sender check runs.
 */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const rendererDir = resolve(options.rendererDir ?? 'out/renderer');
  const indexHtml = await readFile(join(rendererDir, 'index.html'), 'utf8').catch(() => {
    throw new Error(`No built renderer in ${rendererDir}: run \`npx electron-vite build\` first.`);
  });
  const bridge = await bridgeScript();
  const storage = openAppStorage(options.dataDir, { open: (storeOptions) => new Conf(storeOptions) });
  const cipher =
    options.cipher ??
    new AesGcmTestCipher({
      backend: 'basic_text',
      description: 'Browser harness: no OS keychain is involved; use the desktop app for real secrets',
    });
  const filePicker = createFilePickSeam();
  const fileSaver = createFileSaveSeam();
  const services = createServices({
    appInfo: {
      name: 'Pack Registry Desk',
      version: process.env['npm_package_version'] ?? '0.0.0',
      platform: process.platform,
      host: 'harness',
    },
    store: storage.store,
    secrets: { store: storage.secretsStore, cipher },
    storageNotices: storage.storageNotices,
    filePicker,
    fileSaver,
  });

  const routes = new Map<string, Invoke>();
  const streams = new Set<ServerResponse>();
  let origin = '';
  let port = 0;
  const unregister = register(
    {
      handle: (channel, invoke) => routes.set(channel, invoke),
      emit: (channel, payload) => {
        const frame = `event: ${channel}\ndata: ${JSON.stringify(payload)}\n\n`;
        streams.forEach((stream) => stream.write(frame));
      },
    },
    services,
    { isTrustedSender: (url) => trustOrigin(origin)(url), log: console },
  );

  const server = createServer((request, response) => {
    void route(request, response).catch((error: unknown) => {
      console.error('harness: request failed:', error instanceof Error ? error.message : error);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Before any route, the event stream included: it carries host names, endpoints and user names.
    const foreign = foreignRequestReason(request.headers, port);
    if (foreign) {
      const error = { ...appError('FORBIDDEN_SENDER'), message: `${errorCatalog.FORBIDDEN_SENDER.message} (${foreign})` };
      return send(response, 403, 'application/json', JSON.stringify({ ok: false, error }));
    }
    const url = new URL(request.url ?? '/', origin);
    if (request.method === 'POST' && url.pathname === '/__harness/next-save') {
      if (request.headers.origin) return send(response, 403, 'text/plain', 'Forbidden');
      const choice = parseNextPick(await readJson(request));
      if (!choice)
        return send(response, 400, 'application/json', JSON.stringify({ error: 'send {"path": "/abs/file"} or {"canceled": true}' }));
      fileSaver.nextSave(choice);
      return send(response, 200, 'application/json', JSON.stringify({ queued: true }));
    }
    if (request.method === 'POST' && url.pathname === '/__harness/next-pick') {
      // The file-pick seam is for the test runner, not for pages: browsers send Origin on every POST.
      if (request.headers.origin) return send(response, 403, 'text/plain', 'Forbidden');
      const choice = parseNextPick(await readJson(request));
      if (!choice)
        return send(response, 400, 'application/json', JSON.stringify({ error: 'send {"path": "/abs/file"} or {"canceled": true}' }));
      filePicker.nextPick(choice);
      return send(response, 200, 'application/json', JSON.stringify({ queued: true }));
    }
    if (request.method === 'POST' && url.pathname.startsWith('/ipc/')) {
      const invoke = routes.get(decodeURIComponent(url.pathname.slice('/ipc/'.length)));
      // In the envelope the renderer's client reads, so a page out of step with main says so plainly.
      if (!invoke) return send(response, 404, 'application/json', JSON.stringify({ ok: false, error: appError('UNKNOWN_CHANNEL') }));
      const body = await readJson(request);
      // Browsers send Origin on every POST; its absence means the caller is not a page of ours.
      const result = await invoke(request.headers.origin, body?.input);
      return send(response, 200, 'application/json', JSON.stringify(result));
    }
    if (request.method !== 'GET') return send(response, 405, 'text/plain', 'Method not allowed');
    if (url.pathname === '/events') return openEventStream(response);
    if (url.pathname === '/__harness/bridge.js') return send(response, 200, contentTypes['.js']!, bridge);
    if (url.pathname === '/' || url.pathname === '/index.html') {
      // The bridge must define window.regdesk before the app's module script runs.
      const html = indexHtml.replace('<script', '<script src="/__harness/bridge.js"></script>\n    <script');
      return send(response, 200, contentTypes['.html']!, html);
    }
    return serveStatic(url.pathname, response);
  }

  function openEventStream(response: ServerResponse): void {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    response.write(': connected\n\n');
    streams.add(response);
    response.on('close', () => streams.delete(response));
  }

  async function serveStatic(pathname: string, response: ServerResponse): Promise<void> {
    const file = normalize(join(rendererDir, decodeURIComponent(pathname)));
    if (!file.startsWith(rendererDir + sep)) return send(response, 404, 'text/plain', 'Not found');
    const type = contentTypes[extname(file)] ?? 'application/octet-stream';
    const body = await readFile(file).catch(() => undefined);
    if (!body) return send(response, 404, 'text/plain', 'Not found');
    return send(response, 200, type, body);
  }

  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done));
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/`,
    services,
    filePicker,
    fileSaver,
    async close() {
      unregister();
      storage.store._closeWatcher();
      streams.forEach((stream) => stream.end());
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}

async function readJson(request: IncomingMessage): Promise<{ input?: unknown } | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as { input?: unknown };
  } catch {
    return undefined;
  }
}
