// The Add New Pack Registry wizard in real Chromium, through the harness, against real registries.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { canarySecret } from '../fixtures/canary';
import { createPki, type Pki } from '../fixtures/pki';
import { startRegistry, type RunningRegistry } from '../fixtures/registry';
import { createTempDir, type TempDir } from '../fixtures/temp-dir';
import { startHarness, type Harness } from '../harness/server';
import { axeViolations } from './axe';
import { launchChromium, openPage } from './browser';
import { RegistriesPage } from './pages/registries-page';
import { WizardPage } from './pages/wizard-page';

const PASSWORD = canarySecret('wizard');
let browser: Browser;
let dir: TempDir;
let pki: Pki;
let harness: Harness;
let session: Awaited<ReturnType<typeof openPage>> | undefined;
const registries: RunningRegistry[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  dir = await createTempDir('e2e-wizard');
  pki = await createPki(dir.path);
});
afterAll(async () => {
  await browser?.close();
  await dir?.cleanup();
});
beforeEach(async () => {
  harness = await startHarness({ dataDir: `${dir.path}/data-${Date.now()}-${Math.random().toString(36).slice(2)}` });
});
afterEach(async () => {
  const errors = session?.errors ?? [];
  await session?.close();
  session = undefined;
  await harness.close();
  await Promise.all(registries.splice(0).map((r) => r.stop()));
  expect(errors).toEqual([]);
});

async function launch(cert: { fullchain?: string; cert: string; key: string }) {
  const registry = await startRegistry({
    tls: { certificate: cert.fullchain ?? cert.cert, key: cert.key },
    auth: { kind: 'htpasswd', users: [{ username: 'alice', password: PASSWORD }] },
  });
  registries.push(registry);
  return registry;
}

async function openWizard(colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; list: RegistriesPage; wizard: WizardPage }> {
  session = await openPage(browser, harness.url, { colorScheme, viewport: { width: 1280, height: 1000 } });
  const list = new RegistriesPage(session.page);
  await list.waitUntilReady();
  await list.addButton().click();
  const wizard = new WizardPage(session.page);
  await wizard.heading().waitFor();
  return { page: session.page, list, wizard };
}

async function expectNoAxeViolations(page: Page, screen: string) {
  expect(await axeViolations(page, screen)).toEqual([]);
}

