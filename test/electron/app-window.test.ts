import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistriesPage } from '../e2e/pages/registries-page';
import { basicRecord, seedStore } from '../fixtures/registry-records';
import { findElectronBinary } from './electron-binary';

const electronBinary = findElectronBinary();
if (!electronBinary) {
  console.warn(
    '\n*** SKIPPED: Electron end-to-end tests: no Electron runtime on this machine (node_modules/electron/dist is empty; ' +
      '`node scripts/electron-runtime.mjs` fetches it, or says how to supply it offline). The renderer was tested in Chromium through the harness instead. ***\n',
  );
}

describe.skipIf(!electronBinary)('the desktop app (real Electron)', () => {
  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'regdesk-electron-'));
    seedStore(dataDir, [basicRecord({ name: 'seeded-for-electron' })]);
    app = await _electron.launch({
      executablePath: electronBinary,
      // Chromium refuses to start as root without --no-sandbox; CI runs as root.
      args: ['out/main/index.js', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      env: { ...process.env, REGDESK_USER_DATA_DIR: dataDir },
    });
    page = await app.firstWindow();
    await new RegistriesPage(page).waitUntilReady();
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the renderer from app://regdesk and lists the stored registries', async () => {
    expect(page.url()).toMatch(/^app:\/\/regdesk\//);
    await new RegistriesPage(page).row('seeded-for-electron').waitFor();
  });

  it('gives the page named functions only, and no Node', async () => {
    const exposed = await page.evaluate(() => ({
      api: Object.keys((globalThis as { regdesk?: object }).regdesk ?? {}).sort(),
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
    }));
    expect(exposed).toMatchObject({ require: 'undefined', process: 'undefined' });
    expect(exposed.api).toEqual(expect.arrayContaining(['appInfo', 'listRegistries', 'onRegistriesChanged', 'runValidation']));
    for (const name of exposed.api) expect(name).not.toMatch(/invoke|send|ipc/i);
  });

  it('reports the real secure storage backend', async () => {
    const info = await page.evaluate(async () => (globalThis as unknown as { regdesk: { appInfo(): Promise<unknown> } }).regdesk.appInfo());
    expect(info).toMatchObject({ ok: true, data: { host: 'electron', secureStorage: { available: expect.any(Boolean) } } });
  });

  it('answers a missing asset with 404 and the security headers (main/platform/renderer-files.ts)', async () => {
    const answer = await page.evaluate(async () => {
      const response = await fetch('app://regdesk/assets/no-such-file.js');
      return { status: response.status, csp: response.headers.get('content-security-policy') };
    });
    expect(answer.status).toBe(404);
    expect(answer.csp).toContain("frame-ancestors 'none'");
  });

  it('refuses to navigate the window to another origin', async () => {
    await page.evaluate(() => {
      (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.invalid/';
    });
    await page.waitForLoadState();
    expect(page.url()).toMatch(/^app:\/\/regdesk\//);
    await new RegistriesPage(page).heading().waitFor();
  });
});
