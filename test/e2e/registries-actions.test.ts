// The row actions of the Pack Registries list, end to end: the renderer in Chromium, main's own
// services behind the harness, and for "Validate again" real distribution registries over TLS.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { canarySecret } from '../fixtures/canary';
import { startSilentServer } from '../fixtures/hostile-servers';
import { createPki, type Pki } from '../fixtures/pki';
import { basicRecord, seedStore, withValidation } from '../fixtures/registry-records';
import { startRegistry, type RunningRegistry } from '../fixtures/registry';
import { useAppSession } from './app-session';
import { type RegistriesPage } from './pages/registries-page';
import { WizardPage } from './pages/wizard-page';

const PASSWORD = canarySecret('list-validate');
let pkiDir: string;
let pki: Pki;
let registry: RunningRegistry;
const cleanups: (() => Promise<void>)[] = [];

// Registered first so that its afterEach (closing the page and harness) runs last.
const app = useAppSession();

beforeAll(async () => {
  pkiDir = mkdtempSync(join(tmpdir(), 'regdesk-e2e-pki-'));
  pki = await createPki(pkiDir);
  registry = await startRegistry({
    tls: { certificate: pki.leaf.fullchain, key: pki.leaf.key },
    auth: { kind: 'htpasswd', users: [{ username: 'packs', password: PASSWORD }] },
  });
});
afterAll(async () => {
  await registry?.stop();
  rmSync(pkiDir, { recursive: true, force: true });
});
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

const open = async (): Promise<RegistriesPage> => (await app.open()).registries;

/** A stored registry pointing at the real TLS registry, trusting this run's root, with its password. */
async function seedRealRegistry(name: string, password: string | undefined, persistence: 'session' | 'persist' = 'session') {
  const record = basicRecord({
    name,
    endpoint: registry.endpoint,
    baseContentPath: '',
    username: 'packs',
    tls: { insecureSkipVerify: false, caPem: pki.root.certPem },
  });
  seedStore(app.dataDir, [record]);
  // The harness reports no keychain: secrets are kept for the session unless the admin opts in to saving them.
  if (persistence === 'persist') await app.harness.services.settings.update({ allowInsecureSecretStorage: true });
  if (password !== undefined) await app.harness.services.secrets.set({ registryId: record.id, field: 'password' }, password, persistence);
  return record;
}

/** The store files (registries, secrets) under the data folder that still mention `text`, by kind. */
function filesMentioning(text: string): string[] {
  return readdirSync(app.dataDir)
    .filter((file) => file.endsWith('.json') && readFileSync(join(app.dataDir, file), 'utf8').includes(text))
    .map((file) => (file.includes('secret') ? 'secrets' : 'registries'));
}

describe('Validate again', () => {
  it('validates a stored registry against a real TLS registry and the row turns Validated (with warnings: it holds no packs)', async () => {
    await seedRealRegistry('harbor-real', PASSWORD);
    const registries = await open();
    expect((await registries.cells('harbor-real'))[3]).toBe('Never validated');
    await registries.chooseAction('harbor-real', 'Validate again');
    await registries.row('harbor-real').getByText('Validated with warnings', { exact: true }).waitFor();
    expect((await registries.cells('harbor-real'))[3]).toMatch(/^Validated with warnings BASE_PATH_EMPTY \S/);
    expect(await registries.cancelValidation('harbor-real').count()).toBe(0);
    expect(app.harness.services.registries.listSummaries()[0]?.validation.state).toBe('validated');
  });

  it('shows the failing step’s code, sentence and remedy when the stored password is wrong', async () => {
    await seedRealRegistry('harbor-wrong-password', 'not-the-password');
    const registries = await open();
    await registries.chooseAction('harbor-wrong-password', 'Validate again');
    await registries.row('harbor-wrong-password').getByText('Failed', { exact: true }).waitFor();
    // The code is in the row at once; the sentence and remedy one keystroke away.
    expect((await registries.cells('harbor-wrong-password'))[3]).toMatch(/^Failed AUTH_REJECTED Details \S/);
    await registries.failureDetailsButton('harbor-wrong-password').press('Enter');
    const details = registries.failureDetails('harbor-wrong-password');
    await details.waitFor();
    const text = (await details.innerText()).replace(/\s+/g, ' ');
    expect(text).toMatch(/^Why harbor-wrong-password failed Authentication: AUTH_REJECTED \S.+ → \S/);
    expect(text).not.toContain('not-the-password');
    expect(await registries.hasFocus(details)).toBe(true);
    await app.page.keyboard.press('Escape');
    await details.waitFor({ state: 'hidden' });
    expect(await registries.hasFocus(registries.failureDetailsButton('harbor-wrong-password'))).toBe(true);

    // After a restart the row knows only the verdict; the details come from the report main stored.
    await app.page.reload();
    await registries.waitUntilReady();
    expect((await registries.cells('harbor-wrong-password'))[3]).toMatch(/^Failed Details \S/);
    await registries.failureDetailsButton('harbor-wrong-password').click();
    await details.getByText('AUTH_REJECTED').waitFor();
    expect((await details.innerText()).replace(/\s+/g, ' ')).toBe(text);
  });

  it('shows the step it is on, and Cancel stops it leaving the last verdict as it was', async () => {
    const silent = await startSilentServer();
    cleanups.push(() => silent.close());
    seedStore(app.dataDir, [
      withValidation(basicRecord({ name: 'never-answers', endpoint: silent.url, baseContentPath: '' }), true, '2026-01-02T03:04:05.000Z'),
    ]);
    const registries = await open();
    await registries.chooseAction('never-answers', 'Validate again');
    // The server accepts TCP and never answers HTTP: the run waits at the registry API step.
    await registries
      .validationProgress('never-answers')
      .filter({ hasText: /^Registry API \(\/v2\/\) \(5 of \d+\)$/ })
      .waitFor();
    expect(await registries.actionsButton('never-answers').isEnabled()).toBe(true);
    await registries.cancelValidation('never-answers').click();
    await registries.row('never-answers').getByText('Validation cancelled; the last verdict stands.').waitFor();
    expect((await registries.cells('never-answers'))[3]).toMatch(/^Validated \S/);
  });
});

