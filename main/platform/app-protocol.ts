import { net, protocol } from 'electron';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { withSecurityHeaders } from '../content-security-policy';

/**
 * The renderer is served from `app://regdesk/` rather than `file://` (Electron security checklist:
 * use a custom protocol), which gives the page a real origin to check IPC senders against and
 * keeps it from reading arbitrary files.
 */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://regdesk`;

/** Must run before `app` is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/**
 * Every response carries the CSP as a header too: stronger than the meta tag alone, which only
 * applies once the parser reaches it and cannot say frame-ancestors.
 */
export function serveRenderer(rendererDir: string): void {
  const root = normalize(rendererDir + sep);
  protocol.handle(APP_SCHEME, async (request) => {
    const file = request.method === 'GET' ? rendererFile(root, new URL(request.url)) : undefined;
    if (!file) return withSecurityHeaders(new Response('Not found', { status: 404 }));
    return withSecurityHeaders(await net.fetch(pathToFileURL(file).toString()));
  });
}

/** The file under `root` a URL names, or undefined for another host, a path outside root or bad escapes. */
function rendererFile(root: string, url: URL): string | undefined {
  if (url.host !== 'regdesk') return undefined;
  try {
    const file = normalize(join(root, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)));
    return file.startsWith(root) ? file : undefined;
  } catch {
    return undefined; // URIError: a malformed %-escape
  }
}
