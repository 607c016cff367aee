// `npm run screenshots`: the README's pictures, taken from the real renderer in Chromium
// through the browser harness, never drawn by hand.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startHarness } from '../test/harness/server';
import { launchChromium, openPage } from '../test/e2e/browser';
import { RegistriesPage } from '../test/e2e/pages/registries-page';
import { basicRecord, ecrRecord, seedStore, withValidation } from '../test/fixtures/registry-records';
import type { RegistryRecord } from '../shared/model/registry';

const outDir = resolve('docs/screenshots');
mkdirSync(outDir, { recursive: true });

const sample: RegistryRecord[] = [
  withValidation(basicRecord({ name: 'harbor-packs', endpoint: 'https://harbor.corp.example', baseContentPath: 'spectro' }), true),
  basicRecord({ name: 'jfrog-packs', endpoint: 'https://artifactory.corp.example/artifactory/api/docker/packs', baseContentPath: '' }),
  withValidation(basicRecord({ name: 'edge-mirror', endpoint: 'https://10.20.0.15:5000', baseContentPath: 'mirror' }), false),
  { ...withValidation(ecrRecord({ name: 'ecr-production', scope: 'system' }), true), baseContentPath: 'production-v2' },
  basicRecord({ name: 'team-a-packs', scope: 'tenant', endpoint: 'https://registry.team-a.example' }),
];

const shots: Array<{ file: string; records: RegistryRecord[]; colorScheme: 'light' | 'dark' }> = [
  { file: 'registries-light.png', records: sample, colorScheme: 'light' },
  { file: 'registries-dark.png', records: sample, colorScheme: 'dark' },
  { file: 'registries-empty.png', records: [], colorScheme: 'light' },
];

const browser = await launchChromium();
try {
  for (const shot of shots) {
    const dataDir = mkdtempSync(join(tmpdir(), 'regdesk-shots-'));
    seedStore(dataDir, shot.records);
    const harness = await startHarness({ dataDir });
    const session = await openPage(browser, harness.url, { colorScheme: shot.colorScheme, viewport: { width: 1200, height: 640 } });
    await new RegistriesPage(session.page).waitUntilReady();
    await session.page.screenshot({ path: join(outDir, shot.file) });
    if (session.errors.length > 0) throw new Error(`The page reported errors: ${session.errors.join('; ')}`);
    await session.close();
    await harness.close();
    rmSync(dataDir, { recursive: true, force: true });
    console.log(`docs/screenshots/${shot.file}`);
  }
} finally {
  await browser.close();
}
