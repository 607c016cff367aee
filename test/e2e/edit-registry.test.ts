// Editing a stored registry: its secret is described as stored, never refilled, and used by
// main when the field is left empty.
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { canarySecret } from '../fixtures/canary';
import { startRedirectingRegistry } from '../fixtures/hostile-servers';
import { createPki, type Pki } from '../fixtures/pki';
import { startRegistry, type RunningRegistry } from '../fixtures/registry';
import { createTempDir, type TempDir } from '../fixtures/temp-dir';
import { startHarness, type Harness } from '../harness/server';
import { launchChromium, openPage } from './browser';
import { RegistriesPage } from './pages/registries-page';
import { WizardPage } from './pages/wizard-page';

const PASSWORD = canarySecret('edit');
let browser: Browser;
let dir: TempDir;
let pki: Pki;
let registry: RunningRegistry;
let harness: Harness;
let session: Awaited<ReturnType<typeof openPage>> | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  dir = await createTempDir('e2e-edit');
  pki = await createPki(dir.path);
  registry = await startRegistry({
    tls: { certificate: pki.leaf.fullchain, key: pki.leaf.key },
    auth: { kind: 'htpasswd', users: [{ username: 'alice', password: PASSWORD }] },
  });
  harness = await startHarness({ dataDir: `${dir.path}/data` });
});
afterAll(async () => {
  await harness?.close();
  await registry?.stop();
  await browser?.close();
  await dir?.cleanup();
});
afterEach(async () => {
  const errors = session?.errors ?? [];
  await session?.close();
  session = undefined;
  expect(errors).toEqual([]);
});

describe('Edit Pack Registry', () => {
  it('keeps the stored password out of the page, validates with it, and records the edit', async () => {
    const { record } = await harness.services.registries.create({
      name: 'harbor-edit',
      scope: 'system',
      type: 'basic',
      endpoint: registry.endpoint,
      baseContentPath: '',
      username: 'alice',
      tls: { insecureSkipVerify: false, caPem: pki.root.certPem },
    });
    await harness.services.secrets.set({ registryId: record.id, field: 'password' }, PASSWORD, 'session');

    session = await openPage(browser, harness.url, { viewport: { width: 1280, height: 1000 } });
    const list = new RegistriesPage(session.page);
    await list.waitUntilReady();
    await list.chooseAction('harbor-edit', 'Edit');
    const wizard = new WizardPage(session.page);
    await session.page.getByRole('heading', { name: 'Edit Pack Registry' }).waitFor();
    await expect.poll(() => wizard.field('Endpoint').inputValue()).toBe(registry.endpoint);
    expect(await wizard.password().inputValue()).toBe('');
    expect(
      await session.page
        .getByRole('status')
        .filter({ hasText: /^Password stored for this session/ })
        .count(),
    ).toBe(1);

    // The empty field means "the stored password": main fills it in for the validation.
    expect(await wizard.validate()).toBe('warnings');
    await wizard.field('Base Content Path').fill('palette');
    expect(await wizard.validate()).toBe('warnings');
    await wizard.button('Confirm').click();
    await list.heading().waitFor();
    expect((await list.cells('harbor-edit')).slice(2, 4)).toEqual(['palette', expect.stringMatching(/^Validated/)]);
    expect(await session.page.content()).not.toContain(PASSWORD);
  });

  it('says where a stored password was entered for once the registry points elsewhere, and does not send it there', async () => {
    const elsewhere = await startRedirectingRegistry();
    try {
      const draft = {
        name: 'harbor-moved',
        scope: 'system' as const,
        type: 'basic' as const,
        endpoint: registry.endpoint,
        baseContentPath: '',
        username: 'alice',
        tls: { insecureSkipVerify: false },
      };
      const { record } = await harness.services.registries.create(draft);
      await harness.services.secrets.set({ registryId: record.id, field: 'password' }, PASSWORD, 'session');
      // Another window, an import or a hand edit points it elsewhere.
      await harness.services.registries.update(record.id, { ...draft, endpoint: elsewhere.url });

      session = await openPage(browser, harness.url, { viewport: { width: 1280, height: 1000 } });
      const list = new RegistriesPage(session.page);
      await list.waitUntilReady();
      await list.chooseAction('harbor-moved', 'Edit');
      const wizard = new WizardPage(session.page);
      await expect.poll(() => wizard.field('Endpoint').inputValue(), { timeout: 10_000 }).toBe(elsewhere.url);
      const notice = session.page
        .getByRole('status')
        .filter({ hasText: /^The stored password was entered for https:\/\/127\.0\.0\.1:\d+;/ });
      await notice.waitFor();
      expect(await notice.innerText()).toContain('the endpoint has changed since, so it is not sent there: enter it again.');

      expect(await wizard.validate()).toBe('failed');
      expect(await wizard.verdictText()).toMatch(
        /^The stored password was entered for .*, not for http:\/\/127\.0\.0\.1:\d+, so it is not sent there\./,
      );
      expect(elsewhere.requests()).toEqual([]);
      expect(await session.page.content()).not.toContain(PASSWORD);
    } finally {
      await elsewhere.close();
    }
  });
});
