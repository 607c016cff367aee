// The smallest supported window (1024×640) and a common one (1280×800), light and dark, in real
// Chromium through the harness: what must be on the first screen is there, and axe (contrast
// included) finds nothing, field errors on screen.
import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPki, type Pki } from '../fixtures/pki';
import { basicRecord, seedStore, withValidation } from '../fixtures/registry-records';
import { startRegistry, type RunningRegistry } from '../fixtures/registry';
import { createTempDir, type TempDir } from '../fixtures/temp-dir';
import { useAppSession } from './app-session';
import { ExportDialogs } from './pages/export-dialogs';
import { WizardPage } from './pages/wizard-page';

const app = useAppSession();
let dir: TempDir;
let pki: Pki;
let selfSigned: RunningRegistry;

beforeAll(async () => {
  dir = await createTempDir('e2e-small-window');
  pki = await createPki(dir.path);
  selfSigned = await startRegistry({ tls: { certificate: pki.selfSignedLeaf.cert, key: pki.selfSignedLeaf.key } });
});
afterAll(async () => {
  await selfSigned?.stop();
  await dir?.cleanup();
});

const LONG_HOST = 'registry-mirror-number-one.platform-engineering.corp.example';
const records = Array.from({ length: 8 }, (_, i) =>
  withValidation(
    basicRecord({
      name: `harbor-${i}`,
      endpoint: `https://${LONG_HOST}:5000/artifactory/api/docker/packs-${i}`,
      baseContentPath: 'spectro',
    }),
    i % 2 === 0,
  ),
);

/** axe with the colour-contrast rule on; it must have checked some text, or a pass would mean nothing. */
async function axeWithContrast(page: Page, screen: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).options({ rules: { 'color-contrast': { enabled: true } } }).analyze();
  expect(results.passes.some((rule) => rule.id === 'color-contrast')).toBe(true);
  return results.violations.map((v) => `${screen}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

type Box = { top: number; left: number; bottom: number; right: number; height: number };

/** Entirely inside the window, without scrolling. (Test files are type-checked without the DOM library.) */
async function onFirstScreen(locator: Locator): Promise<boolean> {
  return locator.evaluate((element: { getBoundingClientRect(): Box }) => {
    const box = element.getBoundingClientRect();
    const view = globalThis as unknown as { innerWidth: number; innerHeight: number };
    return box.height > 0 && box.top >= 0 && box.left >= 0 && box.bottom <= view.innerHeight && box.right <= view.innerWidth;
  });
}

const viewports = [
  { width: 1024, height: 640 },
  { width: 1280, height: 800 },
] as const;
const schemes = ['light', 'dark'] as const;
// Each test draws several screens and runs axe on each: on a shared 2-core machine that can pass a minute.
const SLOW = 150_000;

describe.each(viewports)('at $width×$height', (viewport) => {
  it.each(schemes)(
    '%s: a row on the first screen, whole host names, Save in view in Export',
    async (colorScheme) => {
      seedStore(app.dataDir, records);
      const { page, registries } = await app.open({ viewport, colorScheme });
      await registries.row('harbor-0').waitFor();
      // The row's header cell spans the row's height; the table itself may scroll sideways.
      expect(await onFirstScreen(registries.row('harbor-0').getByRole('rowheader'))).toBe(true);
      // The host name is drawn on one line, wherever the endpoint wraps.
      const hostLines = await registries
        .row('harbor-0')
        .getByText(`https://${LONG_HOST}:5000`, { exact: true })
        .evaluate((span: { getClientRects(): { length: number } }) => span.getClientRects().length);
      expect(hostLines).toBe(1);
      expect(await axeWithContrast(page, `list ${colorScheme}`)).toEqual([]);

      const dialogs = new ExportDialogs(page);
      await dialogs.exportAllButton().click();
      const dialog = dialogs.exportDialog('all 8 registries');
      await dialogs.previewText(dialog);
      expect(await onFirstScreen(dialog.getByRole('button', { name: 'Save…' }))).toBe(true);
      expect(await axeWithContrast(page, `export ${colorScheme}`)).toEqual([]);
    },
    SLOW,
  );

  it.each(schemes)(
    '%s: after a TLS failure Upload file and Confirm are in view; field errors are readable',
    async (colorScheme) => {
      seedStore(app.dataDir, records);
      const { page, registries } = await app.open({ viewport, colorScheme });
      await registries.addButton().click();
      const wizard = new WizardPage(page);
      await wizard.heading().waitFor();
      // A taken name: its message is on screen while axe looks.
      await wizard.fillBasic({ name: 'harbor-1', endpoint: selfSigned.endpoint });
      expect(await wizard.validate()).toBe('failed');
      expect(await wizard.verdictText()).toContain('TLS:');
      expect(await onFirstScreen(wizard.button('Upload file'))).toBe(true);
      expect(await onFirstScreen(wizard.button('Confirm'))).toBe(true);
      expect(await onFirstScreen(wizard.verdict())).toBe(true);

      await wizard.field('Endpoint').fill('');
      await page.getByText('Enter the registry endpoint.').waitFor();
      await page.getByText('A system registry is already called “harbor-1”.').waitFor();
      expect(await axeWithContrast(page, `wizard errors ${colorScheme}`)).toEqual([]);
      // The placeholder of a field in error keeps the placeholder colour; it does not turn red.
      type Styles = (element: unknown, pseudo: string) => { color: string };
      const placeholder = (field: Locator) =>
        field.evaluate((input) => (globalThis as unknown as { getComputedStyle: Styles }).getComputedStyle(input, '::placeholder').color);
      expect(await wizard.field('Endpoint').getAttribute('aria-invalid')).toBe('true');
      expect(await placeholder(wizard.field('Endpoint'))).toBe(await placeholder(wizard.field('Base Content Path')));
    },
    SLOW,
  );
});
