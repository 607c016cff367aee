// Times the registries list in real Chromium through the harness: each run a fresh browser
// context (empty cache, a new renderer process), timed inside the page against navigation start.
import type { Browser } from 'playwright-core';
import { RegistriesPage } from '../../test/e2e/pages/registries-page';
import type { Harness } from '../../test/harness/server';

export const LIST_DATA_MARK = 'regdesk:list-data';
export const LIST_RENDERED_MARK = 'regdesk:list-rendered';

/** Times in ms since navigation start, as the page's own clock reads them; null when not recorded. */
export interface ListTiming {
  /** The first frame in which a data row of the list and an enabled "Add New Pack Registry" button were both in the DOM. */
  readonly rowAndAddSeenAt: number;
  readonly listData: number | null;
  /** The first `regdesk:list-rendered` at or after the first `regdesk:list-data`. */
  readonly listRendered: number | null;
  /** When the page asked for `registries:list`, and when the answer had arrived (resource timing). */
  readonly listRequestStart: number | null;
  readonly listResponseEnd: number | null;
  readonly domContentLoaded: number | null;
}

// Runs in the page before the app's scripts (CDP init script, outside the page's CSP). Plain JS
// in a string: this script is type-checked without the DOM library. The selectors are the page
// object's roles written as CSS: the table named "… pack registries", its row headers, the button.
const FRAME_POLL = `(() => {
  const poll = () => {
    const row = document.querySelector('table[aria-label$=" pack registries"] tbody th');
    const add = Array.from(document.querySelectorAll('button')).find((b) => b.textContent.trim() === 'Add New Pack Registry');
    if (row && add && !add.disabled) { window.__regdeskBench = performance.now(); return; }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();`;

/** What the measuring functions use of the page's globals: this file is type-checked without the DOM library. */
interface PageEntry {
  readonly name: string;
  readonly startTime: number;
  readonly responseEnd?: number;
  readonly domContentLoadedEventEnd?: number;
}
interface PageGlobals {
  readonly __regdeskBench?: number;
  readonly performance: {
    getEntriesByName(name: string, type: string): PageEntry[];
    getEntriesByType(type: string): PageEntry[];
  };
}

// Functions, not strings: the app's CSP forbids eval, and Playwright runs a function without it.
function readTimes(names: { data: string; rendered: string }): ListTiming {
  // No local function consts in here: tsx would wrap them in a helper that does not exist in the page.
  const page = globalThis as unknown as PageGlobals;
  const listData = page.performance.getEntriesByName(names.data, 'mark')[0]?.startTime ?? null;
  const rendered = page.performance.getEntriesByName(names.rendered, 'mark').find((e) => listData !== null && e.startTime >= listData);
  const listRendered = rendered?.startTime ?? null;
  const list = page.performance.getEntriesByType('resource').find((e) => /\/ipc\/registries(%3A|:)list$/.test(e.name));
  const navigation = page.performance.getEntriesByType('navigation')[0];
  return {
    rowAndAddSeenAt: page.__regdeskBench ?? Number.NaN,
    listData,
    listRendered,
    listRequestStart: list?.startTime ?? null,
    listResponseEnd: list?.responseEnd ?? null,
    domContentLoaded: navigation?.domContentLoadedEventEnd ?? null,
  };
}

/**
 * Opens the app once in a new context and returns its timings. `withMarks` says the build has the
 * renderer's performance marks: then the run also waits for `regdesk:list-rendered`.
 */
export async function timeColdList(browser: Browser, harness: Harness, firstRowName: string, withMarks: boolean): Promise<ListTiming> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  try {
    await context.addInitScript({ content: FRAME_POLL });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(harness.url);
    await page.waitForFunction(() => (globalThis as unknown as PageGlobals).__regdeskBench !== undefined, undefined, { timeout: 30_000 });
    if (withMarks) {
      await page.waitForFunction(
        (name) => (globalThis as unknown as PageGlobals).performance.getEntriesByName(name, 'mark').length > 0,
        LIST_RENDERED_MARK,
        { timeout: 30_000 },
      );
    }
    const timing = await page.evaluate(readTimes, { data: LIST_DATA_MARK, rendered: LIST_RENDERED_MARK });
    // What the frame poll saw, checked the way a user finds it: by role and name.
    const registries = new RegistriesPage(page);
    await registries.row(firstRowName).waitFor({ timeout: 10_000 });
    if (!(await registries.addButton().isEnabled())) throw new Error('the Add New Pack Registry button is not enabled');
    if (errors.length > 0) throw new Error(`the page reported errors: ${errors.join('; ')}`);
    return timing;
  } finally {
    await context.close();
  }
}
