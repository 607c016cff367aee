import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { register } from '../../../../../main/ipc/register';
import type { Invoke } from '../../../../../main/ipc/handle';
import { createServices } from '../../../../../main/services';
import { DraftFileSchema } from '../../../../../shared/model/draft-file';
import type { ExportFormat } from '../../../../../shared/model/export';
import { AesGcmTestCipher } from '../../../../fixtures/aes-gcm-cipher';
import { canarySecret } from '../../../../fixtures/canary';
import { EXPORT_VARIANTS, storeVariants, terraformKeys } from '../../../../fixtures/export-variants';
import { failureOf, openTestServices, type TestServices } from '../../../../fixtures/storage-services';
import { createTempDir, type TempDir } from '../../../../fixtures/temp-dir';
import { createFilePickSeam } from '../../../../harness/file-pick-seam';
import { createFileSaveSeam } from '../../../../harness/file-save-seam';
import Conf from 'conf';
import { openAppStorage } from '../../../../../main/services/store/app-storage';

const FORMATS: ExportFormat[] = ['palette', 'terraform', 'draft'];
let temp: TempDir;
let env: TestServices;
let ids: Map<string, string>;
let cipher: AesGcmTestCipher;
const canaries = new Map<string, string>();

beforeEach(async () => {
  temp = await createTempDir('export');
  cipher = new AesGcmTestCipher();
  env = openTestServices(temp.path, { cipher });
  ids = await storeVariants(env.services, (variant) => {
    const canary = canarySecret(variant.key);
    canaries.set(variant.key, canary);
    return canary;
  });
});
afterEach(async () => {
  env.close();
  await temp.cleanup();
});

const allIds = () => [...ids.values()];
/** Every variant the format can hold: the Terraform provider cannot express an unauthenticated ECR registry. */
const idsFor = (format: ExportFormat) => (format === 'terraform' ? terraformKeys().map((k) => ids.get(k)!) : allIds());

describe('export without secrets', () => {
  it.each(FORMATS)('never holds a canary secret: %s', async (format) => {
    const result = await env.services.exports.render({ ids: idsFor(format), format, includeSecrets: false });
    expect(result.secretsIncluded).toBe(false);
    const text = JSON.stringify(result);
    for (const canary of canaries.values()) expect(text).not.toContain(canary);
    expect(text).not.toContain('canary-');
  });

  it('writes Palette placeholders and Terraform variables where the secrets belong', async () => {
    const palette = (await env.services.exports.render({ ids: allIds(), format: 'palette', includeSecrets: false })).files[0]!.content;
    expect(palette).toContain('"password": "<password>"');
    expect(palette).toContain('"secretKey": "<secret-key>"');
    const terraform = (await env.services.exports.render({ ids: idsFor('terraform'), format: 'terraform', includeSecrets: false }))
      .files[0]!.content;
    expect(terraform).toContain('password        = var.harbor_robot_password');
    // Three secrets, and the provider's host and API key.
    expect(terraform.match(/sensitive {3}= true/g)).toHaveLength(5);
    expect(terraform).not.toContain('default');
  });

  it('puts the TLS block under spec.auth for Basic and under spec for ECR', async () => {
    const document = JSON.parse(
      (await env.services.exports.render({ ids: allIds(), format: 'palette', includeSecrets: false })).files[0]!.content,
    ) as {
      registries: Array<{ type: string; create: { body: { spec: Record<string, unknown> } }; validate: { body: unknown } }>;
    };
    for (const registry of document.registries) {
      const { spec } = registry.create.body;
      expect(registry.validate.body).toEqual(spec);
      expect(spec['providerType']).toBe('pack');
      if (registry.type === 'basic') {
        expect(spec).not.toHaveProperty('tls');
        expect(spec['auth']).toHaveProperty('tls.enabled', true);
      } else {
        expect(spec).toHaveProperty('tls.enabled', true);
        expect(spec).not.toHaveProperty('auth');
      }
    }
  });

  it('writes a draft file that `regdesk validate --file` reads too', async () => {
    const content = (await env.services.exports.render({ ids: allIds(), format: 'draft', includeSecrets: false })).files[0]!.content;
    const parsed = DraftFileSchema.parse(JSON.parse(content));
    expect(parsed.registries.map((r) => r.name).sort()).toEqual(EXPORT_VARIANTS.map((v) => v.draft.name).sort());
  });
});

