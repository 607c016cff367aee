import type { App, Session, WebContents } from 'electron';
import { anyOf, CHARACTER_CLASSES } from '../shared/text-rules';

/** An https origin whose pages may open in the system browser, optionally only under one path. */
export interface ExternalLinkRule {
  origin: `https://${string}`;
  pathPrefix?: `/${string}/`;
}

/**
 * The only links the window may open, and only in the system browser, never in the app: the
 * documentation an admin needs beside this app. Nothing in the renderer links out today; a link
 * added later to anywhere else is refused (and logged) until it is listed here.
 */
export const EXTERNAL_LINK_ALLOWLIST: readonly ExternalLinkRule[] = [
  { origin: 'https://docs.spectrocloud.com' },
  { origin: 'https://docs.aws.amazon.com' },
  { origin: 'https://github.com', pathPrefix: '/opencontainers/distribution-spec/' },
];

/**
 * The one permission the app uses: the "Copy" button (ECR trust policy) writes with
 * navigator.clipboard.writeText, which Electron gates behind `clipboard-sanitized-write`.
 * Granted to the app's own main frame only; every other permission is refused.
 */
const APP_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

const MAX_EXTERNAL_URL_LENGTH = 2048;

export interface SecurityOptions {
  /** Origins of the app's own pages: app://regdesk, or the dev server in development. */
  appOrigins: readonly string[];
  /** Electron's shell.openExternal, injected so this module stays testable without Electron. */
  openExternal(url: string): Promise<void>;
  log: { warn(message: string): void };
  externalLinks?: readonly ExternalLinkRule[];
}

type RestrictableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'> & {
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;
};

/**
 * Navigation, new-window, webview and permission rules for every web contents the app creates
 * (Electron security checklist: 5 permissions, 12 webviews, 13 navigation, 14 new windows,
 * 15 openExternal). Takes `app` as a parameter so it can be unit-tested without Electron.
 */
export function applySecurityRestrictions(app: Pick<App, 'on'>, options: SecurityOptions): void {
  app.on('web-contents-created', (_event, contents) => restrictContents(contents, options));
}

export function restrictContents(contents: RestrictableContents, options: SecurityOptions): void {
  const { appOrigins, log } = options;
  const openIfAllowlisted = (what: string, url: string) => {
    const link = externalLinkFor(url, options.externalLinks ?? EXTERNAL_LINK_ALLOWLIST);
    if (!link) return log.warn(`${what} refused: ${describeUrlForLog(url)}`);
    options.openExternal(link).catch((error: unknown) => {
      log.warn(`could not open ${describeUrlForLog(link)} in the browser: ${error instanceof Error ? error.message : typeof error}`);
    });
  };

  // Electron emits will-frame-navigate first, for every frame, and will-navigate (main frame) only
  // when that was not prevented (shell/browser/electron_navigation_throttle.cc, WillStartRequest).
  // So the main-frame verdict lives in the first handler: a docs link opens in the browser, and
  // the window itself never leaves the app. will-navigate repeats it in case the order changes.
  const guardNavigation = (event: { url: string; isMainFrame?: boolean; preventDefault(): void }, mainFrame: boolean): void => {
    if (isAppUrl(event.url, appOrigins)) return;
    event.preventDefault();
    if (mainFrame) openIfAllowlisted('navigation', event.url);
    else log.warn(`frame navigation refused: ${describeUrlForLog(event.url)}`);
  };
  contents.on('will-frame-navigate', (event) => guardNavigation(event, event.isMainFrame));
  contents.on('will-navigate', (event) => guardNavigation(event, true));
  // Redirects: refused outright, never opened.
  contents.on('will-redirect', (event) => {
    if (isAppUrl(event.url, appOrigins)) return;
    event.preventDefault();
    log.warn(`redirect refused: ${describeUrlForLog(event.url)}`);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('webview refused');
  });
  // window.open and target=_blank: never a new Electron window.
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowlisted('new window', url);
    return { action: 'deny' };
  });

  contents.session.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    const granted = APP_PERMISSIONS.has(permission) && details.isMainFrame && isAppUrl(details.requestingUrl, appOrigins);
    if (!granted) log.warn(`permission refused: ${permission} for ${describeUrlForLog(details.requestingUrl)}`);
    callback(granted);
  });
  contents.session.setPermissionCheckHandler(
    (_webContents, permission, requestingOrigin, details) =>
      APP_PERMISSIONS.has(permission) && details.isMainFrame && isAppUrl(requestingOrigin, appOrigins),
  );
  // WebHID, Web Serial, WebUSB: no device is ever offered to the page.
  contents.session.setDevicePermissionHandler(() => false);
}

