import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegdeskApi } from '../../shared/ipc/contract';
import { RegistriesPage } from '../e2e/pages/registries-page';
import { canarySecret } from '../fixtures/canary';
import { findElectronBinary } from './electron-binary';

const electronBinary = findElectronBinary();

/** The secret vault over Electron's real safeStorage (main/platform/safe-storage-cipher.ts). */
describe.skipIf(!electronBinary)('secrets in the desktop app (real Electron safeStorage)', () => {
  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'regdesk-electron-secrets-'));
    app = await _electron.launch({
      executablePath: electronBinary,
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

  it('follows the keychain policy and never writes the secret in plain text', async () => {
    const secret = canarySecret('electron-password');
    const outcome = await page.evaluate(async (value) => {
      const api = (globalThis as unknown as { regdesk: RegdeskApi }).regdesk;
      const info = await api.appInfo();
      if (!info.ok) return { error: info.error.code };
      const draft = { type: 'basic', name: 'electron-vault', scope: 'system', endpoint: 'https://h.example.test' } as const;
      const save = (persistence: 'persist' | 'session') =>
        api.saveRegistry({ draft, secret: { action: 'set', field: 'password', value, persistence } });
      const persisted = await save('persist');
      const session = persisted.ok ? undefined : await save('session');
      const saved = persisted.ok ? persisted : session;
      if (!saved?.ok) return { error: saved?.error.code ?? 'NOT_SAVED' };
      const status = await api.secretStatus({ registryId: saved.data.record.id });
      const registries = await api.listRegistries();
      return { policy: info.data.secureStorage.policy, persisted, session, status, registries };
    }, secret);

    expect(outcome).not.toHaveProperty('error');
    if (outcome.policy === 'keychain') {
      expect(outcome.persisted).toMatchObject({ ok: true });
      expect(outcome.status).toMatchObject({ ok: true, data: [{ field: 'password', stored: true, where: 'disk', usable: true }] });
    } else {
      // No keychain (CI's basic_text): refused with a stable code, kept for the session instead.
      expect(outcome.persisted).toMatchObject({
        ok: false,
        error: { code: expect.stringMatching(/^SECRET_STORAGE_(INSECURE|UNAVAILABLE)$/) },
      });
      expect(outcome.session).toMatchObject({ ok: true });
      expect(outcome.status).toMatchObject({ ok: true, data: [{ field: 'password', stored: true, where: 'session', usable: true }] });
    }
    // One registry either way: a save refused for its secret leaves none behind.
    expect(outcome.registries).toMatchObject({ ok: true, data: [{ name: 'electron-vault' }] });
    expect(JSON.stringify(outcome)).not.toContain(secret);
    for (const entry of readdirSync(dataDir, { withFileTypes: true, recursive: true })) {
      if (entry.isFile()) expect(readFileSync(join(entry.parentPath, entry.name)).includes(secret), entry.name).toBe(false);
    }
  });
});
