// Publish against a local HTTPS double of Palette's API (test/fixtures/palette-double.ts): the
// create request the export shows goes out with the real secret, signed in the way the
// registry's scope needs, and Palette's answer comes back, errors included.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PublishInputRaw } from '../../../shared/model/publish';
import { PublishInputSchema } from '../../../shared/model/publish';
import { canarySecret } from '../../fixtures/canary';
import { storeVariants } from '../../fixtures/export-variants';
import { startHttpProxy, type RunningHttpProxy } from '../../fixtures/http-proxy';
import { startPaletteDouble, type PaletteDouble } from '../../fixtures/palette-double';
import { createPki, type Pki } from '../../fixtures/pki';
import { failureOf, openTestServices, type TestServices } from '../../fixtures/storage-services';
import { createTempDir, type TempDir } from '../../fixtures/temp-dir';

const API_KEY = 'tenant-api-key-1';
const SYSTEM = { username: 'admin', password: 'sys-console-password' };
let temp: TempDir;
let pki: Pki;
let palette: PaletteDouble;
let env: TestServices;
let ids: Map<string, string>;
const secrets = new Map<string, string>();

beforeAll(async () => {
  temp = await createTempDir('publish');
  pki = await createPki(`${temp.path}/pki`);
  palette = await startPaletteDouble({
    tls: { certificate: pki.leaf.fullchain, key: pki.leaf.key },
    apiKeys: [API_KEY],
    systemUsers: { [SYSTEM.username]: SYSTEM.password },
  });
  env = openTestServices(`${temp.path}/data`);
  ids = await storeVariants(env.services, (variant) => {
    const secret = canarySecret(variant.key);
    secrets.set(variant.key, secret);
    return secret;
  });
});
afterAll(async () => {
  env?.close();
  await palette?.close();
  await temp?.cleanup();
});
beforeEach(() => {
  palette.requests.length = 0;
});

const publish = (variant: string, input: Omit<PublishInputRaw, 'id' | 'paletteUrl'> & { paletteUrl?: string }) =>
  env.services.publish.send(
    PublishInputSchema.parse({ id: ids.get(variant), paletteUrl: palette.url, tls: { caPem: pki.root.certPem }, ...input }),
  );