describe('Duplicate and Delete', () => {
  it('duplicates a registry as “<name> (copy)” with its secrets', async () => {
    const original = await seedRealRegistry('harbor-packs', PASSWORD);
    const registries = await open();
    await registries.chooseAction('harbor-packs', 'Duplicate');
    await registries.row('harbor-packs (copy)').waitFor();
    expect(await registries.scopeTab('System').textContent()).toBe('System (2)');
    expect(await registries.feedback().innerText()).toContain('Duplicated “harbor-packs” as “harbor-packs (copy)”.');
    const copy = app.harness.services.registries.list().find((r) => r.name === 'harbor-packs (copy)');
    expect(copy).toBeDefined();
    expect(copy!.id).not.toBe(original.id);
    expect(await app.harness.services.secrets.status(copy!.id)).toContainEqual(
      expect.objectContaining({ field: 'password', stored: true }),
    );
    // Focus went back to the menu button, so the keyboard can carry on from the same row.
    expect(await registries.hasFocus(registries.actionsButton('harbor-packs'))).toBe(true);
  });

  it('asks before deleting: Cancel keeps the registry, Delete removes it and its secrets', async () => {
    const record = await seedRealRegistry('harbor-packs', PASSWORD, 'persist');
    expect(filesMentioning(record.id)).toContain('secrets');
    const registries = await open();
    await registries.chooseAction('harbor-packs', 'Delete…');
    const dialog = registries.deleteDialog('harbor-packs');
    await dialog.waitFor();
    expect((await dialog.innerText()).replace(/\s+/g, ' ')).toContain('its password or AWS secret access key is deleted too');
    // Cancel has the focus: Enter straight after opening must not delete.
    expect(await registries.hasFocus(registries.dialogButton(dialog, 'Cancel'))).toBe(true);
    await app.page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    expect(await registries.row('harbor-packs').isVisible()).toBe(true);

    await registries.chooseAction('harbor-packs', 'Delete…');
    await registries.dialogButton(dialog, 'Delete registry').click();
    await dialog.waitFor({ state: 'hidden' });
    await registries.emptyState('system').waitFor();
    expect(await registries.row('harbor-packs').count()).toBe(0);
    expect(await registries.feedback().innerText()).toContain('Deleted “harbor-packs” and its stored secrets.');
    // Its row and menu button are gone: the keyboard focus lands on search rather than on the page's body.
    await expect.poll(() => registries.hasFocus(registries.searchField())).toBe(true);
    expect(app.harness.services.registries.list()).toEqual([]);
    expect(filesMentioning(record.id)).toEqual([]);
  });

  it('Edit opens the wizard on the registry and Back returns to its scope', async () => {
    seedStore(app.dataDir, [basicRecord({ name: 'tenant-harbor', scope: 'tenant' })]);
    const registries = await open();
    await registries.openScope('Tenant');
    await registries.chooseAction('tenant-harbor', 'Edit');
    const wizard = new WizardPage(app.page);
    await app.page.getByRole('heading', { name: 'Edit Pack Registry' }).waitFor();
    await expect.poll(() => wizard.field('Name').inputValue()).toBe('tenant-harbor');
    await wizard.button('Pack Registries').click();
    await registries.row('tenant-harbor').waitFor();
    expect(await registries.scopeTab('Tenant').getAttribute('aria-selected')).toBe('true');
  });
});
