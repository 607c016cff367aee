// Help → Export diagnostics…, end to end: the renderer in Chromium, main's own services behind the
// harness, a validation against a server that echoes the credentials back, the native save dialog
// answered by the harness's seam; the preview and the saved file must hold no planted secret.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canarySecret } from '../fixtures/canary';
import { createPki, type Pki } from '../fixtures/pki';
import { basicRecord, seedStore } from '../fixtures/registry-records';
import { startEchoRegistry, type EchoRegistry } from '../fixtures/echo-registry';
import { axeViolations } from './axe';
import { useAppSession } from './app-session';
import { DiagnosticsDialog } from './pages/diagnostics-dialog';

let pkiDir: string;
let pki: Pki;
let echo: EchoRegistry;

const app = useAppSession();

beforeAll(async () => {
  pkiDir = mkdtempSync(join(tmpdir(), 'regdesk-e2e-pki-'));
  pki = await createPki(pkiDir);
  echo = await startEchoRegistry({ certificate: pki.leaf.fullchain, key: pki.leaf.key });
});
afterAll(async () => {
  await echo?.close();
  rmSync(pkiDir, { recursive: true, force: true });
});

/** A stored registry on the echoing server, its password kept for the session, validated once from main. */
async function validatedHostileRegistry(): Promise<{ secret: string; forms: string[] }> {
  const record = basicRecord({
    name: 'echo-hostile',
    endpoint: echo.url,
    username: 'robot',
    tls: { insecureSkipVerify: false, caPem: pki.root.certPem },
  });
  seedStore(app.dataDir, [record]);
  const secret = canarySecret('diagnostics-e2e');
  await app.harness.services.secrets.set({ registryId: record.id, field: 'password' }, secret, 'session');
  const { report } = await app.harness.services.validateStored(randomUUID(), record.id, () => undefined);
  const header = `Basic ${Buffer.from(`robot:${secret}`).toString('base64')}`;
  // The server was sent the credentials and echoed them; main scrubbed them from the report it kept.
  expect(echo.received()).toContain(header);
  expect(JSON.stringify(report)).toContain('/v2/echo/Basic%20cm9i[redacted: stored secret]');
  return { secret, forms: [secret, encodeURIComponent(header), header.slice('Basic '.length).replace(/=+$/, '')] };
}

describe('Export diagnostics', () => {
  it('previews the redacted file, saves exactly that through main, and no secret reaches either', async () => {
    const { forms } = await validatedHostileRegistry();
    const { page, registries } = await app.open();
    const diagnostics = new DiagnosticsDialog(page);
    await diagnostics.open();

    await expect.poll(() => diagnostics.previewText()).toContain('"name": "echo-hostile"');
    const preview = await diagnostics.previewText();
    for (const form of forms) expect(preview).not.toContain(form);
    expect(preview).not.toContain('canary-');
    expect(preview).toContain('/v2/echo/Basic%20cm9i[redacted: stored secret]');
    expect(preview).toContain('"host": "harness"');
    expect(await diagnostics.redactionsByKind().innerText()).toContain('stored secret: 1');
    await registries.settled();
    expect(await axeViolations(page, 'diagnostics dialog')).toEqual([]);

    const target = join(app.dataDir, 'support.json');
    app.harness.fileSaver.nextSave({ canceled: false, path: target });
    await diagnostics.button('Save…').click();
    await diagnostics
      .saveStatus()
      .filter({ hasText: `Saved to ${target}` })
      .waitFor();
    const saved = readFileSync(target, 'utf8');
    expect(saved).toBe(preview);
    for (const form of forms) expect(saved).not.toContain(form);
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(app.harness.fileSaver.lastRequest()?.defaultName).toMatch(/^regdesk-diagnostics-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.json$/);

    // With nothing queued the dialog counts as cancelled.
    await diagnostics.button('Save…').click();
    await diagnostics.saveStatus().filter({ hasText: 'Save cancelled: nothing was written.' }).waitFor();
    await diagnostics.button('Close').click();
    await diagnostics.dialog().waitFor({ state: 'hidden' });
    // The menu item that opened it is gone with its menu: the focus goes back to the Help button.
    await expect
      .poll(() => diagnostics.helpButton().evaluate((button: { matches(selector: string): boolean }) => button.matches(':focus')))
      .toBe(true);
  });

  it('is reachable by keyboard and axe-clean in the dark scheme', async () => {
    seedStore(app.dataDir, [basicRecord({ name: 'harbor-packs' })]);
    const { page, registries } = await app.open({ colorScheme: 'dark' });
    const diagnostics = new DiagnosticsDialog(page);
    await diagnostics.helpButton().focus();
    await page.keyboard.press('Enter');
    await diagnostics.menuItem().waitFor();
    await page.keyboard.press('Enter');
    await diagnostics.dialog().waitFor();
    await expect.poll(() => diagnostics.previewText()).toContain('"name": "harbor-packs"');
    // The preview scrolls, so it takes focus (axe "scrollable-region-focusable").
    expect(await diagnostics.preview().getAttribute('tabindex')).toBe('0');
    await registries.settled();
    expect(await axeViolations(page, 'diagnostics dialog (dark)')).toEqual([]);
    await page.keyboard.press('Escape');
    await diagnostics.dialog().waitFor({ state: 'hidden' });
  });
});