describe('publish to Palette', () => {
  it('creates a tenant registry with the API key, after looking it up by name, sending the real secret', async () => {
    const result = await publish('basic-username', { auth: { kind: 'apiKey', apiKey: API_KEY } });
    expect(result).toMatchObject({
      ok: true,
      outcome: 'created',
      registry: 'harbor-robot',
      uid: palette.registries[0]!.uid,
      auditUid: expect.any(String),
    });
    expect(result.steps.map((s) => [s.action, s.method, s.path, s.status])).toEqual([
      ['lookup', 'GET', '/v1/registries/oci/summary', 200],
      ['create', 'POST', '/v1/registries/oci/basic?skipPackSync=false', 201],
    ]);
    const request = palette.requests[1];
    expect(request!.headers).toMatchObject({ apikey: API_KEY, 'content-type': 'application/json' });
    // OCI registries are tenant-level: no project header, whatever the window sends.
    expect(request!.headers).not.toHaveProperty('projectuid');
    expect(request!.headers).not.toHaveProperty('authorization');
    // The body is the export's create body with the stored password in place of the placeholder.
    const exported = JSON.parse(
      (await env.services.exports.render({ ids: [ids.get('basic-username')!], format: 'palette', includeSecrets: false })).files[0]!
        .content,
    ) as {
      registries: Array<{ create: { body: { spec: { auth: Record<string, unknown> } } } }>;
    };
    const expected = exported.registries[0]!.create.body;
    expected.spec.auth['password'] = secrets.get('basic-username');
    expect(request!.body).toEqual(expected);
    expect(JSON.stringify(result)).not.toContain(secrets.get('basic-username'));
    expect(palette.violations).toEqual([]);
  });

  it('offers no project: a projectUid in the sign-in is refused by the contract', () => {
    const input = { id: 'x', paletteUrl: palette.url, auth: { kind: 'apiKey', apiKey: API_KEY, projectUid: 'project-42' } };
    expect(PublishInputSchema.safeParse(input).error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['projectUid'] });
  });

  it('signs in to the system console for a system registry and sends the token as the Authorization header', async () => {
    const result = await publish('ecr-sts', { auth: { kind: 'system', ...SYSTEM }, validateFirst: true });
    expect(result.ok).toBe(true);
    expect(result.steps.map((s) => [s.action, s.status])).toEqual([
      ['login', 200],
      ['lookup', 200],
      ['validate', 204],
      ['create', 201],
    ]);
    expect(result.steps[0]!.body).toEqual({ Authorization: '<redacted>', IsPasswordReset: false });
    const token = (palette.requests[1]!.headers['authorization'] as string) ?? '';
    expect(token).toMatch(/^sys-/);
    expect(palette.requests[3]!.headers['authorization']).toBe(token);
    expect(JSON.stringify(result)).not.toContain(token);
    expect(JSON.stringify(result)).not.toContain(SYSTEM.password);
    expect(palette.registries.at(-1)).toMatchObject({ scope: 'system', kind: 'ecr' });
  });

  it("shows Palette's 401 with its error body", async () => {
    const result = await publish('ecr-public', { auth: { kind: 'apiKey', apiKey: 'wrong-key' } });
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ outcome: 'refused', message: expect.stringContaining('Authorization is missing or invalid') });
    expect(result.steps).toEqual([
      expect.objectContaining({
        action: 'lookup',
        status: 401,
        ok: false,
        error: { code: 'Unauthorized', message: 'Authorization is missing or invalid', ref: expect.any(String) },
      }),
    ]);
    const login = await publish('ecr-sts', { auth: { kind: 'system', username: 'admin', password: 'nope' } });
    expect(login.steps).toEqual([
      expect.objectContaining({ action: 'login', status: 401, ok: false, error: expect.objectContaining({ code: 'Unauthorized' }) }),
    ]);
    expect(palette.requests.map((r) => r.path)).toEqual(['/v1/registries/oci/summary', '/v1/auth/syslogin']);
  });

  it('is idempotent: a second publish is "unchanged", never an error', async () => {
    expect((await publish('ecr-credentials', { auth: { kind: 'apiKey', apiKey: API_KEY } })).outcome).toBe('created');
    const again = await publish('ecr-credentials', { auth: { kind: 'apiKey', apiKey: API_KEY } });
    expect(again).toMatchObject({ ok: true, outcome: 'unchanged', uid: palette.registries.at(-1)!.uid, differences: [] });
    expect(again.steps.map((s) => s.action)).toEqual(['lookup', 'read']);
    expect(JSON.stringify(again)).not.toContain(secrets.get('ecr-credentials'));
  });

  it("shows Palette's 400 validation error and does not create", async () => {
    const strict = await startPaletteDouble({
      tls: { certificate: pki.leaf.fullchain, key: pki.leaf.key },
      apiKeys: [API_KEY],
      validationFailure: 'Registry credentials could not be validated: 401 Unauthorized',
    });
    try {
      const result = await publish('basic-username', {
        paletteUrl: strict.url,
        auth: { kind: 'apiKey', apiKey: API_KEY },
        validateFirst: true,
      });
      expect(result).toMatchObject({
        ok: false,
        outcome: 'refused',
        steps: [
          { action: 'lookup', status: 200 },
          {
            action: 'validate',
            path: '/v1/registries/oci/basic/validate',
            status: 400,
            error: { code: 'RegistryValidationFailed', message: expect.stringContaining('could not be validated') },
          },
        ],
      });
      expect(strict.requests).toHaveLength(2);
      expect(strict.registries).toEqual([]);
    } finally {
      await strict.close();
    }
  });

  it('refuses, before sending anything, a sign-in that does not match the scope, or a secret it cannot read', async () => {
    expect(await failureOf(() => publish('ecr-sts', { auth: { kind: 'apiKey', apiKey: API_KEY } }))).toMatchObject({
      code: 'PUBLISH_SCOPE_MISMATCH',
    });
    await env.services.secrets.clear({ registryId: ids.get('basic-ca-insecure')!, field: 'password' });
    expect(await failureOf(() => publish('basic-ca-insecure', { auth: { kind: 'system', ...SYSTEM } }))).toMatchObject({
      code: 'PUBLISH_SECRET_MISSING',
      field: 'password',
    });
    expect(palette.requests).toEqual([]);
  });

  it("trusts Palette's certificate as validation trusts a registry's: CA, skip-verify, proxy", async () => {
    const input = { id: ids.get('basic-noauth'), paletteUrl: palette.url, auth: { kind: 'system', ...SYSTEM } } as const;
    const untrusted = await failureOf(() => env.services.publish.send(PublishInputSchema.parse({ ...input, tls: {} })));
    expect(untrusted).toMatchObject({
      code: 'PUBLISH_UNREACHABLE',
      field: 'paletteUrl',
      message: expect.stringMatching(/^Palette at https:\/\/127\.0\.0\.1:\d+ could not be reached \(TLS_/),
    });
    const skipped = await env.services.publish.send(PublishInputSchema.parse({ ...input, tls: { insecureSkipVerify: true } }));
    expect(skipped.steps.map((s) => s.status)).toEqual([200, 200, 201]);

    const proxy: RunningHttpProxy = await startHttpProxy();
    try {
      const viaProxy = await env.services.publish.send(
        PublishInputSchema.parse({ ...input, tls: { caPem: pki.root.certPem }, proxy: { url: proxy.url, fromEnvironment: false } }),
      );
      // Created just before, directly: now found by name and unchanged.
      expect(viaProxy).toMatchObject({ outcome: 'unchanged', steps: [{ action: 'login' }, { action: 'lookup' }, { action: 'read' }] });
      expect(await proxy.sawConnect(new URL(palette.url).host)).toBe(true);
    } finally {
      await proxy.stop();
    }
  });
});
