// Export, import and publish from the Pack Registries list, end to end: the renderer in Chromium,
// main's own services behind the harness, the native dialogs through the harness's seams, and a
// local HTTPS double of Palette's API.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canarySecret } from '../fixtures/canary';
import { startPaletteDouble, type PaletteDouble } from '../fixtures/palette-double';
import { createPki, type Pki } from '../fixtures/pki';
import { basicRecord, seedStore } from '../fixtures/registry-records';
import { axeViolations } from './axe';
import { useAppSession } from './app-session';
import { ExportDialogs } from './pages/export-dialogs';
import { type RegistriesPage } from './pages/registries-page';

const API_KEY = 'e2e-tenant-api-key';
const SYSTEM_TOKEN = 'e2e-pasted-system-token';
let pkiDir: string;
let pki: Pki;
let palette: PaletteDouble;

const app = useAppSession();

beforeAll(async () => {
  pkiDir = mkdtempSync(join(tmpdir(), 'regdesk-e2e-pki-'));
  pki = await createPki(pkiDir);
  palette = await startPaletteDouble({
    tls: { certificate: pki.leaf.fullchain, key: pki.leaf.key },
    apiKeys: [API_KEY],
    tokens: { [SYSTEM_TOKEN]: 'system' },
    runningReads: 1,
  });
});
afterAll(async () => {
  await palette?.close();
  rmSync(pkiDir, { recursive: true, force: true });
});

async function open(colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; registries: RegistriesPage; dialogs: ExportDialogs }> {
  const { page, registries } = await app.open({ colorScheme });
  return { page, registries, dialogs: new ExportDialogs(page) };
}

async function expectNoAxeViolations(page: Page, registries: RegistriesPage) {
  await registries.settled();
  expect(await axeViolations(page)).toEqual([]);
}

/** A draft file as another workstation exports it. */
function draftFile(registries: Array<Record<string, unknown>>): string {
  const path = join(app.dataDir, `drafts-${registries.length}.json`);
  writeFileSync(
    path,
    JSON.stringify({ format: 'pack-registry-desk/drafts', version: 1, exportedAt: '2026-01-01T00:00:00.000Z', registries }, null, 2),
  );
  return path;
}

const draft = (name: string, endpoint = 'https://other.example.test') => ({
  type: 'basic',
  name,
  scope: 'system',
  endpoint,
  baseContentPath: 'packs',
  username: 'robot',
  tls: { insecureSkipVerify: false },
});