/**
 * True when the URL is one of the app's own pages. Scheme and host are compared after parsing,
 * never by prefix; WHATWG `URL.origin` is "null" for custom schemes such as app://, so it is
 * spelled out. A URL with credentials is never the app's.
 */
export function isAppUrl(url: string | undefined, appOrigins: readonly string[]): boolean {
  const parsed = parseUrl(url);
  if (!parsed || parsed.username || parsed.password) return false;
  return appOrigins.some((origin) => {
    const allowed = parseUrl(origin);
    return allowed !== undefined && `${allowed.protocol}//${allowed.host}` === `${parsed.protocol}//${parsed.host}`;
  });
}

/**
 * What an external link may not hold: backslashes, white space (line separators, NBSP and BOM
 * included), C0 and DEL, which WHATWG parsing strips or rewrites and an OS URL handler may read
 * otherwise. C1 and format characters are left to the parser, which percent-encodes them.
 */
export const REFUSED_IN_EXTERNAL_URL = anyOf(['\\\\', '\\s', CHARACTER_CLASSES.c0, CHARACTER_CLASSES.delete]);

/**
 * The URL to hand to the system browser, or undefined when it is not an allowlisted https link.
 * The parsed, re-serialised URL is returned rather than the input, so the browser opens exactly
 * what was checked (backslashes, tabs and Unicode hosts are normalised by WHATWG parsing, which
 * the OS URL handler may not do alike — hence such input is refused outright).
 */
export function externalLinkFor(url: string, rules: readonly ExternalLinkRule[] = EXTERNAL_LINK_ALLOWLIST): string | undefined {
  if (url.length > MAX_EXTERNAL_URL_LENGTH || REFUSED_IN_EXTERNAL_URL.test(url)) return undefined;
  const parsed = parseUrl(url);
  if (!parsed || parsed.protocol !== 'https:' || parsed.username || parsed.password) return undefined;
  // Encoded slashes could climb out of a path prefix on servers that decode them.
  if (/%2f|%5c/i.test(parsed.pathname)) return undefined;
  // `origin` carries the port, so https://docs.aws.amazon.com:8443 is not https://docs.aws.amazon.com.
  const allowed = rules.some((rule) => parsed.origin === rule.origin && (!rule.pathPrefix || parsed.pathname.startsWith(rule.pathPrefix)));
  return allowed ? parsed.href : undefined;
}

/**
 * What a log line may say about a refused URL: scheme, host and path of a web or file URL, and
 * only the scheme of anything else (javascript: and data: URLs carry their payload). Never the
 * query, fragment or credentials: they can hold tokens.
 */
export function describeUrlForLog(url: string | undefined): string {
  const parsed = parseUrl(url);
  if (!parsed) return url ? 'an unparseable URL' : 'no URL';
  if (!['http:', 'https:', 'file:', 'app:'].includes(parsed.protocol)) return `a ${parsed.protocol} URL`;
  const where = `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  return where.length > 200 ? `${where.slice(0, 200)}…` : where;
}

function parseUrl(url: string | undefined): URL | undefined {
  if (!url) return undefined;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
