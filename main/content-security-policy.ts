/**
 * The renderer's Content Security Policy, in one place. `renderer/index.html` carries the same
 * policy in its meta tag (the dev server and the browser harness serve that file as it is), and
 * test/integration/build checks that the built `out/renderer/index.html` says exactly this.
 *
 * - default-src 'none': everything not named below is refused (frames, workers, fonts, media…).
 * - script-src 'self': the bundle only; no inline script, no eval, no remote host.
 * - style-src-elem 'unsafe-inline': Mantine writes its CSS variables and responsive style props
 *   into <style> elements at run time (MantineProvider, InlineStyles); measured in Chromium, the
 *   page breaks without it. Inline style *attributes* stay refused (style-src-attr 'none'): React
 *   and Mantine set element styles through the CSSOM, which CSP does not govern.
 * - img-src data:: only the empty `data:,` favicon, which keeps Chromium from asking for /favicon.ico.
 * - connect-src 'self': the browser harness calls POST /ipc/<channel> and GET /events on its own
 *   origin; in Electron the page talks to main through the preload, not the network.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "style-src-elem 'self' 'unsafe-inline'",
  "style-src-attr 'none'",
  'img-src data:',
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The header the app:// protocol sends. frame-ancestors only works in a header (browsers ignore
 * it in a meta tag): no other page may frame the app.
 */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;

/** Adds the policy (and no MIME sniffing) to a response the app protocol built. */
export function withSecurityHeaders(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY_HEADER);
  headers.set('X-Content-Type-Options', 'nosniff');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
