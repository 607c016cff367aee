// The wizard's flow in real Chromium through the harness: what Confirm tells the admin and where it
// leaves them, a guard on unsaved changes, refused saves that say why, and the keyboard path.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPki, type Pki } from '../fixtures/pki';
import { basicRecord, seedStore } from '../fixtures/registry-records';
import { startRegistry, type RunningRegistry } from '../fixtures/registry';
import { createTempDir, type TempDir } from '../fixtures/temp-dir';
import { useAppSession } from './app-session';
import { ExportDialogs } from './pages/export-dialogs';
import type { RegistriesPage } from './pages/registries-page';
import { WizardPage } from './pages/wizard-page';

const app = useAppSession();
let registry: RunningRegistry;
let selfSigned: RunningRegistry;
let dir: TempDir;
let pki: Pki;

beforeAll(async () => {
  dir = await createTempDir('e2e-wizard-flow');
  pki = await createPki(dir.path);
  // Anonymous, plain HTTP: validates without a CA or a password, so the tests are about the flow.
  [registry, selfSigned] = await Promise.all([
    startRegistry(),
    startRegistry({ tls: { certificate: pki.selfSignedLeaf.cert, key: pki.selfSignedLeaf.key } }),
  ]);
});
afterAll(async () => {
  await Promise.all([registry?.stop(), selfSigned?.stop()]);
  await dir?.cleanup();
});

async function openWizard(viewport = { width: 1280, height: 800 }): Promise<{ page: Page; list: RegistriesPage; wizard: WizardPage }> {
  const { page, registries } = await app.open({ viewport });
  await registries.addButton().click();
  const wizard = new WizardPage(page);
  await wizard.heading().waitFor();
  return { page, list: registries, wizard };
}

/** The DOM as these page functions use it: the test files are type-checked without the DOM library. */
interface El {
  tagName: string;
  id: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  labels?: ArrayLike<{ textContent: string | null }> | null;
  getBoundingClientRect(): { top: number; bottom: number; height: number };
}
interface Doc {
  activeElement: El | null;
  getElementById(id: string): El | null;
}
interface Win {
  innerHeight: number;
}

/** What has focus, told apart as a field (its label), a button (its text) or the body. */
function focused(page: Page): Promise<{ tag: string; label: string | null; id: string; text: string; invalid: string | null }> {
  return page.evaluate(() => {
    const active = (globalThis as unknown as { document: Doc }).document.activeElement;
    return {
      tag: active?.tagName ?? '',
      label: active?.getAttribute('aria-label') ?? active?.labels?.[0]?.textContent ?? null,
      id: active?.id ?? '',
      text: (active?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 200),
      invalid: active?.getAttribute('aria-invalid') ?? null,
    };
  });
}

const savedNotice = (page: Page) => page.getByRole('status', { name: 'Saved' });

async function inViewport(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((element: El) => {
    const box = element.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= (globalThis as unknown as Win).innerHeight && box.height > 0;
  });
}

describe('after Confirm', () => {
  it('says the registry is on this workstation only, opens its scope and page, highlights it and offers Publish', async () => {
    // 60 tenant registries named before it: the new one lands on the tenant tab's second page.
    seedStore(
      app.dataDir,
      Array.from({ length: 60 }, (_, i) => basicRecord({ name: `a-${String(i).padStart(2, '0')}`, scope: 'tenant' })),
    );
    const { page, list, wizard } = await openWizard();
    await wizard.scope('Tenant').click();
    await wizard.fillBasic({ name: 'zz-new', endpoint: registry.endpoint });
    expect(await wizard.validate()).toBe('warnings'); // an anonymous registry with no packs: a pass with warnings
    await wizard.button('Confirm').click();

    await savedNotice(page).waitFor();
    expect(await savedNotice(page).innerText()).toContain('“zz-new” is saved on this workstation, not yet in Palette. Publish now?');
    expect(await list.scopeTab('Tenant').getAttribute('aria-selected')).toBe('true');
    expect(await list.row('zz-new').getAttribute('aria-current')).toBe('true');
    expect(await list.row('a-00').count()).toBe(0);
    await expect.poll(() => inViewport(page, 'tr[aria-current="true"]')).toBe(true);
    // The focus went with the admin: to the notice, not to the page body.
    expect((await focused(page)).label).toBe('Saved');

    await savedNotice(page).getByRole('button', { name: 'Publish to Palette…' }).click();
    await new ExportDialogs(page).publishDialog('zz-new').waitFor();
  });

  it('after Save as draft, says it is a draft on this workstation, on its own scope tab', async () => {
    const { page, list, wizard } = await openWizard();
    await wizard.scope('Tenant').click();
    await wizard.fillBasic({ name: 'offline', endpoint: 'registry.airgap.example:5000' });
    await wizard.button('Save as draft').click();
    await savedNotice(page).waitFor();
    expect(await savedNotice(page).innerText()).toContain('“offline” is saved as a draft on this workstation, not yet in Palette.');
    expect(await savedNotice(page).getByRole('button', { name: 'Publish to Palette…' }).count()).toBe(0);
    expect(await list.row('offline').getAttribute('aria-current')).toBe('true');
  });
});