describe('Add New Pack Registry', () => {
  it('adds a Basic registry behind a self-signed certificate: upload it, validate, confirm, listed as validated', async () => {
    const registry = await launch(pki.selfSignedLeaf);
    const { page, list, wizard } = await openWizard();
    await expectNoAxeViolations(page, 'empty wizard');
    await wizard.fillBasic({ name: 'harbor-lab', endpoint: registry.endpoint, username: 'alice', password: PASSWORD });
    expect(await wizard.button('Confirm').isDisabled()).toBe(true);

    expect(await wizard.validate()).toBe('failed');
    expect(await wizard.verdictText()).toContain("TLS: The registry's certificate is self-signed.");
    await expectNoAxeViolations(page, 'TLS failure');

    harness.filePicker.nextPick({ canceled: false, path: pki.selfSignedLeaf.cert });
    await wizard.button('Upload file').click();
    await wizard.certificateCards().first().waitFor();
    expect(await wizard.certificateCards().first().innerText()).toMatch(/SHA-256 [0-9A-F:]{95}/);
    expect(await wizard.validate()).toBe('warnings');
    expect(await wizard.button('Confirm').isEnabled()).toBe(true);
    await expectNoAxeViolations(page, 'validated');

    await wizard.button('Confirm').click();
    await list.heading().waitFor();
    expect((await list.cells('harbor-lab'))[3]).toMatch(/^Validated/);
    expect(await page.content()).not.toContain(PASSWORD);
  });

  it('names a wrong password, then validates once it is fixed; any edit disables Confirm again', async () => {
    const registry = await launch(pki.leaf);
    const { wizard } = await openWizard();
    await wizard.fillBasic({ name: 'harbor', endpoint: registry.endpoint, username: 'alice', password: 'wrong' });
    harness.filePicker.nextPick({ canceled: false, path: pki.root.cert });
    expect(await wizard.validate()).toBe('failed');
    // Unknown CA first: the TLS controls appear, the root is uploaded.
    await wizard.button('Upload file').click();
    await wizard.certificateCards().first().waitFor();
    expect(await wizard.validate()).toBe('failed');
    expect(await wizard.verdictText()).toMatch(
      /^Authentication: The registry at 127\.0\.0\.1:\d+ rejected the username and password\. Check the credentials/,
    );
    await wizard.password().fill(PASSWORD);
    expect(await wizard.validate()).toBe('warnings');
    expect(await wizard.button('Confirm').isEnabled()).toBe(true);
    await wizard.field('Base Content Path').fill('prod');
    expect(await wizard.button('Confirm').isDisabled()).toBe(true);
  });

  it('trusts the root the server presents after showing its fingerprint, then validates without skipping verification', async () => {
    const registry = await launch({ cert: `${pki.dir}/leaf-with-root.pem`, key: pki.leaf.key, fullchain: await chainWithRoot() });
    const { wizard } = await openWizard();
    await wizard.fillBasic({ name: 'tofu', endpoint: registry.endpoint, username: 'alice', password: PASSWORD });
    expect(await wizard.validate()).toBe('failed');
    await wizard.button('Show the server’s certificate').click();
    await wizard.button('Trust this certificate authority').waitFor();
    const offered = wizard.certificateCards().filter({ has: wizard.button('Trust this certificate authority') });
    expect(await offered.innerText()).toContain(new (await import('node:crypto')).X509Certificate(pki.root.certPem).fingerprint256);
    await wizard.button('Trust this certificate authority').click();
    expect(await wizard.validate()).toBe('warnings');
    expect(await wizard.insecureSkipVerify().isChecked()).toBe(false);
  });

  it('shows the trust policy Palette needs on the ECR tab with STS', async () => {
    const { page, wizard } = await openWizard();
    await wizard.tab('ECR').click();
    await wizard.field('Endpoint').fill('123456789012.dkr.ecr.us-gov-west-1.amazonaws.com');
    await page.getByRole('radio', { name: 'STS' }).check();
    await wizard.field('ARN').fill('arn:aws-us-gov:iam::123456789012:role/palette-packs');
    await wizard.field('External ID').fill('tenant-4f2a');
    await wizard.field('Palette’s AWS account ID').fill('210987654321');
    const policy = JSON.parse(await wizard.trustPolicy().innerText()) as {
      Statement: Array<{ Principal: { AWS: string }; Condition: unknown }>;
    };
    expect(policy.Statement[0]?.Principal.AWS).toBe('arn:aws-us-gov:iam::210987654321:root');
    expect(policy.Statement[0]?.Condition).toEqual({ StringEquals: { 'sts:ExternalId': 'tenant-4f2a' } });
    await expectNoAxeViolations(page, 'ECR STS');
  });

  it('saves a draft offline, listed as never validated, and only under its own scope', async () => {
    const { page, list, wizard } = await openWizard('dark');
    await wizard.scope('Tenant').click();
    await wizard.fillBasic({ name: 'offline-draft', endpoint: 'registry.airgap.example:5000', baseContentPath: 'packs' });
    await expectNoAxeViolations(page, 'wizard, dark');
    await wizard.button('Save as draft').click();
    await list.heading().waitFor();
    // The list opens on the scope the registry was saved to.
    await list.row('offline-draft').waitFor();
    expect(await list.scopeTab('Tenant').getAttribute('aria-selected')).toBe('true');
    expect((await list.cells('offline-draft')).slice(0, 4)).toEqual([
      'OCI · Basic',
      'https://registry.airgap.example:5000', // stored as it will be sent
      'packs',
      'Never validated',
    ]);
    expect(await list.scopeTab('System').textContent()).toBe('System (0)');
  });

  it('saves a draft without validating, then validates it later from the list', async () => {
    const registry = await launch(pki.leaf);
    const { list, wizard } = await openWizard();
    await wizard.fillBasic({ name: 'later', endpoint: registry.endpoint, username: 'alice', password: PASSWORD });
    await wizard.button('Save as draft').click();
    await list.heading().waitFor();
    expect((await list.cells('later'))[3]).toBe('Never validated');
    // Later, the CA is known: edit the draft to add it, then validate it from the list.
    await list.chooseAction('later', 'Edit');
    await wizard.page.getByRole('heading', { name: 'Edit Pack Registry' }).waitFor();
    await expect.poll(() => wizard.field('Endpoint').inputValue()).toBe(registry.endpoint);
    harness.filePicker.nextPick({ canceled: false, path: pki.root.cert });
    expect(await wizard.validate()).toBe('failed');
    await wizard.button('Upload file').click();
    await wizard.certificateCards().first().waitFor();
    await wizard.button('Save as draft').click();
    await list.heading().waitFor();
    await list.chooseAction('later', 'Validate again');
    await expect.poll(async () => (await list.cells('later'))[3], { timeout: 15_000 }).toMatch(/^Validated/);
  });

  it('checks fields as they are typed: a password without a username, an empty endpoint', async () => {
    const { wizard } = await openWizard();
    await wizard.fillBasic({ name: 'x', endpoint: 'registry.example', password: 'p' });
    expect(await wizard.page.getByText('A password needs a username: enter the username too.').isVisible()).toBe(true);
    await wizard.field('Username').fill('alice');
    expect(await wizard.page.getByText('A password needs a username: enter the username too.').count()).toBe(0);
    await wizard.field('Endpoint').fill('');
    expect(await wizard.page.getByText('Enter the registry endpoint.').isVisible()).toBe(true);
  });
});

/** A server that sends leaf, intermediate and root: trust on first use can offer the root. */
async function chainWithRoot(): Promise<string> {
  const { readFile, writeFile } = await import('node:fs/promises');
  const path = `${pki.dir}/fullchain-with-root.pem`;
  await writeFile(path, (await readFile(pki.leaf.fullchain, 'utf8')) + pki.root.certPem);
  return path;
}
