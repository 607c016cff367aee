// "It stays smooth with 1,000 registries" (a budget of test/integration/budgets/budgets.ts), measured: the list in real Chromium through
// the harness, 1,000 registries in one scope (the worst case: one table holds them all).
//
// Budgets, for a 2-core CI machine with Chromium software rendering, each the fastest of five
// rounds so that other work on the machine (the suite's own multi-process store tests run beside
// this one) does not decide the verdict (all rounds are printed):
//   - navigation to the table on screen: under 3 s;
//   - every one of six search keystrokes, to the table showing its result: under 300 ms;
//   - a click on "Next page" to the next rows: under 300 ms.
// The table shows PAGE_SIZE rows a page: drawing all 1,000 at once measured 3.8–4.7 s to ready
// and up to 3.4 s for a keystroke that brought every row back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../harness/server';
import { manyRegistries, seedStore } from '../fixtures/registry-records';
import { launchChromium, openPage } from './browser';
import { PAGE_SIZE, RegistriesPage } from './pages/registries-page';

const COUNT = 1_000;
const READY_BUDGET_MS = 3_000;
const KEYSTROKE_BUDGET_MS = 300;
const ROUNDS = 5;

let browser: Browser;
let harness: Harness;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'regdesk-e2e-scale-'));
  seedStore(dataDir, manyRegistries(1_000));
  [browser, harness] = await Promise.all([launchChromium(), startHarness({ dataDir })]);
});
afterAll(async () => {
  await browser?.close();
  await harness?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/**
 * Measures inside the page, from the next `trigger` event (a keydown in search, a click on a page
 * button) to the first frame after the table shows `rows` rows starting with `firstName`: what
 * the admin waits for. React commits a render whole, so the first row and the count suffice.
 */
async function timeUntilTable(
  page: Page,
  trigger: 'keydown' | 'click',
  expected: { rows: number; firstName: string },
  act: () => Promise<void>,
): Promise<number> {
  await page.evaluate(
    ({ trigger, rows, firstName }) => {
      // The test tsconfig has no DOM library: just the shape this measurement needs.
      type Doc = {
        addEventListener(type: string, listener: () => void, options: { capture: boolean; once: boolean }): void;
        querySelectorAll(selector: string): { length: number; [index: number]: { textContent: string | null } };
      };
      const win = globalThis as unknown as { document: Doc; requestAnimationFrame(callback: () => void): void; measured?: Promise<number> };
      win.measured = new Promise((resolve) => {
        const listener = () => {
          const start = performance.now();
          const poll = () => {
            const shown = win.document.querySelectorAll('table[aria-label="System pack registries"] tbody th');
            if (shown.length === rows && shown[0]?.textContent === firstName)
              win.requestAnimationFrame(() => resolve(performance.now() - start));
            else win.requestAnimationFrame(poll);
          };
          poll();
        };
        win.document.addEventListener(trigger, listener, { capture: true, once: true });
      });
    },
    { trigger, ...expected },
  );
  await act();
  return page.evaluate(() => (globalThis as unknown as { measured: Promise<number> }).measured);
}

const keystrokes = [
  { key: '7', rows: PAGE_SIZE, firstName: 'registry-0700' }, // "registry-07": 100 match
  { key: '7', rows: 10, firstName: 'registry-0770' },
  { key: '7', rows: 1, firstName: 'registry-0777' },
  { key: 'Backspace', rows: 10, firstName: 'registry-0770' },
  { key: 'Backspace', rows: PAGE_SIZE, firstName: 'registry-0700' },
  { key: 'Backspace', rows: PAGE_SIZE, firstName: 'registry-0000' }, // every registry matches again
];

/** The fastest of several runs: what the app costs, without the noise of other work on a shared CI machine. */
const best = (samples: number[]) => Math.min(...samples);
const ms = (samples: number[]) => samples.map((t) => Math.round(t)).join('/');

describe('1,000 registries', () => {
  it(`is on screen in under ${READY_BUDGET_MS} ms and search answers a keystroke in under ${KEYSTROKE_BUDGET_MS} ms`, async () => {
    const readySamples: number[] = [];
    const keystrokeSamples: number[][] = keystrokes.map(() => []);
    const nextPageSamples: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const started = performance.now();
      const session = await openPage(browser, harness.url, { locale: 'en-US' });
      try {
        const registries = new RegistriesPage(session.page);
        await registries.waitUntilReady();
        await registries.row('registry-0000').waitFor();
        readySamples.push(performance.now() - started);
        expect(await registries.scopeTab('System').textContent()).toBe(`System (${COUNT})`);

        await registries.searchField().fill('registry-0');
        await registries
          .matchCount()
          .filter({ hasText: /^1,000 of 1,000 / })
          .waitFor();
        for (const [index, { key, ...expected }] of keystrokes.entries()) {
          keystrokeSamples[index]!.push(await timeUntilTable(session.page, 'keydown', expected, () => session.page.keyboard.press(key)));
        }
        nextPageSamples.push(
          await timeUntilTable(session.page, 'click', { rows: PAGE_SIZE, firstName: 'registry-0050' }, () =>
            registries.pageButton('Next page').click(),
          ),
        );
        expect(session.errors).toEqual([]);
      } finally {
        await session.close();
      }
    }

    // Reported so a slowdown shows before it breaks a budget.
    console.info(
      `1,000 registries, ${ROUNDS} rounds: ready ${ms(readySamples)} ms; ` +
        `keystrokes ${keystrokeSamples.map(ms).join(', ')} ms; next page ${ms(nextPageSamples)} ms`,
    );
    expect(best(readySamples)).toBeLessThan(READY_BUDGET_MS);
    expect(Math.max(...keystrokeSamples.map(best))).toBeLessThan(KEYSTROKE_BUDGET_MS);
    expect(best(nextPageSamples)).toBeLessThan(KEYSTROKE_BUDGET_MS);
  });
});
