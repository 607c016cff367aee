import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY_HEADER } from '../../../../main/content-security-policy';
import { rendererResponse } from '../../../../main/platform/renderer-files';
import { createTempDir, type TempDir } from '../../../fixtures/temp-dir';

/**
 * Stands in for Electron's net.fetch of a file:// URL: the file's bytes, and a rejection for a
 * missing file as Chromium gives one (net::ERR_FILE_NOT_FOUND), which is what the handler must
 * never pass on.
 */
async function netFetchFile(fileUrl: string): Promise<Response> {
  try {
    return new Response(readFileSync(fileURLToPath(fileUrl)), { status: 200 });
  } catch {
    throw new Error('net::ERR_FILE_NOT_FOUND');
  }
}

describe('app:// answers (main/platform/renderer-files.ts)', () => {
  let dir: TempDir;
  let root: string;
  beforeAll(async () => {
    dir = await createTempDir('renderer-files');
    root = join(dir.path, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir.path, 'secret.txt'), 'outside');
  });
  afterAll(() => dir.cleanup());

  const get = (url: string, method = 'GET') => rendererResponse({ method, url }, root, netFetchFile);

  it('serves a file under the folder with the security headers', async () => {
    const response = await get('app://regdesk/assets/app.js');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('console.log(1)');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY_HEADER);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await (await get('app://regdesk/')).text()).toBe('<!doctype html>');
  });

  it.each([
    ['a missing asset', 'app://regdesk/assets/missing.js'],
    ['a folder', 'app://regdesk/assets'],
    ['another host', 'app://evil/index.html'],
    ['a path out of the folder', 'app://regdesk/..%2fsecret.txt'],
    ['a malformed escape', 'app://regdesk/%E0%A4%A'],
  ])('answers 404 with the security headers for %s', async (_what, url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY_HEADER);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers 404 to anything but GET', async () => {
    expect((await get('app://regdesk/index.html', 'POST')).status).toBe(404);
  });
});