describe('leaving with unsaved changes', () => {
  it('asks: Stay keeps the values, Save as draft saves them, Discard drops them', async () => {
    const { page, list, wizard } = await openWizard();
    // Untouched: leaving does not ask.
    await wizard.button('Pack Registries').click();
    await list.heading().waitFor();
    await list.addButton().click();
    await wizard.fillBasic({ name: 'half-done', endpoint: 'registry.example:5000' });

    const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
    await wizard.button('Pack Registries').click();
    await dialog.waitFor();
    expect((await focused(page)).text).toBe('Stay');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    expect(await wizard.field('Name').inputValue()).toBe('half-done');

    await wizard.button('Pack Registries').click();
    await dialog.getByRole('button', { name: 'Save as draft' }).click();
    await savedNotice(page).waitFor();
    await list.row('half-done').waitFor();

    await list.addButton().click();
    await wizard.fillBasic({ name: 'thrown-away', endpoint: 'registry.example:5000' });
    await wizard.button('Pack Registries').click();
    await dialog.getByRole('button', { name: 'Discard changes' }).click();
    await list.row('half-done').waitFor();
    expect(await list.row('thrown-away').count()).toBe(0);
    expect(await savedNotice(page).count()).toBe(0);
  });
});

describe('a refused save says why', () => {
  it('a duplicate name moves the focus to Name, with its message, for Save as draft and for Confirm', async () => {
    seedStore(app.dataDir, [basicRecord({ name: 'harbor', scope: 'system' })]);
    const { page, wizard } = await openWizard();
    await wizard.fillBasic({ name: 'Harbor', endpoint: registry.endpoint });
    expect(await wizard.validate()).toBe('warnings');

    for (const button of ['Save as draft', 'Confirm'] as const) {
      await wizard.button(button).focus();
      await wizard.button(button).click();
      await expect.poll(async () => (await focused(page)).label).toBe('Name *');
      expect((await focused(page)).invalid).toBe('true');
      const described = await wizard.field('Name').evaluate((input: El) =>
        (input.getAttribute('aria-describedby') ?? '')
          .split(' ')
          .map((id) => (globalThis as unknown as { document: Doc }).document.getElementById(id)?.textContent ?? '')
          .join(' '),
      );
      expect(described).toContain('A system registry is already called “Harbor”.');
      expect(await wizard.heading().isVisible()).toBe(true);
    }
  });

  it('an empty required field takes the focus on Save as draft', async () => {
    const { page, wizard } = await openWizard();
    await wizard.field('Name').fill('no-endpoint');
    await wizard.button('Save as draft').click();
    await expect.poll(async () => (await focused(page)).label).toBe('Endpoint *');
    expect(await page.getByText('Enter the registry endpoint.').isVisible()).toBe(true);
  });
});

describe('keyboard', () => {
  it('Enter in a field validates and keeps the focus there; the Validate button hands it to the verdict; Confirm is two Tabs away', async () => {
    const { page, wizard } = await openWizard();
    await wizard.fillBasic({ name: 'keys', endpoint: registry.endpoint });
    await wizard.field('Endpoint').press('Enter');
    // An anonymous registry with no packs: a pass with warnings.
    await wizard.validatedWithWarnings().waitFor();
    expect((await focused(page)).label).toBe('Endpoint *');

    await wizard.button('Validate').click();
    await expect.poll(async () => (await focused(page)).id).toBe('validation-verdict');
    expect((await focused(page)).text).toContain('Validated with warnings');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Confirm');
    await page.keyboard.press('Enter');
    await savedNotice(page).waitFor();
    expect((await focused(page)).label).toBe('Saved');
  });

  it('Upload file keeps the focus on its button once the certificate is read', async () => {
    const { page, wizard } = await openWizard();
    await wizard.fillBasic({ name: 'tls', endpoint: selfSigned.endpoint });
    expect(await wizard.validate()).toBe('failed');
    app.harness.filePicker.nextPick({ canceled: false, path: pki.selfSignedLeaf.cert });
    await wizard.button('Upload file').focus();
    await page.keyboard.press('Enter');
    await wizard.certificateCards().first().waitFor();
    await expect.poll(async () => (await focused(page)).text).toBe('Upload file');
  });

  it('a cancelled Delete gives the focus back to the row’s actions button', async () => {
    seedStore(app.dataDir, [basicRecord({ name: 'keep-me' })]);
    const { page, registries } = await app.open();
    await registries.chooseAction('keep-me', 'Delete…');
    const dialog = page.getByRole('dialog', { name: 'Delete “keep-me”?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(async () => (await focused(page)).label).toBe('Actions for keep-me');
  });
});
