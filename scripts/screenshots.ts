// `npm run screenshots`: the README's pictures, taken from the real renderer in Chromium through
// the browser harness, against a real registry: never drawn by hand.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from '../test/harness/server';
import { launchChromium, openPage } from '../test/e2e/browser';
import { RegistriesPage } from '../test/e2e/pages/registries-page';
import { WizardPage } from '../test/e2e/pages/wizard-page';
import { DiagnosticsDialog } from '../test/e2e/pages/diagnostics-dialog';
import { createPki } from '../test/fixtures/pki';
import { basicRecord, ecrRecord, seedStore, withValidation } from '../test/fixtures/registry-records';
import { startRegistry } from '../test/fixtures/registry';
import { createTempDir } from '../test/fixtures/temp-dir';
import type { RegistryRecord } from '../shared/model/registry';
import { ValidationRequestSchema } from '../shared/model/validation';

const outDir = resolve('docs/screenshots');
mkdirSync(outDir, { recursive: true });

const sample: RegistryRecord[] = [
  withValidation(basicRecord({ name: 'harbor-packs', endpoint: 'https://harbor.corp.example', baseContentPath: 'spectro' }), true),
  basicRecord({ name: 'jfrog-packs', endpoint: 'https://artifactory.corp.example/artifactory/api/docker/packs', baseContentPath: '' }),
  withValidation(basicRecord({ name: 'edge-mirror', endpoint: 'https://10.20.0.15:5000', baseContentPath: 'mirror' }), false),
  { ...withValidation(ecrRecord({ name: 'ecr-production', scope: 'system' }), true), baseContentPath: 'production-v2' },
  basicRecord({ name: 'team-a-packs', scope: 'tenant', endpoint: 'https://registry.team-a.example' }),
];

type Scheme = 'light' | 'dark';
const dir = await createTempDir('screenshots');
const pki = await createPki(dir.path);
const registry = await startRegistry({
  tls: { certificate: pki.selfSignedLeaf.cert, key: pki.selfSignedLeaf.key },
  auth: { kind: 'htpasswd', users: [{ username: 'robot$packs', password: 'example-password' }] },
});
const browser = await launchChromium();
let counter = 0;

async function shoot(
  scheme: Scheme,
  records: RegistryRecord[],
  file: string,
  act: (page: Page, harness: Harness) => Promise<void>,
  height = 720,
) {
  const dataDir = join(dir.path, `data-${counter++}`);
  seedStore(dataDir, records);
  const harness = await startHarness({ dataDir });
  const session = await openPage(browser, harness.url, { colorScheme: scheme, viewport: { width: 1280, height } });
  try {
    await new RegistriesPage(session.page).waitUntilReady();
    await act(session.page, harness);
    await session.page.screenshot({ path: join(outDir, `${file}-${scheme}.png`), fullPage: true });
    if (session.errors.length > 0) throw new Error(`The page reported errors: ${session.errors.join('; ')}`);
    console.log(`docs/screenshots/${file}-${scheme}.png`);
  } finally {
    await session.close();
    await harness.close();
  }
}

async function wizardWith(page: Page): Promise<WizardPage> {
  await new RegistriesPage(page).addButton().click();
  const wizard = new WizardPage(page);
  await wizard.heading().waitFor();
  return wizard;
}

async function run(browserScheme: Scheme) {
  await shoot(browserScheme, sample, 'registries', async () => undefined);
  await shoot(browserScheme, [], 'registries-empty', async () => undefined);
  await shoot(
    browserScheme,
    [],
    'wizard-tls-failure',
    async (page) => {
      const wizard = await wizardWith(page);
      await wizard.fillBasic({ name: 'harbor-lab', endpoint: registry.endpoint, username: 'robot$packs', password: 'example-password' });
      await wizard.validate();
    },
    1000,
  );
  await shoot(
    browserScheme,
    [],
    'wizard-validated',
    async (page, harness) => {
      const wizard = await wizardWith(page);
      await wizard.fillBasic({ name: 'harbor-lab', endpoint: registry.endpoint, username: 'robot$packs', password: 'example-password' });
      await wizard.validate();
      harness.filePicker.nextPick({ canceled: false, path: pki.selfSignedLeaf.cert });
      await wizard.button('Upload file').click();
      await wizard.certificateCards().first().waitFor();
      await wizard.validate();
    },
    1000,
  );
  await shoot(
    browserScheme,
    [],
    'wizard-ecr-sts',
    async (page) => {
      const wizard = await wizardWith(page);
      await wizard.field('Name').fill('ecr-production');
      await wizard.tab('ECR').click();
      await wizard.field('Endpoint').fill('123456789012.dkr.ecr.us-east-1.amazonaws.com');
      await page.getByRole('radio', { name: 'STS' }).check();
      await wizard.field('ARN').fill('arn:aws:iam::123456789012:role/palette-packs');
      await wizard.field('External ID').fill('3f5e9c1a-tenant');
      await wizard.field('Palette’s AWS account ID').fill('210987654321');
    },
    900,
  );
  await shoot(
    browserScheme,
    sample,
    'diagnostics',
    async (page, harness) => {
      // One validation this session (the wizard's, against the self-signed registry), so the file holds a report too.
      const request = {
        endpoint: registry.endpoint,
        username: 'robot$packs',
        password: 'example-password',
        proxy: { fromEnvironment: false },
      };
      await harness.services.validation.run(randomUUID(), ValidationRequestSchema.parse(request), () => undefined);
      const diagnostics = new DiagnosticsDialog(page);
      await diagnostics.open();
      await diagnostics.preview().waitFor();
      await new RegistriesPage(page).settled();
    },
    900,
  );
}

try {
  await run('light');
  await run('dark');
} finally {
  await browser.close();
  await registry.stop();
  await dir.cleanup();
}
