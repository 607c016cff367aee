// Search, scopes and the validation column of the Pack Registries list, in Chromium through the harness.
import { describe, expect, it } from 'vitest';
import { basicRecord, ecrRecord, seedStore, withValidation } from '../fixtures/registry-records';
import type { RegistryRecord } from '../../shared/model/registry';
import type { ValidationReport } from '../../shared/model/validation';
import { useAppSession } from './app-session';
import { PAGE_SIZE, type RegistriesPage } from './pages/registries-page';

const app = useAppSession();
const open = () => app.open({ locale: 'en-US' });

const mixedRegistries = (): RegistryRecord[] => [
  basicRecord({ name: 'Harbor-Edge', endpoint: 'https://harbor.example.test', baseContentPath: 'edge-packs' }),
  basicRecord({ name: 'jfrog-packs', endpoint: 'https://10.0.0.5:8443', baseContentPath: '' }),
  basicRecord({ name: 'zot-lab', endpoint: 'https://zot.lab.example.test', baseContentPath: 'HARBOR-mirror' }),
  ecrRecord({ name: 'ecr-prod', scope: 'tenant', baseContentPath: 'production' }),
  ecrRecord({ name: 'harbor-tenant', scope: 'tenant', endpoint: '123456789012.dkr.ecr.eu-west-1.amazonaws.com', baseContentPath: '' }),
];

async function visibleNames(registries: RegistriesPage, scope: 'System' | 'Tenant'): Promise<string[]> {
  return registries.table(scope).getByRole('rowheader').allTextContents();
}

describe('search', () => {
  it('filters by name, endpoint or base path, ignoring case, and each tab counts its own matches', async () => {
    seedStore(app.dataDir, mixedRegistries());
    const { registries } = await open();
    await registries.table('System').waitFor();
    expect(await visibleNames(registries, 'System')).toEqual(['Harbor-Edge', 'jfrog-packs', 'zot-lab']);

    // "harbor" is in one name and in another registry's base path, in other cases.
    await registries.searchField().fill('harbor');
    await registries.matchCount().filter({ hasText: '2 of 3 system registries match' }).waitFor();
    expect(await visibleNames(registries, 'System')).toEqual(['Harbor-Edge', 'zot-lab']);
    // The other tab says it holds a match too, rather than hiding it.
    expect(await registries.scopeTab('System').textContent()).toBe('System (2)');
    expect(await registries.scopeTab('Tenant').textContent()).toBe('Tenant (1)');

    await registries.searchField().fill('10.0.0');
    await registries.matchCount().filter({ hasText: '1 of 3' }).waitFor();
    expect(await visibleNames(registries, 'System')).toEqual(['jfrog-packs']);
    expect(await registries.scopeTab('Tenant').textContent()).toBe('Tenant (0)');

    // Only tenant registries hold "prod": the system tab says 0 and the tenant tab 1.
    await registries.searchField().fill('prod');
    await registries.noMatch('system').waitFor();
    expect(await registries.scopeTab('System').textContent()).toBe('System (0)');
    expect(await registries.scopeTab('Tenant').textContent()).toBe('Tenant (1)');

    // The search applies to the other scope too, with that scope's own matches.
    await registries.searchField().fill('HARBOR');
    await registries.openScope('Tenant');
    await registries.matchCount().filter({ hasText: '1 of 2 tenant registries match' }).waitFor();
    expect(await visibleNames(registries, 'Tenant')).toEqual(['harbor-tenant']);

    // Cleared, the counts are the totals again.
    await registries.searchField().fill('');
    await registries.table('Tenant').getByRole('rowheader', { name: 'ecr-prod' }).waitFor();
    expect(await registries.scopeTab('System').textContent()).toBe('System (3)');
    expect(await registries.scopeTab('Tenant').textContent()).toBe('Tenant (2)');
  });

  it('shows a no-match state, distinct from the empty state, and Clear search or Escape brings the rows back', async () => {
    seedStore(app.dataDir, mixedRegistries());
    const { page, registries } = await open();
    await registries.searchField().fill('quay');
    await registries.noMatch('system').waitFor();
    expect(await registries.noMatch('system').textContent()).toBe('No system registries match “quay”');
    expect(await registries.emptyState('system').count()).toBe(0);
    expect(await registries.table('System').count()).toBe(0);
    await registries.button('Clear search').click();
    await registries.table('System').waitFor();
    expect(await registries.searchField().inputValue()).toBe('');

    await registries.searchField().fill('quay');
    await registries.noMatch('system').waitFor();
    await page.keyboard.press('Escape');
    await registries.row('zot-lab').waitFor();
  });

  it('shows PAGE_SIZE rows a page and searches across every page', async () => {
    seedStore(
      app.dataDir,
      Array.from({ length: PAGE_SIZE + 5 }, (_, i) => basicRecord({ name: `registry-${String(i).padStart(3, '0')}` })),
    );
    const { registries } = await open();
    await registries.row('registry-000').waitFor();
    expect(await registries.table('System').getByRole('rowheader').count()).toBe(PAGE_SIZE);
    expect(await registries.pageRange().textContent()).toBe(`1–${PAGE_SIZE} of ${PAGE_SIZE + 5}`);
    expect(await registries.row(`registry-0${PAGE_SIZE}`).count()).toBe(0);
    await registries.pageButton('Next page').click();
    await registries.row(`registry-0${PAGE_SIZE}`).waitFor();
    expect(await registries.table('System').getByRole('rowheader').count()).toBe(5);

    // A search starts again from its first page.
    await registries.searchField().fill('registry-00');
    await registries
      .matchCount()
      .filter({ hasText: `10 of ${PAGE_SIZE + 5} system registries match` })
      .waitFor();
    expect(await registries.row('registry-000').isVisible()).toBe(true);
    expect(await registries.pageRange().count()).toBe(0);
  });
});

