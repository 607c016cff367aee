import { net, protocol } from 'electron';
import { rendererResponse } from './renderer-files';

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
  protocol.handle(APP_SCHEME, (request) => rendererResponse(request, rendererDir, (url) => net.fetch(url)));
}
