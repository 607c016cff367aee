// Values as sent, missing secrets and DNS limits, in real Chromium through the harness, against a real TLS registry:
// what is validated is what is saved and exported; a missing password is said as such, in the
// row and in the verdict; a host name DNS cannot carry is refused where it is typed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canarySecret } from '../fixtures/canary';
import { pushPack } from '../fixtures/oci-push';
import { createPki, type Pki } from '../fixtures/pki';
import { startRegistry, type RunningRegistry } from '../fixtures/registry';
import { useAppSession } from './app-session';
import { WizardPage } from './pages/wizard-page';

const PASSWORD = canarySecret('values');
let pkiDir: string;
let pki: Pki;
let registry: RunningRegistry;

// Registered first so that its afterEach (closing the page and harness) runs last.
const app = useAppSession();

beforeAll(async () => {
  pkiDir = mkdtempSync(join(tmpdir(), 'regdesk-e2e-values-'));
  pki = await createPki(pkiDir);
  registry = await startRegistry({
    tls: { certificate: pki.leaf.fullchain, key: pki.leaf.key },
    auth: { kind: 'htpasswd', users: [{ username: 'alice', password: PASSWORD }] },
  });
  await pushPack({
    endpoint: registry.endpoint,
    auth: { username: 'alice', password: PASSWORD },
    ca: pki.root.certPem,
    basePath: 'acme',
    pack: 'cni-calico',
    version: '3.27.1',
  });
});
afterAll(async () => {
  await registry?.stop();
  rmSync(pkiDir, { recursive: true, force: true });
});

/** A stored registry on the real TLS registry, trusting this run's root; its password only when given. */
async function stored(name: string, password?: string) {
  const { record } = await app.harness.services.registries.create({
    name,
    scope: 'system',
    type: 'basic',
    endpoint: registry.endpoint,
    baseContentPath: 'acme',
    username: 'alice',
    tls: { insecureSkipVerify: false, caPem: pki.root.certPem },
  });
  if (password) await app.harness.services.secrets.set({ registryId: record.id, field: 'password' }, password, 'session');
  return record.id;
}

describe('what is validated is what is saved and exported (item 1)', () => {
  it('shows what a /v2/ endpoint and a slashed base path will be sent as, validates that, and stores and exports it', async () => {
    const id = await stored('harbor-values', PASSWORD);
    const { page, registries } = await app.open({ viewport: { width: 1280, height: 1000 } });
    await registries.chooseAction('harbor-values', 'Edit');
    const wizard = new WizardPage(page);
    await page.getByRole('heading', { name: 'Edit Pack Registry' }).waitFor();
    await expect.poll(() => wizard.field('Endpoint').inputValue(), { timeout: 10_000 }).toBe(registry.endpoint);

    await wizard.field('Endpoint').fill(`${registry.endpoint}/v2/`);
    await wizard.field('Base Content Path').fill('/acme/');
    const endpointSent = page.getByRole('status', { name: 'Endpoint as sent' });
    const pathSent = page.getByRole('status', { name: 'Base Content Path as sent' });
    expect(await endpointSent.innerText()).toBe(`Will be sent as ${registry.endpoint}`);
    expect(await pathSent.innerText()).toBe('Will be sent as acme');

    expect(await wizard.validate()).toBe('validated');
    expect(await wizard.step('Packs').innerText()).toContain('cni-calico');
    await wizard.button('Confirm').click();
    await expect.poll(() => app.harness.services.registries.get(id).record.endpoint, { timeout: 10_000 }).toBe(registry.endpoint);
    expect(app.harness.services.registries.get(id).record.baseContentPath).toBe('acme');

    const render = async (format: 'palette' | 'terraform') =>
      (await app.harness.services.exports.render({ ids: [id], format, includeSecrets: false })).files[0]!.content;
    const palette = await render('palette');
    expect(palette).toContain(`"endpoint": "${registry.endpoint}"`);
    expect(palette).toContain('"baseContentPath": "acme"');
    const terraform = await render('terraform');
    expect(terraform).toMatch(new RegExp(`endpoint\\s+= "${registry.endpoint.replace(/[.]/g, '\\.')}"`));
    expect(terraform).toMatch(/base_content_path\s+= "acme"/);
    expect(`${palette}${terraform}`).not.toMatch(/\/v2|\/acme\//);
  });

  it('says nothing when the values are sent as typed', async () => {
    await stored('harbor-plain', PASSWORD);
    const { page, registries } = await app.open({ viewport: { width: 1280, height: 1000 } });
    await registries.chooseAction('harbor-plain', 'Edit');
    const wizard = new WizardPage(page);
    await page.getByRole('heading', { name: 'Edit Pack Registry' }).waitFor();
    await expect.poll(() => wizard.field('Endpoint').inputValue(), { timeout: 10_000 }).toBe(registry.endpoint);
    expect(await page.getByRole('status', { name: /as sent$/ }).count()).toBe(0);
  });
});

describe('a missing password (item 3)', () => {
  it('marks the row, and its validation says no password is stored instead of a rejected one', async () => {
    await stored('harbor-imported');
    await stored('harbor-with-password', PASSWORD);
    const { page, registries } = await app.open({ viewport: { width: 1280, height: 1000 } });
    expect(await registries.row('harbor-imported').getByText('No password stored').count()).toBe(1);
    expect(await registries.row('harbor-with-password').getByText('No password stored').count()).toBe(0);

    await registries.chooseAction('harbor-imported', 'Validate again');
    await registries.row('harbor-imported').getByText('Failed', { exact: true }).waitFor();
    expect((await registries.cells('harbor-imported'))[3]).toMatch(/^Failed SECRET_MISSING Details \S/);
    await registries.failureDetailsButton('harbor-imported').click();
    const text = (await registries.failureDetails('harbor-imported').innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('No password is stored for this registry, so its credentials could not be checked.');
    expect(text).toContain('Edit the registry and enter the password.');
    expect(text).not.toContain('AUTH_REJECTED');
    await page.keyboard.press('Escape');
  });
});

describe('an over-long host name (item 5)', () => {
  it('is refused under the field with the DNS rule it breaks', async () => {
    const { page, registries } = await app.open({ viewport: { width: 1280, height: 1000 } });
    await registries.addButton().click();
    const wizard = new WizardPage(page);
    await wizard.heading().waitFor();
    await wizard.field('Name').fill('long-host');
    await wizard.field('Endpoint').fill(`https://${'a'.repeat(500)}.example.test:5000`);
    await page.getByText(/DNS allows at most 63 per label \(RFC 1035\)\.$/).waitFor();
    expect(await wizard.field('Endpoint').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('Something unexpected went wrong').count()).toBe(0);
  });
});
