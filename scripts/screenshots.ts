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
import { ExportDialogs } from '../test/e2e/pages/export-dialogs';
import { startPaletteDouble } from '../test/fixtures/palette-double';
import { createPki } from '../test/fixtures/pki';
import { basicRecord, ecrRecord, seedStore, withValidation } from '../test/fixtures/registry-records';
import { startRegistry } from '../test/fixtures/registry';
import { pushPack } from '../test/fixtures/oci-push';
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
const expiringPki = await createPki(join(dir.path, 'expiring'), { caExpiresInDays: 12 });
const listSample: RegistryRecord[] = [
  ...sample,
  withValidation(
    basicRecord({
      name: 'lab-private-ca',
      endpoint: 'https://registry.lab.example:5000',
      baseContentPath: 'packs',
      tls: { insecureSkipVerify: false, caPem: expiringPki.root.certPem },
    }),
    true,
  ),
  basicRecord({ name: 'dev-skip-verify', endpoint: 'https://10.20.0.30:5000', tls: { insecureSkipVerify: true } }),
];
const registry = await startRegistry({
  tls: { certificate: pki.selfSignedLeaf.cert, key: pki.selfSignedLeaf.key },
  auth: { kind: 'htpasswd', users: [{ username: 'robot$packs', password: 'example-password' }] },
});
// Packs under "packs", so a validation with that base content path is a clean pass and one without
// is the warnings verdict (no packs under the root).
for (const [pack, version] of [
  ['ubuntu', '22.04.4'],
  ['cilium', '1.15.3'],
] as const) {
  await pushPack({
    endpoint: registry.endpoint,
    basePath: 'packs',
    pack,
    version,
    auth: { username: 'robot$packs', password: 'example-password' },
    ca: pki.selfSignedLeaf.certPem,
  });
}
const PALETTE_KEY = 'example-palette-api-key';
const palette = await startPaletteDouble({
  tls: { certificate: pki.leaf.fullchain, key: pki.leaf.key },
  apiKeys: [PALETTE_KEY],
  runningReads: 1,
});
const browser = await launchChromium();
let counter = 0;
/** `SCREENSHOTS_ONLY=palette-publish,palette-view npx tsx scripts/screenshots.ts` retakes just those. */
const only = process.env['SCREENSHOTS_ONLY']?.split(',');

async function shoot(
  scheme: Scheme,
  records: RegistryRecord[],
  file: string,
  act: (page: Page, harness: Harness) => Promise<void>,
  height = 720,
  /** `firstScreen`: only what the window shows without scrolling, as at the smallest supported size. */
  { width = 1280, firstScreen = false }: { width?: number; firstScreen?: boolean } = {},
) {
  if (only && !only.includes(file)) return;
  const dataDir = join(dir.path, `data-${counter++}`);
  seedStore(dataDir, records);
  const harness = await startHarness({ dataDir });
  const session = await openPage(browser, harness.url, { colorScheme: scheme, viewport: { width, height } });
  try {
    await new RegistriesPage(session.page).waitUntilReady();
    await act(session.page, harness);
    await session.page.screenshot({ path: join(outDir, `${file}-${scheme}.png`), fullPage: !firstScreen });
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

/** Signs in to the Palette double in an open publish dialog or Palette view (tenant API key, its CA trusted). */
async function paletteSignIn(page: Page, harness: Harness, dialog: ReturnType<ExportDialogs['paletteView']>) {
  const dialogs = new ExportDialogs(page);
  harness.filePicker.nextPick({ canceled: false, path: pki.root.cert });
  await dialogs.button(dialog, 'Upload CA file').click();
  await dialogs.button(dialog, 'Remove CA file').waitFor();
  await dialogs.field(dialog, 'Palette API URL').fill(palette.url);
  await dialogs.field(dialog, 'API key').fill(PALETTE_KEY);
  return dialogs;
}

async function run(browserScheme: Scheme) {
  palette.registries.length = 0;
  await shoot(
    browserScheme,
    sample,
    'palette-publish',
    async (page, harness) => {
      const stored = harness.services.registries.list().find((r) => r.name === 'team-a-packs')!;
      await harness.services.secrets.set({ registryId: stored.id, field: 'password' }, 'example-password', 'session');
      const registries = new RegistriesPage(page);
      await registries.openScope('Tenant');
      await registries.actionsButton('team-a-packs').click();
      await page.getByRole('menuitem', { name: 'Publish to Palette…', exact: true }).click();
      const dialogs = new ExportDialogs(page);
      const dialog = dialogs.publishDialog('team-a-packs');
      await paletteSignIn(page, harness, dialog);
      await dialogs.button(dialog, 'Publish').click();
      await dialogs.syncStatus(dialog).filter({ hasText: 'Synchronized' }).waitFor();
    },
    1100,
  );
  await shoot(
    browserScheme,
    [...sample, basicRecord({ name: 'team-b-packs', scope: 'tenant', endpoint: 'https://registry.team-b.example' })],
    'palette-view',
    async (page, harness) => {
      // Palette holds team-a-packs (published above), one made in its console, and team-b-packs at another endpoint.
      const made = palette.registries[0]!;
      palette.registries.length = 1;
      const spec = made.body['spec'] as Record<string, unknown>;
      palette.registries.push(
        { ...made, uid: 'console-made', body: { metadata: { name: 'console-packs' }, spec } },
        { ...made, uid: 'team-b', body: { metadata: { name: 'team-b-packs' }, spec: { ...spec, endpoint: 'https://old.team-b.example' } } },
      );
      await page.getByRole('button', { name: 'Palette view…' }).click();
      const dialogs = new ExportDialogs(page);
      const view = dialogs.paletteView();
      await paletteSignIn(page, harness, view);
      await dialogs.button(view, 'Compare with Palette').click();
      await dialogs.paletteRow(view, 'team-b-packs').waitFor();
    },
    1100,
  );
  await shoot(browserScheme, sample, 'registries', async () => undefined);
  await shoot(browserScheme, [], 'registries-empty', async () => undefined);
  // The smallest supported window, with the list's TLS column warning of a CA about to expire.
  await shoot(
    browserScheme,
    listSample,
    'registries-1024',
    async (page) => {
      const registries = new RegistriesPage(page);
      await registries.filter('TLS').selectOption({ label: 'Expired or expiring within 30 days' });
      await registries.rowCheckbox('lab-private-ca').check();
      // From the filters down: the bulk actions, the tab counts that follow the filter, the expiring CA's warning.
      await registries.filter('Validation').evaluate((element: { scrollIntoView(): void }) => element.scrollIntoView());
      await registries.settled();
    },
    640,
    { width: 1024, firstScreen: true },
  );
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
  for (const [file, baseContentPath] of [
    ['wizard-validated', 'packs'],
    ['wizard-warnings', ''],
  ] as const) {
    await shoot(
      browserScheme,
      [],
      file,
      async (page, harness) => {
        const wizard = await wizardWith(page);
        await wizard.fillBasic({
          name: 'harbor-lab',
          endpoint: registry.endpoint,
          baseContentPath,
          username: 'robot$packs',
          password: 'example-password',
        });
        await wizard.validate();
        harness.filePicker.nextPick({ canceled: false, path: pki.selfSignedLeaf.cert });
        await wizard.button('Upload file').click();
        await wizard.certificateCards().first().waitFor();
        await wizard.validate();
      },
      1000,
    );
  }
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
  await palette.close();
  await registry.stop();
  await dir.cleanup();
}
