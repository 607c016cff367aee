import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AesGcmTestCipher } from '../fixtures/aes-gcm-cipher';
import { startHarness, type Harness, type HarnessOptions } from '../harness/server';
import { axeViolations } from './axe';
import { launchChromium, openPage } from './browser';
import { RegistriesPage } from './pages/registries-page';

let browser: Browser;
let harness: Harness | undefined;
let dataDir: string;
let session: Awaited<ReturnType<typeof openPage>> | undefined;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'regdesk-e2e-storage-'));
});
afterEach(async () => {
  const errors = session?.errors ?? [];
  await session?.close();
  session = undefined;
  await harness?.close();
  harness = undefined;
  rmSync(dataDir, { recursive: true, force: true });
  expect(errors).toEqual([]);
});

/** (Re)starts the harness on the test's data folder and opens the app in a fresh page. */
async function start(options: Omit<HarnessOptions, 'dataDir'> = {}) {
  await session?.close();
  await harness?.close();
  harness = await startHarness({ dataDir, ...options });
  session = await openPage(browser, harness.url);
  const page = new RegistriesPage(session.page);
  await page.waitUntilReady();
  return page;
}

async function expectNoAxeViolations() {
  expect(await axeViolations(session!.page)).toEqual([]);
}

describe('storage alerts on the Pack Registries page', () => {
  it('tell the admin that damaged saved registries were moved aside, and where to', async () => {
    writeFileSync(join(dataDir, 'registries.json'), '{"registries": [ {"id": "cut-off-mid-wr');
    const page = await start();
    await page.storageAlert('Saved registries could not be read').waitFor();
    const backupPath = (await page.backupPath().textContent()) ?? '';
    expect(backupPath).toMatch(/registries\.unreadable-.+\.json$/);
    expect(readFileSync(backupPath, 'utf8')).toBe('{"registries": [ {"id": "cut-off-mid-wr');
    await page.emptyState('system').waitFor();
    await expectNoAxeViolations();
  });

  it('say that secrets stay for the session without a keychain, and remember an explicit opt-in', async () => {
    let page = await start();
    await page.storageAlert('No keychain: secrets are kept for this session only').waitFor();
    await page.page.getByRole('button', { name: 'Save secrets without a keychain' }).click();
    await page.storageAlert('Secrets are saved without a keychain').waitFor();
    await expectNoAxeViolations();

    page = await start();
    await page.storageAlert('Secrets are saved without a keychain').waitFor();
    expect(await page.page.getByRole('button', { name: 'Stop saving secrets without a keychain' }).isVisible()).toBe(true);
    expect(existsSync(join(dataDir, 'registries.json'))).toBe(true);
  });

  it('stay out of the way when there is a keychain and nothing was damaged', async () => {
    const page = await start({ cipher: new AesGcmTestCipher({ backend: 'gnome_libsecret' }) });
    await page.heading().waitFor();
    await page.page.getByText('Secrets: gnome_libsecret').waitFor();
    expect(await page.page.getByRole('alert').count()).toBe(0);
    expect(await page.page.getByRole('status').count()).toBe(0);
  });
});
