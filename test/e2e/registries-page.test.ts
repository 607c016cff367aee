import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { basicRecord, ecrRecord, seedStore, withValidation } from '../fixtures/registry-records';
import { useAppSession } from './app-session';
import { axeViolations } from './axe';

const app = useAppSession();
const open = (colorScheme: 'light' | 'dark' = 'light') => app.open({ colorScheme });

async function expectNoAxeViolations(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

describe('Pack Registries page', () => {
  it('shows the empty state and the Add New Pack Registry button on a fresh install', async () => {
    const { page, registries } = await open();
    await registries.heading().waitFor();
    expect(await registries.emptyState('system').isVisible()).toBe(true);
    expect(await registries.addButton().isVisible()).toBe(true);
    expect(await registries.scopeTab('System').getAttribute('aria-selected')).toBe('true');
    await registries.openScope('Tenant');
    await registries.emptyState('tenant').waitFor();
    expect(await registries.secureStorageBadge().textContent()).toBe('Secrets: no keychain');
    await expectNoAxeViolations(page);
  });

  it('lists stored registries by scope with type, endpoint, path and validation state', async () => {
    seedStore(app.dataDir, [
      withValidation(basicRecord({ name: 'harbor-packs', scope: 'system' }), true),
      basicRecord({
        name: 'jfrog-packs',
        scope: 'system',
        endpoint: 'https://jfrog.example.test/artifactory/api/docker/packs',
        baseContentPath: '',
      }),
      ecrRecord({ name: 'ecr-prod', scope: 'tenant' }),
    ]);
    const { page, registries } = await open();
    await registries.table('System').waitFor();
    expect(await registries.scopeTab('System').textContent()).toBe('System (2)');
    expect(await registries.scopeTab('Tenant').textContent()).toBe('Tenant (1)');
    const harbor = await registries.cells('harbor-packs');
    expect(harbor[0]).toBe('OCI · Basic');
    expect(harbor[1]).toBe('https://harbor.example.test');
    expect(harbor[2]).toBe('spectro');
    expect(harbor[3]).toMatch(/^Validated \S/);
    expect((await registries.cells('jfrog-packs'))[2]).toBe('(root)');
    expect(await registries.row('ecr-prod').count()).toBe(0);
    await registries.openScope('Tenant');
    expect(await registries.cells('ecr-prod')).toEqual([
      'OCI · ECR',
      '123456789012.dkr.ecr.us-east-1.amazonaws.com',
      'production',
      'Never validated',
      'System CAs',
      '',
    ]);
    expect(await registries.row('harbor-packs').count()).toBe(0);
    await expectNoAxeViolations(page);
  });

  it('follows the operating system’s dark setting and stays accessible in it', async () => {
    seedStore(app.dataDir, [basicRecord({ name: 'harbor-packs' })]);
    const { page, registries } = await open('dark');
    await registries.table('System').waitFor();
    expect(await page.locator('html').getAttribute('data-mantine-color-scheme')).toBe('dark');
    await expectNoAxeViolations(page);
  });

  it('updates live when another process changes the stored registries', async () => {
    const { registries } = await open();
    await registries.emptyState('system').waitFor();
    seedStore(app.dataDir, [basicRecord({ name: 'imported-elsewhere' })]);
    await registries.row('imported-elsewhere').waitFor();
    expect(await registries.scopeTab('System').textContent()).toBe('System (1)');
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`stays accessible (${colorScheme}) with a row's actions menu, failure details and the delete dialog open`, async () => {
      seedStore(app.dataDir, [
        withValidation(basicRecord({ name: 'harbor-packs' }), true),
        withValidation(basicRecord({ name: 'failed-packs' }), false),
        { ...withValidation(basicRecord({ name: 'stale-packs' }), true), baseContentPath: 'moved' },
        basicRecord({ name: 'never-packs' }),
      ]);
      const { page, registries } = await open(colorScheme);
      await registries.table('System').waitFor();
      await registries.searchField().fill('packs');
      await registries.matchCount().waitFor();
      await expectNoAxeViolations(page);

      await registries.actionsButton('harbor-packs').click();
      await registries.menuItem('Validate again').waitFor();
      await registries.settled();
      await expectNoAxeViolations(page);
      await page.keyboard.press('Escape');

      await registries.failureDetailsButton('failed-packs').click();
      await registries
        .failureDetails('failed-packs')
        .getByText(/were not kept/)
        .waitFor();
      await registries.settled();
      await expectNoAxeViolations(page);
      await page.keyboard.press('Escape');

      await registries.chooseAction('harbor-packs', 'Delete…');
      await registries.deleteDialog('harbor-packs').waitFor();
      await registries.settled();
      await expectNoAxeViolations(page);
    });
  }

  it('opens a row’s actions from the keyboard and returns focus to its button', async () => {
    seedStore(app.dataDir, [basicRecord({ name: 'harbor-packs' })]);
    const { page, registries } = await open();
    await registries.actionsButton('harbor-packs').focus();
    await page.keyboard.press('Enter');
    await registries.menuItem('Validate again').waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await registries.hasFocus(registries.menuItem('Duplicate'))).toBe(true);
    await page.keyboard.press('Escape');
    await registries.menuItem('Duplicate').waitFor({ state: 'detached' });
    expect(await registries.hasFocus(registries.actionsButton('harbor-packs'))).toBe(true);

    // Delete… from the keyboard (Space opens, ArrowUp wraps to the last item), then Escape: nothing is deleted.
    await page.keyboard.press('Space');
    await registries.menuItem('Delete…').waitFor();
    await page.keyboard.press('ArrowUp');
    expect(await registries.hasFocus(registries.menuItem('Delete…'))).toBe(true);
    await page.keyboard.press('Enter');
    await registries.deleteDialog('harbor-packs').waitFor();
    await page.keyboard.press('Escape');
    await registries.deleteDialog('harbor-packs').waitFor({ state: 'detached' });
    expect(await registries.row('harbor-packs').count()).toBe(1);
  });

  it('can be operated from the keyboard: arrow keys move between scope tabs', async () => {
    const { page, registries } = await open();
    await registries.scopeTab('System').focus();
    await page.keyboard.press('ArrowRight');
    expect(await registries.scopeTab('Tenant').getAttribute('aria-selected')).toBe('true');
    await registries.emptyState('tenant').waitFor();
  });
});
