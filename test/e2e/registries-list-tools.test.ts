// The list's tools, in Chromium through the harness: sorting, filters, the TLS column with expiry
// warnings, and multi-select with bulk validate, export and delete.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegistryRecord } from '../../shared/model/registry';
import { createPki } from '../fixtures/pki';
import { findFreePort } from '../fixtures/ports';
import { basicRecord, ecrRecord, seedStore, withValidation } from '../fixtures/registry-records';
import { useAppSession } from './app-session';
import { ExportDialogs } from './pages/export-dialogs';
import type { RegistriesPage } from './pages/registries-page';

const app = useAppSession();
const open = () => app.open({ locale: 'en-US', timezoneId: 'UTC' });
const DAY = 24 * 60 * 60 * 1000;
const shortDate = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

let pkiDir: string;
let soonCa: string;
let laterCa: string;
let laterCaExpiry: Date;
beforeAll(async () => {
  pkiDir = mkdtempSync(join(tmpdir(), 'regdesk-e2e-list-pki-'));
  const [soon, later] = await Promise.all([
    createPki(join(pkiDir, 'soon'), { caExpiresInDays: 10 }),
    createPki(join(pkiDir, 'later'), { caExpiresInDays: 200 }),
  ]);
  soonCa = soon.root.certPem;
  laterCa = later.root.certPem;
  laterCaExpiry = new Date(Date.now() + 200 * DAY);
});
afterAll(() => rmSync(pkiDir, { recursive: true, force: true }));

const names = (registries: RegistriesPage) => registries.table('System').getByRole('rowheader').allTextContents();

/** Waits until the system table shows exactly `expected`, in that order. */
async function expectNames(registries: RegistriesPage, expected: string[]): Promise<void> {
  await expect.poll(() => names(registries), { timeout: 15_000 }).toEqual(expected);
}

function withPresentedCertificate(record: RegistryRecord, validTo: Date): RegistryRecord {
  const validated = withValidation(record, true);
  return {
    ...validated,
    lastValidation: { ...validated.lastValidation!, report: { presentedChain: [{ validTo: validTo.toISOString() }] } },
  };
}

describe('sorting and filters', () => {
  it('sorts by name, endpoint, validation state and date, either way, and filters by state, type and TLS posture', async () => {
    const stale = withValidation(basicRecord({ name: 'delta', endpoint: 'http://10.0.0.5:5000' }), true, '2026-02-03T04:05:06.000Z');
    seedStore(app.dataDir, [
      withValidation(basicRecord({ name: 'alpha', endpoint: 'https://zeta.example.test' }), true, '2026-01-02T03:04:05.000Z'),
      withValidation(ecrRecord({ name: 'beta', scope: 'system' }), false, '2026-03-04T05:06:07.000Z'),
      basicRecord({ name: 'gamma', endpoint: 'https://alpha.example.test', tls: { insecureSkipVerify: true } }),
      { ...stale, baseContentPath: 'moved' },
      basicRecord({ name: 'tenant-one', scope: 'tenant' }),
    ]);
    const { registries } = await open();
    await expectNames(registries, ['alpha', 'beta', 'delta', 'gamma']);

    await registries.sortButton('Endpoint').click();
    await expectNames(registries, ['beta', 'delta', 'gamma', 'alpha']);
    expect(await registries.sortedHeader('Endpoint').getAttribute('aria-sort')).toBe('ascending');
    expect(await registries.sortedHeader('Name').getAttribute('aria-sort')).toBeNull();
    await registries.sortButton('Endpoint').click();
    await expectNames(registries, ['alpha', 'gamma', 'delta', 'beta']);
    expect(await registries.sortedHeader('Endpoint').getAttribute('aria-sort')).toBe('descending');

    // Worst first: failed, stale, never, validated.
    await registries.sortButton('Validation').click();
    await expectNames(registries, ['beta', 'delta', 'gamma', 'alpha']);
    await registries.sortButton('Last validated').click();
    await expectNames(registries, ['gamma', 'alpha', 'delta', 'beta']);
    await registries.sortButton('Type').click();
    await expectNames(registries, ['alpha', 'delta', 'gamma', 'beta']);

    await registries.filter('Validation').selectOption({ label: 'Failed' });
    await expectNames(registries, ['beta']);
    // The tabs count what the filters leave.
    expect(await registries.scopeTab('System').textContent()).toBe('System (1)');
    expect(await registries.scopeTab('Tenant').textContent()).toBe('Tenant (0)');
    await registries.filter('Validation').selectOption({ label: 'Any state' });
    await registries.filter('Type').selectOption({ label: 'OCI · ECR' });
    await expectNames(registries, ['beta']);
    await registries.filter('Type').selectOption({ label: 'Any type' });
    await registries.filter('TLS').selectOption({ label: 'Skip verify' });
    await expectNames(registries, ['gamma']);
    await registries.filter('TLS').selectOption({ label: 'No TLS (HTTP)' });
    await expectNames(registries, ['delta']);
    await registries.filter('Validation').selectOption({ label: 'Validated' });
    await registries.page.getByText('No system registries match the filters', { exact: true }).waitFor();
    await registries.page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expectNames(registries, ['alpha', 'delta', 'gamma', 'beta']);
    expect(await registries.scopeTab('System').textContent()).toBe('System (4)');
  });
});