describe('scopes', () => {
  it('keeps a scope’s registries out of the other scope, with the same name allowed in both', async () => {
    seedStore(app.dataDir, [
      basicRecord({ name: 'shared-name', scope: 'system', endpoint: 'https://system.example.test' }),
      basicRecord({ name: 'shared-name', scope: 'tenant', endpoint: 'https://tenant.example.test' }),
      basicRecord({ name: 'tenant-only', scope: 'tenant' }),
    ]);
    const { registries } = await open();
    await registries.table('System').waitFor();
    expect(await visibleNames(registries, 'System')).toEqual(['shared-name']);
    expect((await registries.cells('shared-name'))[1]).toBe('https://system.example.test');
    expect(await registries.row('tenant-only').count()).toBe(0);
    await registries.openScope('Tenant');
    await registries.table('Tenant').waitFor();
    expect(await registries.table('System').count()).toBe(0);
    expect(await visibleNames(registries, 'Tenant')).toEqual(['shared-name', 'tenant-only']);
    expect((await registries.cells('shared-name'))[1]).toBe('https://tenant.example.test');
  });
});

describe('validation column', () => {
  it('shows validated with its date, stale with the last date, never, and failed with the stored code and remedy', async () => {
    const failedAt = '2026-03-04T05:06:07.000Z';
    const failed = withValidation(basicRecord({ name: 'failed-registry' }), false, failedAt);
    const report: ValidationReport = {
      ok: false,
      endpoint: failed.endpoint,
      startedAt: failedAt,
      durationMs: 42,
      steps: [
        {
          id: 'tls',
          title: 'TLS',
          status: 'fail',
          durationMs: 12,
          observed: [],
          problem: {
            code: 'TLS_UNKNOWN_CA',
            message: 'The server’s certificate was issued by an unknown authority.',
            remedy: 'Upload the registry’s CA certificate.',
          },
        },
      ],
      presentedChain: [],
      proxy: null,
      packs: [],
      packCount: 0,
    };
    seedStore(app.dataDir, [
      withValidation(basicRecord({ name: 'validated-registry' }), true, '2026-01-02T03:04:05.000Z'),
      // Validated, then its endpoint changed: the verdict no longer vouches for it.
      {
        ...withValidation(basicRecord({ name: 'stale-registry' }), true, '2026-02-03T04:05:06.000Z'),
        endpoint: 'https://moved.example.test',
      },
      basicRecord({ name: 'never-registry' }),
      { ...failed, lastValidation: { ...failed.lastValidation!, report } },
    ]);
    const { registries } = await open();
    await registries.table('System').waitFor();
    expect((await registries.cells('validated-registry'))[3]).toMatch(/^Validated Jan 2, 2026/);
    expect((await registries.cells('stale-registry'))[3]).toMatch(/^Stale last validated Feb 3, 2026/);
    expect((await registries.cells('never-registry'))[3]).toBe('Never validated');
    expect((await registries.cells('failed-registry'))[3]).toMatch(/^Failed Details Mar 4, 2026/);

    await registries.failureDetailsButton('failed-registry').click();
    const details = registries.failureDetails('failed-registry');
    await details.getByText('TLS_UNKNOWN_CA').waitFor();
    expect((await details.innerText()).replace(/\s+/g, ' ')).toBe(
      'Why failed-registry failed TLS: TLS_UNKNOWN_CA The server’s certificate was issued by an unknown authority. → Upload the registry’s CA certificate.',
    );
  });
});
