import { stat } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { withSecurityHeaders } from '../content-security-policy';

/** Electron's `net.fetch`, passed in so this module runs without Electron. */
export type FetchFile = (fileUrl: string) => Promise<Response>;

/**
 * The answer to one app:// request: the file under `rendererDir` it names, or 404 for another
 * host, a path outside the folder, a malformed escape, a folder or a file that is not there.
 * Every answer carries the security headers. A missing file is checked before fetching because
 * `net.fetch` of a missing file:// URL rejects (net::ERR_FILE_NOT_FOUND), and a protocol handler
 * that throws gives the page a network error without the headers instead of a 404.
 */
export async function rendererResponse(
  request: Pick<Request, 'method' | 'url'>,
  rendererDir: string,
  fetchFile: FetchFile,
): Promise<Response> {
  const file = request.method === 'GET' ? rendererFile(normalize(rendererDir + sep), new URL(request.url)) : undefined;
  if (!file || !(await isFile(file))) return notFound();
  try {
    return withSecurityHeaders(await fetchFile(pathToFileURL(file).toString()));
  } catch {
    return notFound(); // removed between the check and the read
  }
}

function notFound(): Response {
  return withSecurityHeaders(new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } }));
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
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