describe('Export', () => {
  it('previews Terraform without the secret, even when secrets are included, and Save… writes the preview', async () => {
    const record = basicRecord({ name: 'harbor-packs' });
    seedStore(app.dataDir, [record]);
    const secret = canarySecret('export-e2e');
    await app.harness.services.secrets.set({ registryId: record.id, field: 'password' }, secret, 'session');
    const { page, registries, dialogs } = await open();
    // Every answer main sent the page over the harness's IPC routes.
    const answers: Promise<string>[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/ipc/')) answers.push(response.text());
    });

    await registries.actionsButton('harbor-packs').click();
    await page.getByRole('menuitem', { name: 'Export…', exact: true }).click();
    const dialog = dialogs.exportDialog('“harbor-packs”');
    await dialog.waitFor();
    await dialogs.format(dialog, 'Terraform').check();
    await expect.poll(() => dialogs.previewText(dialog)).toContain('resource "spectrocloud_registry_oci"');
    const preview = await dialogs.previewText(dialog);
    expect(preview).not.toContain(secret);
    expect(await dialogs.secretsWarning(dialog).count()).toBe(0);
    await expectNoAxeViolations(page, registries);

    // With secrets the window still never receives one: a placeholder in the preview,
    // the stored value only in the file main writes after its own save dialog.
    await dialogs.includeSecrets(dialog).check();
    await dialogs.secretsWarning(dialog).waitFor();
    const placeholder = '<password: written when saved>';
    await expect.poll(() => dialogs.previewText(dialog)).toContain(placeholder);
    const withPlaceholder = await dialogs.previewText(dialog);
    expect(withPlaceholder).not.toContain(secret);
    const withSecrets = join(app.dataDir, 'with-secrets.tf');
    app.harness.fileSaver.nextSave({ canceled: false, path: withSecrets });
    await dialogs.button(dialog, 'Save…').click();
    await dialogs
      .saveStatus(dialog)
      .filter({ hasText: `Saved to ${withSecrets}` })
      .waitFor();
    expect(readFileSync(withSecrets, 'utf8')).toBe(withPlaceholder.replace(placeholder, secret));
    expect(await page.content()).not.toContain(secret);
    await dialogs.includeSecrets(dialog).uncheck();
    await expect.poll(() => dialogs.previewText(dialog)).not.toContain(placeholder);

    // Save… goes through main's own export:save, the native dialog answered by the seam.
    const target = join(app.dataDir, 'registries.tf');
    app.harness.fileSaver.nextSave({ canceled: false, path: target });
    await dialogs.button(dialog, 'Save…').click();
    await dialogs
      .saveStatus(dialog)
      .filter({ hasText: `Saved to ${target}` })
      .waitFor();
    // The saved file is the file previewed, time stamp included.
    expect(readFileSync(target, 'utf8')).toBe(await dialogs.previewText(dialog));
    expect(readFileSync(target, 'utf8')).not.toContain(secret);

    // With nothing queued the dialog counts as cancelled.
    await dialogs.button(dialog, 'Save…').click();
    await dialogs.saveStatus(dialog).filter({ hasText: 'Save cancelled: nothing was written.' }).waitFor();

    const received = await Promise.all(answers);
    expect(received.filter((answer) => answer.includes(placeholder)).length).toBeGreaterThan(0);
    for (const answer of received) expect(answer).not.toContain(secret);
  });

  it('exports every registry and is axe-clean in the dark scheme with the warning shown', async () => {
    seedStore(app.dataDir, [basicRecord({ name: 'harbor-a' }), basicRecord({ name: 'harbor-b', scope: 'tenant' })]);
    const { page, registries, dialogs } = await open('dark');
    await dialogs.exportAllButton().click();
    const dialog = dialogs.exportDialog('all 2 registries');
    await dialog.waitFor();
    await dialogs.format(dialog, 'Draft file').check();
    await expect.poll(() => dialogs.previewText(dialog)).toContain('"harbor-b"');
    await dialogs.includeSecrets(dialog).check();
    await dialogs.secretsWarning(dialog).waitFor();
    await expectNoAxeViolations(page, registries);
  });
  it('defaults to the Palette format, and says when Terraform would make system registries tenant-level', async () => {
    seedStore(app.dataDir, [
      basicRecord({ name: 'harbor-system', scope: 'system' }),
      basicRecord({ name: 'harbor-tenant', scope: 'tenant' }),
    ]);
    const { page, registries, dialogs } = await open();
    await dialogs.exportAllButton().click();
    const dialog = dialogs.exportDialog('all 2 registries');
    await dialog.waitFor();
    expect(await dialogs.format(dialog, 'Palette API').isChecked()).toBe(true);
    await expect.poll(() => dialogs.previewText(dialog), { timeout: 30_000 }).toContain('pack-registry-desk/palette-requests');
    expect(await dialogs.terraformScopeWarning(dialog).count()).toBe(0);
    await dialogs.format(dialog, 'Terraform').check();
    const warning = dialogs.terraformScopeWarning(dialog);
    await warning.waitFor();
    expect(await warning.innerText()).toContain('the system registry here is created in the tenant of the API key instead');
    await expectNoAxeViolations(page, registries);
    await dialogs.button(dialog, 'Done').click();

    // A tenant registry alone: Terraform keeps its scope, so nothing to say.
    await registries.openScope('Tenant');
    await registries.actionsButton('harbor-tenant').click();
    await page.getByRole('menuitem', { name: 'Export…', exact: true }).click();
    const single = dialogs.exportDialog('“harbor-tenant”');
    await single.waitFor();
    await dialogs.format(single, 'Terraform').check();
    await expect
      .poll(() => dialogs.previewText(single), { timeout: 30_000 })
      .toContain('resource "spectrocloud_registry_oci" "harbor_tenant"');
    expect(await dialogs.terraformScopeWarning(single).count()).toBe(0);
  });
});