describe('TLS column and certificate expiry', () => {
  it('shows each registry’s trust and warns ahead of an uploaded CA or the registry’s certificate expiring', async () => {
    const expired = new Date(Date.now() - 2 * DAY);
    seedStore(app.dataDir, [
      basicRecord({ name: 'ca-soon', tls: { insecureSkipVerify: false, caPem: soonCa } }),
      basicRecord({ name: 'ca-later', tls: { insecureSkipVerify: false, caPem: laterCa } }),
      withPresentedCertificate(basicRecord({ name: 'cert-expired' }), expired),
      withPresentedCertificate(basicRecord({ name: 'cert-fine' }), new Date(Date.now() + 300 * DAY)),
      basicRecord({ name: 'plain', endpoint: 'http://10.0.0.5:5000' }),
      basicRecord({ name: 'skips', tls: { insecureSkipVerify: true } }),
    ]);
    const { registries } = await open();
    await registries.table('System').waitFor();
    const tls = async (name: string) => (await registries.cells(name))[4];
    expect(await tls('ca-soon')).toBe('Private CA CA expires in 10 days');
    expect(await tls('ca-later')).toBe(`Private CA CA valid until ${shortDate.format(laterCaExpiry)}`);
    expect(await tls('cert-expired')).toBe(`System CAs Certificate expired ${shortDate.format(expired)}`);
    expect(await tls('cert-fine')).toBe('System CAs');
    expect(await tls('plain')).toBe('No TLS (HTTP)');
    expect(await tls('skips')).toBe('Skip verify');

    await registries.filter('TLS').selectOption({ label: 'Expired or expiring within 30 days' });
    await expectNames(registries, ['ca-soon', 'cert-expired']);
    await registries.filter('TLS').selectOption({ label: 'Private CA' });
    await expectNames(registries, ['ca-later', 'ca-soon']);
  });
});

describe('bulk actions', () => {
  it('exports and deletes the ticked registries, naming the count before deleting', async () => {
    seedStore(
      app.dataDir,
      ['one', 'two', 'three'].map((name) => basicRecord({ name })),
    );
    const { page, registries } = await open();
    await expectNames(registries, ['one', 'three', 'two']);
    await registries.rowCheckbox('one').check();
    await registries.rowCheckbox('two').check();
    await registries.page.getByText('2 selected', { exact: true }).waitFor();

    await registries.bulkButton('Export selected…').click();
    const exportDialog = new ExportDialogs(page).exportDialog('2 selected registries');
    await exportDialog.waitFor();
    await page.keyboard.press('Escape');
    await exportDialog.waitFor({ state: 'hidden' });

    await registries.bulkButton('Delete selected…').click();
    const dialog = registries.bulkDeleteDialog(2);
    await dialog.waitFor();
    expect(await dialog.getByText(/^“one”, “two” are removed/).count()).toBe(1);
    // Cancel has the focus: Enter straight away must not delete.
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await expectNames(registries, ['one', 'three', 'two']);

    await registries.bulkButton('Delete selected…').click();
    await registries.dialogButton(dialog, 'Delete 2 registries').click();
    await dialog.waitFor({ state: 'hidden' });
    await expectNames(registries, ['three']);
    await registries.feedback().filter({ hasText: 'Deleted 2 registries and their stored secrets.' }).waitFor();
  });

  it('ticks every registry the search leaves, on every page, and acts on those only', async () => {
    seedStore(
      app.dataDir,
      Array.from({ length: 60 }, (_, i) => basicRecord({ name: `reg-${String(i).padStart(2, '0')}` })),
    );
    const { registries } = await open();
    await registries.row('reg-00').waitFor();
    await registries.searchField().fill('reg-5');
    await expectNames(registries, ['reg-50', 'reg-51', 'reg-52', 'reg-53', 'reg-54', 'reg-55', 'reg-56', 'reg-57', 'reg-58', 'reg-59']);
    await registries.selectAllCheckbox().check();
    await registries.page.getByText('10 selected', { exact: true }).waitFor();
    await registries.bulkButton('Delete selected…').click();
    await registries.dialogButton(registries.bulkDeleteDialog(10), 'Delete 10 registries').click();
    await registries.bulkDeleteDialog(10).waitFor({ state: 'hidden' });
    await registries.searchField().fill('');
    // The other 50 are all there, on one page.
    await expectNames(
      registries,
      Array.from({ length: 50 }, (_, i) => `reg-${String(i).padStart(2, '0')}`),
    );
  });

  it('validates every stale or never validated registry, and leaves a current verdict alone', async () => {
    // Nothing listens there: each validation fails at the connection, quickly and on loopback.
    const closed = await findFreePort();
    const endpoint = `https://127.0.0.1:${closed}`;
    const stale = withValidation(basicRecord({ name: 'stale-one', endpoint }), true, '2026-02-03T04:05:06.000Z');
    seedStore(app.dataDir, [
      basicRecord({ name: 'never-one', endpoint }),
      { ...stale, baseContentPath: 'moved' },
      withValidation(basicRecord({ name: 'current-one', endpoint }), true, '2026-01-02T03:04:05.000Z'),
    ]);
    const { registries } = await open();
    await registries.table('System').waitFor();
    await registries.validateAllStaleButton().filter({ hasText: '(2)' }).click();
    await expect.poll(async () => (await registries.cells('never-one'))[3], { timeout: 30_000 }).toMatch(/^Failed /);
    await expect.poll(async () => (await registries.cells('stale-one'))[3], { timeout: 30_000 }).toMatch(/^Failed /);
    expect((await registries.cells('current-one'))[3]).toMatch(/^Validated Jan 2, 2026/);
    await registries.validateAllStaleButton().filter({ hasText: '(0)' }).waitFor();
    expect(await registries.validateAllStaleButton().isDisabled()).toBe(true);
  });
});