describe('export with secrets', () => {
  it('includes them only when asked, and says so', async () => {
    const result = await env.services.exports.render({ ids: allIds(), format: 'palette', includeSecrets: true });
    expect(result.secretsIncluded).toBe(true);
    for (const variant of EXPORT_VARIANTS.filter((v) => v.secret)) expect(result.files[0]!.content).toContain(canaries.get(variant.key));
    expect(result.files[0]!.content).toMatch(/"secrets": "included",\n {2}"warning": "THIS FILE CONTAINS SECRETS/);
  });

  it('refuses secrets in a draft file', async () => {
    expect(await failureOf(() => env.services.exports.render({ ids: allIds(), format: 'draft', includeSecrets: true }))).toMatchObject({
      code: 'EXPORT_SECRETS_NOT_IN_DRAFT',
      field: 'includeSecrets',
    });
  });

  it('writes a placeholder and a note for a secret it cannot read', async () => {
    const id = ids.get('basic-username')!;
    await env.services.secrets.clear({ registryId: id, field: 'password' });
    const result = await env.services.exports.render({ ids: [id], format: 'terraform', includeSecrets: true });
    expect(result.secretsIncluded).toBe(false);
    expect(result.files[0]!.content).not.toContain('default');
    expect(result.notes).toEqual([
      {
        registry: 'harbor-robot',
        scope: 'tenant',
        problem: expect.objectContaining({
          code: 'EXPORT_SECRET_UNAVAILABLE',
          message: expect.stringContaining('"<password>" was written'),
        }),
      },
    ]);
  });
});

describe('export:save and import:pick over IPC', () => {
  it('saves through the save dialog seam, owner-only when secrets are in it, and imports through the open dialog seam', async () => {
    env.close();
    const storage = openAppStorage(temp.path, { open: (o) => new Conf(o), watch: false });
    const [saver, picker] = [createFileSaveSeam(), createFilePickSeam()];
    const services = createServices({
      appInfo: { name: 'Pack Registry Desk', version: '0.0.0-test', platform: process.platform, host: 'harness' },
      store: storage.store,
      secrets: { store: storage.secretsStore, cipher },
      fileSaver: saver,
      filePicker: picker,
    });
    const routes = new Map<string, Invoke>();
    register({ handle: (channel, invoke) => routes.set(channel, invoke), emit: () => undefined }, services, {
      isTrustedSender: () => true,
      log: console,
    });
    const call = (channel: string, input?: unknown) => routes.get(channel)!('app://regdesk/index.html', input);

    expect(await call('export:save', { ids: allIds(), format: 'draft' })).toEqual({ ok: true, data: { canceled: true } });
    const target = join(temp.path, 'out.tf');
    saver.nextSave({ canceled: false, path: target });
    const saved = await call('export:save', { ids: idsFor('terraform'), format: 'terraform', includeSecrets: true });
    expect(saved).toMatchObject({ ok: true, data: { canceled: false, path: target, secretsIncluded: true } });
    expect(saver.lastRequest()).toMatchObject({ defaultName: 'pack-registries.tf', title: expect.stringContaining('contains secrets') });
    expect(statSync(target).mode & 0o777).toBe(0o600);

    const draftPath = join(temp.path, 'drafts.json');
    saver.nextSave({ canceled: false, path: draftPath });
    await call('export:save', { ids: allIds(), format: 'draft' });
    picker.nextPick({ canceled: false, path: draftPath });
    const picked = await call('import:pick');
    expect(picked).toMatchObject({
      ok: true,
      data: { canceled: false, fileName: 'drafts.json', content: readFileSync(draftPath, 'utf8') },
    });
    const preview = (picked as { data: { preview: { conflicts: unknown[]; errors: unknown[] } } }).data.preview;
    expect(preview.errors).toEqual([]);
    expect(preview.conflicts).toHaveLength(EXPORT_VARIANTS.length);

    const rendered = await call('export:render', { ids: allIds(), format: 'palette' });
    expect(JSON.stringify(rendered)).not.toContain('canary-');
    expect(await call('export:render', { ids: [], format: 'palette' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'ids' },
    });
    storage.store._closeWatcher();
  });
});