describe('Import drafts', () => {
  it('skips a clashing name by default, lets one clash be renamed on its own, and the list shows the result', async () => {
    seedStore(app.dataDir, [
      basicRecord({ name: 'harbor-packs' }),
      basicRecord({ name: 'zot-packs', endpoint: 'https://zot.example.test' }),
    ]);
    const { page, registries, dialogs } = await open();
    app.harness.filePicker.nextPick({
      canceled: false,
      path: draftFile([draft('harbor-packs'), draft('zot-packs'), draft('fresh-registry')]),
    });
    await dialogs.importButton().click();
    const dialog = dialogs.importDialog('drafts-3.json');
    await dialog.waitFor();
    const choice = dialogs.conflictChoice(dialog, 'system', 'harbor-packs');
    await choice.waitFor();
    // The safe choice first: skipping changes nothing stored and adds no look-alike copy.
    expect(await dialogs.conflictChoiceForAll(dialog, /^Skip them/).isChecked()).toBe(true);
    expect(await choice.inputValue()).toBe('skip');
    expect(await dialogs.conflictChoice(dialog, 'system', 'zot-packs').inputValue()).toBe('skip');
    await expectNoAxeViolations(page, registries);
    await choice.selectOption({ label: 'Import under another name' });
    await dialogs.renameField(dialog, 'harbor-packs').fill('harbor-packs-other');
    await dialogs.button(dialog, 'Import').click();
    const result = dialogs.importResult(dialog);
    await result.waitFor();
    expect((await result.innerText()).replace(/\s+/g, ' ')).toContain('Imported 2 registries, skipped 1');
    await dialogs.button(dialog, 'Done').click();
    await registries.row('harbor-packs-other').waitFor();
    expect(await registries.row('harbor-packs').isVisible()).toBe(true);
    expect(await registries.row('fresh-registry').isVisible()).toBe(true);
    const stored = app.harness.services.registries.list();
    expect(stored.map((r) => r.name).sort()).toEqual(['fresh-registry', 'harbor-packs', 'harbor-packs-other', 'zot-packs']);
    // Skipped: the stored one is as it was.
    expect(stored.find((r) => r.name === 'zot-packs')?.endpoint).toBe('https://zot.example.test');
  });

  it('shows where a malformed file is wrong, keeps Import disabled and saves nothing', async () => {
    seedStore(app.dataDir, [basicRecord({ name: 'harbor-packs' })]);
    const { page, registries, dialogs } = await open('dark');
    app.harness.filePicker.nextPick({ canceled: false, path: draftFile([{ ...draft('broken'), endpoint: 42 }]) });
    await dialogs.importButton().click();
    const dialog = dialogs.importDialog('drafts-1.json');
    const errors = dialogs.importErrors(dialog);
    await errors.waitFor();
    expect(await errors.innerText()).toContain('registries.0.endpoint');
    expect(await dialogs.button(dialog, 'Import').isDisabled()).toBe(true);
    await expectNoAxeViolations(page, registries);
    await dialogs.button(dialog, 'Cancel').click();
    expect(app.harness.services.registries.list().map((r) => r.name)).toEqual(['harbor-packs']);
  });
});

