// The wizard's verdict in real Chromium through the harness: warnings are not hidden
// under a green "Credentials validated" (item 2), and a result computed for earlier values is
// greyed and titled as such once the form changes (item 9).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canarySecret } from '../fixtures/canary';
import { pushPack } from '../fixtures/oci-push';
import { findFreePort } from '../fixtures/ports';
import { startRegistry, type RunningRegistry } from '../fixtures/registry';
import { axeViolations } from './axe';
import { useAppSession } from './app-session';
import type { RegistriesPage } from './pages/registries-page';
import { WizardPage } from './pages/wizard-page';

const PASSWORD = canarySecret('verdicts');
let registry: RunningRegistry;
const app = useAppSession();

beforeAll(async () => {
  // Plain HTTP and open to anyone: credentials sent to it travel in clear text, which is a warning.
  registry = await startRegistry();
  await pushPack({ endpoint: registry.endpoint, basePath: 'prod', pack: 'cni-calico', version: '3.27.1' });
});
afterAll(async () => {
  await registry?.stop();
});

async function openWizard(colorScheme: 'light' | 'dark'): Promise<{ page: Page; list: RegistriesPage; wizard: WizardPage }> {
  const { page, registries: list } = await app.open({ colorScheme, viewport: { width: 1280, height: 1000 } });
  await list.addButton().click();
  const wizard = new WizardPage(page);
  await wizard.heading().waitFor();
  return { page, list, wizard };
}

const text = async (page: Page, locator: ReturnType<WizardPage['verdict']>) => (await locator.innerText()).replace(/\s+/g, ' ').trim();
/** The part of the panel an outdated result greys: marked, so the test reads what the admin sees. */
const outdatedParts = (page: Page) => page.getByRole('region', { name: 'Validation' }).locator('[data-outdated]');

// axe over the whole wizard takes tens of seconds on a loaded machine: one run per test, and room for it.
describe('Validation verdicts in the wizard', () => {
  it('says "Validated with warnings" with each warning, in the wizard and in the list', async () => {
    const { page, list, wizard } = await openWizard('light');
    await wizard.fillBasic({ name: 'plain-packs', endpoint: registry.endpoint, baseContentPath: 'prod' });
    expect(await wizard.validate()).toBe('validated');

    await wizard.fillBasic({
      name: 'plain-packs',
      endpoint: registry.endpoint,
      baseContentPath: 'prd',
      username: 'alice',
      password: PASSWORD,
    });
    expect(await wizard.validate()).toBe('warnings');
    expect(await wizard.validated().count()).toBe(0);
    const banner = await wizard.verdictText();
    expect(banner).toMatch(/^Validated with warnings .* answered as an OCI registry, but 2 checks warned:/);
    expect(banner).toContain('CREDENTIALS_UNENCRYPTED Authentication:');
    expect(banner).toMatch(
      /BASE_PATH_EMPTY Base content path: No packs under prd\/spectro-packs\/archive\/, but there are packs with base content path "prod"\./,
    );
    expect(await axeViolations(page, 'validated with warnings (light)')).toEqual([]);

    // Passing with warnings may be confirmed; the list then says the same, not a plain "Validated".
    await wizard.button('Confirm').click();
    await list.heading().waitFor();
    expect((await list.cells('plain-packs'))[3]).toMatch(/^Validated with warnings CREDENTIALS_UNENCRYPTED, BASE_PATH_EMPTY \S/);
    expect(await page.content()).not.toContain(PASSWORD);
  }, 120_000);

  it('greys a result once the form holds other values, and names what changed', async () => {
    const { page, wizard } = await openWizard('dark');
    const closedPort = await findFreePort();
    const nowhere = `http://127.0.0.1:${closedPort}`;
    await wizard.fillBasic({ name: 'moving', endpoint: nowhere, baseContentPath: 'prod' });
    expect(await wizard.validate()).toBe('failed');
    expect(await wizard.outdatedResult().count()).toBe(0);
    expect(await outdatedParts(page).count()).toBe(0);
    const failure = await wizard.verdictText();

    // The endpoint fixed: the failure stays readable, but as history for the old endpoint.
    await wizard.field('Endpoint').fill(registry.endpoint);
    await wizard.outdatedResult().waitFor();
    expect(await wizard.outdatedResult().innerText()).toBe(`Result for ${nowhere} — the endpoint has changed since`);
    expect(await wizard.verdictText()).toBe(failure);
    expect(await outdatedParts(page).count()).toBe(2);
    expect(await axeViolations(page, 'outdated failure (dark)')).toEqual([]);

    // Back to the values it was computed for: current again.
    await wizard.field('Endpoint').fill(nowhere);
    await wizard.outdatedResult().waitFor({ state: 'detached' });
    expect(await outdatedParts(page).count()).toBe(0);

    await wizard.field('Endpoint').fill(registry.endpoint);
    expect(await wizard.validate()).toBe('validated');
    expect(await wizard.outdatedResult().count()).toBe(0);
    await wizard.fillBasic({ name: 'moving', endpoint: registry.endpoint, baseContentPath: 'prd', username: 'alice', password: PASSWORD });
    await wizard.outdatedResult().waitFor();
    expect(await wizard.outdatedResult().innerText()).toBe(
      `Result for ${registry.endpoint} — the base content path, the username and the password have changed since`,
    );
    const region = page.getByRole('region', { name: 'Validation' });
    expect(await text(page, region.getByText(/^base content path was/))).toBe(
      'base content path was “prod”; username was “(empty)”. Validate again to check the current values.',
    );
    // The green verdict no longer vouches for the form, and Confirm waits for a new validation.
    expect(await outdatedParts(page).count()).toBe(2);
    expect(await wizard.button('Confirm').isDisabled()).toBe(true);
  }, 120_000);
});
