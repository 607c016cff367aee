import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { startHarness, type Harness } from '../harness/server';
import { launchChromium, openPage } from './browser';
import { RegistriesPage } from './pages/registries-page';

/**
 * The set-up every list-level e2e file shares: one Chromium per file, a fresh data folder and
 * harness per test, and a page whose console errors fail the test that caused them.
 */
export function useAppSession() {
  let browser: Browser | undefined;
  let harness: Harness | undefined;
  let dataDir: string | undefined;
  let session: Awaited<ReturnType<typeof openPage>> | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'regdesk-e2e-'));
    harness = await startHarness({ dataDir });
  });
  afterEach(async () => {
    const errors = session?.errors ?? [];
    await session?.close();
    session = undefined;
    await harness?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    expect(errors).toEqual([]);
  });

  const required = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is only available inside a test`);
    return value;
  };

  return {
    get harness(): Harness {
      return required(harness, 'the harness');
    },
    get dataDir(): string {
      return required(dataDir, 'the data folder');
    },
    get page(): Page {
      return required(session, 'the page').page;
    },
    /** Opens the app in a fresh context and waits until its first data has loaded. */
    async open(options: BrowserContextOptions = {}): Promise<{ page: Page; registries: RegistriesPage }> {
      session = await openPage(required(browser, 'the browser'), required(harness, 'the harness').url, options);
      const registries = new RegistriesPage(session.page);
      await registries.waitUntilReady();
      return { page: session.page, registries };
    },
  };
}