describe('Publish to Palette', () => {
  async function openPublish(name: string, colorScheme: 'light' | 'dark' = 'light') {
    const record = basicRecord({ name, scope: 'tenant' });
    seedStore(app.dataDir, [record]);
    await app.harness.services.secrets.set({ registryId: record.id, field: 'password' }, canarySecret('publish-e2e'), 'session');
    const opened = await open(colorScheme);
    await opened.registries.openScope('Tenant');
    await opened.registries.actionsButton(name).click();
    await opened.page.getByRole('menuitem', { name: 'Publish to Palette…', exact: true }).click();
    const dialog = opened.dialogs.publishDialog(name);
    await dialog.waitFor();
    // Palette's certificate is trusted through its CA file, chosen in the native open dialog.
    app.harness.filePicker.nextPick({ canceled: false, path: pki.root.cert });
    await opened.dialogs.button(dialog, 'Upload CA file').click();
    await opened.dialogs.button(dialog, 'Remove CA file').waitFor();
    await opened.dialogs.field(dialog, 'Palette API URL').fill(palette.url);
    return { ...opened, dialog };
  }

  it('creates the registry, follows its sync until listed and available, then says unchanged', async () => {
    const { page, registries, dialogs, dialog } = await openPublish('harbor-publish');
    await dialogs.field(dialog, 'API key').fill(API_KEY);
    await expectNoAxeViolations(page, registries);
    await dialogs.button(dialog, 'Compare with Palette').click();
    await dialog.getByRole('status').filter({ hasText: 'Palette has no “harbor-publish”: Publish creates it' }).waitFor();
    await dialogs.button(dialog, 'Publish').click();
    const outcome = dialog.getByRole('status').filter({ hasText: 'Created “harbor-publish” in Palette' });
    await outcome.waitFor();
    const created = palette.registries.find((r) => (r.body['metadata'] as { name: string }).name === 'harbor-publish');
    expect(created).toBeDefined();
    expect(await outcome.innerText()).toContain(created!.uid);
    const sync = dialogs.syncStatus(dialog).filter({ hasText: 'Synchronized: listed and available in Palette' });
    await sync.waitFor();
    expect(await sync.innerText()).toContain('Palette says: Completed');
    await expectNoAxeViolations(page, registries);

    await dialogs.button(dialog, 'Sync now').click();
    await dialogs.syncStatus(dialog).filter({ hasText: 'Synchronized' }).waitFor();
    expect(
      palette.requests.some((r) => r.method === 'POST' && r.path === `/v1/registries/oci/${created!.uid}/basic/sync?forceSync=true`),
    ).toBe(true);

    await dialogs.button(dialog, 'Publish').click();
    await dialog.getByRole('status').filter({ hasText: '“harbor-publish” is unchanged in Palette: it already matches' }).waitFor();
    expect(palette.registries.filter((r) => (r.body['metadata'] as { name: string }).name === 'harbor-publish')).toHaveLength(1);
    // The window saw Palette's answers redacted: never the API key or the stored password.
    expect(await dialog.innerText()).not.toContain(API_KEY);
  }, 120_000);

  it('shows Palette beside local: only here, only in Palette, the same, with a pasted system token', async () => {
    const here = basicRecord({ name: 'harbor-only-here', scope: 'system' });
    const same = basicRecord({ name: 'harbor-both', scope: 'system', username: '' });
    seedStore(app.dataDir, [here, same]);
    palette.registries.length = 0;
    const body = {
      metadata: { name: 'harbor-both' },
      spec: {
        endpoint: 'https://harbor.example.test',
        baseContentPath: 'spectro',
        providerType: 'pack',
        isSyncSupported: true,
        auth: { type: 'noAuth' },
      },
    };
    palette.registries.push(
      { uid: 'uid-both', scope: 'system', kind: 'basic', body, sync: { reads: 0, runs: 1 } },
      {
        uid: 'uid-console',
        scope: 'system',
        kind: 'basic',
        body: { ...body, metadata: { name: 'made-in-console' } },
        sync: { reads: 0, runs: 1 },
      },
    );
    const { page, registries, dialogs } = await open();
    await page.getByRole('button', { name: 'Palette view…' }).click();
    const view = dialogs.paletteView();
    await view.waitFor();
    // Mantine's segmented control: the radio inputs are hidden, their labels are what one clicks.
    await view.locator('label', { hasText: /^System console$/ }).click();
    await view.locator('label', { hasText: /^Paste a token$/ }).click();
    app.harness.filePicker.nextPick({ canceled: false, path: pki.root.cert });
    await dialogs.button(view, 'Upload CA file').click();
    await dialogs.button(view, 'Remove CA file').waitFor();
    await dialogs.field(view, 'Palette API URL').fill(palette.url);
    await dialogs.field(view, 'Authorization token').fill(SYSTEM_TOKEN);
    await dialogs.button(view, 'Compare with Palette').click();
    await dialogs.paletteRow(view, 'harbor-both').waitFor();
    expect(await dialogs.paletteRow(view, 'harbor-both').textContent()).toContain('Same');
    expect(await dialogs.paletteRow(view, 'harbor-only-here').textContent()).toContain('Only here');
    expect(await dialogs.paletteRow(view, 'made-in-console').textContent()).toContain('Only in Palette');
    expect(palette.requests.at(-1)?.headers['authorization']).toBe(SYSTEM_TOKEN);
    await expectNoAxeViolations(page, registries);
  });

  it('shows Palette’s 401 answer for a wrong API key', async () => {
    const { page, registries, dialogs, dialog } = await openPublish('harbor-denied', 'dark');
    await dialogs.field(dialog, 'API key').fill('not-the-key');
    await dialogs.button(dialog, 'Publish').click();
    await dialog.getByRole('alert').filter({ hasText: 'Palette did not create “harbor-denied”' }).waitFor();
    expect(await dialog.getByRole('alert').filter({ hasText: 'Palette did not create' }).innerText()).toContain(
      'Authorization is missing or invalid',
    );
    const answer = (await dialog.getByRole('table').innerText()).replace(/\s+/g, ' ');
    expect(answer).toContain('401');
    expect(answer).toContain('Code: Unauthorized');
    expect(answer).toContain('Message: Authorization is missing or invalid');
    expect(answer).toMatch(/Ref: [0-9a-f-]{36}/);
    await expectNoAxeViolations(page, registries);
  });
});
