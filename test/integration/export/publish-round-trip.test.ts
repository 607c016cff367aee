// The round trip with Palette, against the spec-held double: update when a field differs (the
// difference shown first), sync status followed as the provider reads it, "Sync now", the
// Palette view beside the local registries, a pasted Authorization token, and plain http only
// with the admin's opt-in, with Palette's answers redacted before they leave the service.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPublishService } from '../../../main/services/export/publish-service';
import { PaletteConnectionSchema, PublishInputSchema, SyncInputSchema, SyncStatusInputSchema } from '../../../shared/model/publish';
import type { SyncState } from '../../../shared/model/publish';
import { RegistryDraftSchema } from '../../../shared/model/registry-draft';
import { canarySecret } from '../../fixtures/canary';
import { storeVariants } from '../../fixtures/export-variants';
import { startPaletteDouble, type PaletteDouble } from '../../fixtures/palette-double';
import { createPki, type Pki } from '../../fixtures/pki';
import { failureOf, openTestServices, type TestServices } from '../../fixtures/storage-services';
import { createTempDir, type TempDir } from '../../fixtures/temp-dir';

const API_KEY = canarySecret('palette-api-key');
const PASTED = canarySecret('pasted-token');
let temp: TempDir;
let pki: Pki;
let palette: PaletteDouble;
let env: TestServices;
let ids: Map<string, string>;
const secrets = new Map<string, string>();
let failSync = false;

beforeAll(async () => {
  temp = await createTempDir('publish-round-trip');
  pki = await createPki(`${temp.path}/pki`);
  palette = await startPaletteDouble({
    tls: { certificate: pki.leaf.fullchain, key: pki.leaf.key },
    apiKeys: [API_KEY],
    tokens: { [PASTED]: 'system' },
    syncOutcome: () =>
      failSync ? { status: 'Failed', message: 'unable to list spectro-packs/archive: 403 Forbidden' } : { status: 'Completed' },
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
  failSync = false;
});

const tenant = () => ({ paletteUrl: palette.url, tls: { caPem: pki.root.certPem }, auth: { kind: 'apiKey', apiKey: API_KEY } }) as const;
const publish = (variant: string, extra: object = {}) =>
  env.services.publish.send(PublishInputSchema.parse({ ...tenant(), id: ids.get(variant), ...extra }));
/** Changes a stored registry as the edit form would. */
async function edit(id: string, change: Record<string, unknown>) {
  const { record } = env.services.registries.get(id);
  return env.services.registries.update(id, RegistryDraftSchema.parse({ ...record, ...change }));
}
const publisher = () =>
  createPublishService({ registries: env.services.registries, secrets: env.services.secrets, env: {}, syncPollMs: 0 });

describe('idempotent publish', () => {
  it('updates with PUT when a field differs, showing the difference first, then says unchanged', async () => {
    expect((await publish('basic-username')).outcome).toBe('created');
    const id = ids.get('basic-username')!;
    await edit(id, { baseContentPath: 'moved-packs' });
    palette.requests.length = 0;

    const preview = await env.services.publish.compare(PublishInputSchema.parse({ ...tenant(), id }));
    expect(preview).toMatchObject({
      state: 'differs',
      differences: [{ field: 'baseContentPath', palette: 'palette-packs', local: 'moved-packs' }],
    });
    expect(palette.requests.every((r) => r.method === 'GET')).toBe(true);

    const updated = await publish('basic-username');
    expect(updated).toMatchObject({ ok: true, outcome: 'updated', differences: [{ field: 'baseContentPath' }] });
    const put = palette.requests.find((r) => r.method === 'PUT')!;
    expect(put.path).toBe(`/v1/registries/oci/${updated.uid}/basic`);
    expect(put.body).toMatchObject({
      metadata: { name: 'harbor-robot' },
      spec: { baseContentPath: 'moved-packs', auth: { password: secrets.get('basic-username') } },
    });
    expect(JSON.stringify(updated)).not.toContain(secrets.get('basic-username'));
    expect((await publish('basic-username')).outcome).toBe('unchanged');
    expect(palette.violations).toEqual([]);
  });

  it('refuses, before writing, a name Palette holds as the other registry type', async () => {
    palette.registries.splice(0, palette.registries.length);
    expect((await publish('ecr-credentials')).outcome).toBe('created');
    // Palette holds an ECR registry under the name of a basic one stored here.
    const ecr = palette.registries.at(-1)!;
    palette.registries.push({ ...ecr, uid: 'clash-uid', body: { ...ecr.body, metadata: { name: 'harbor-public-2' } } });
    const { record } = await env.services.registries.create(
      RegistryDraftSchema.parse({
        ...env.services.registries.get(ids.get('basic-username')!).record,
        name: 'harbor-public-2',
        username: '',
      }),
    );
    palette.requests.length = 0;
    const clash = await env.services.publish.send(PublishInputSchema.parse({ ...tenant(), id: record.id }));
    expect(clash).toMatchObject({
      ok: false,
      outcome: 'refused',
      message: expect.stringMatching(/already has a registry named "harbor-public-2" of type ecr/),
    });
    expect(palette.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });
});

describe('sync status, as the provider reads it', () => {
  it('follows a sync while it runs until it completes, reporting each read', async () => {
    const created = await publish('basic-noauth', { auth: { kind: 'token', token: `Bearer ${PASTED}` } });
    expect(created.outcome).toBe('created');
    const seen: SyncState[] = [];
    const input = SyncStatusInputSchema.parse({ ...tenant(), auth: { kind: 'token', token: PASTED }, uid: created.uid, kind: 'basic' });
    const followed = await publisher().followSync(input, { timeoutMs: 10_000, onProgress: (s) => seen.push(s) });
    expect(seen.map((s) => [s.state, s.status])).toEqual([
      ['running', 'InProgress'],
      ['running', 'InProgress'],
      ['done', 'Completed'],
    ]);
    expect(followed).toMatchObject({ ok: true, timedOut: false, sync: { state: 'done' } });
  });

  it("a failed sync carries Palette's message; Sync now asks again with force", async () => {
    failSync = true;
    const created = await publish('ecr-sts', { auth: { kind: 'token', token: PASTED } });
    const input = { ...tenant(), auth: { kind: 'token', token: PASTED }, uid: created.uid, kind: 'ecr' };
    const followed = await publisher().followSync(SyncStatusInputSchema.parse(input), { timeoutMs: 10_000 });
    expect(followed).toMatchObject({
      ok: false,
      sync: { state: 'failed', status: 'Failed', message: 'unable to list spectro-packs/archive: 403 Forbidden' },
    });

    failSync = false;
    const again = await env.services.publish.syncNow(SyncInputSchema.parse(input));
    expect(again).toMatchObject({ ok: true, sync: { state: 'running' } });
    expect(palette.requests.find((r) => r.method === 'POST' && r.path.includes('/sync'))?.path).toBe(
      `/v1/registries/oci/${created.uid}/ecr/sync?forceSync=true`,
    );
  });

  it('gives up at the deadline, saying where the sync stood', async () => {
    const created = await publish('ecr-public');
    const slow = createPublishService({ registries: env.services.registries, secrets: env.services.secrets, env: {}, syncPollMs: 5 });
    const followed = await slow.followSync(SyncStatusInputSchema.parse({ ...tenant(), uid: created.uid, kind: 'ecr' }), { timeoutMs: 1 });
    expect(followed).toMatchObject({ ok: false, timedOut: true, sync: { state: 'running' } });
  });
});

describe('the Palette view', () => {
  it('shows, for the signed-in scope, what is only here, only in Palette, the same, or which fields differ', async () => {
    palette.registries.splice(0, palette.registries.length);
    await publish('ecr-credentials');
    await publish('ecr-public');
    await edit(ids.get('ecr-public')!, { endpoint: '123456789012.dkr.ecr.us-west-2.amazonaws.com' });
    palette.registries.push({
      ...structuredClone(palette.registries[0]!),
      uid: 'only-palette-uid',
      body: { ...palette.registries[0]!.body, metadata: { name: 'made-in-console' } },
    });

    const view = await env.services.publish.view(PaletteConnectionSchema.parse(tenant()));
    expect(view.scope).toBe('tenant');
    const rows = Object.fromEntries(view.rows.map((r) => [r.name, r]));
    expect(rows['ecr-keys']).toMatchObject({ state: 'same', kind: 'ecr' });
    expect(rows['ecr-public-packs']).toMatchObject({
      state: 'differs',
      differences: [
        {
          field: 'endpoint',
          palette: '123456789012.dkr.ecr.us-east-1.amazonaws.com',
          local: '123456789012.dkr.ecr.us-west-2.amazonaws.com',
        },
      ],
    });
    expect(rows['made-in-console']).toMatchObject({ state: 'only-in-palette', uid: 'only-palette-uid' });
    expect(rows['harbor-robot']).toMatchObject({ state: 'only-here' });
    // System registries are not in a tenant's view.
    expect(rows['ecr-sts']).toBeUndefined();
    expect(JSON.stringify(view)).not.toContain(API_KEY);
  });
});

describe('plain http and what Palette says back', () => {
  it('refuses http unless the admin opts in; then redacts every secret Palette echoes', async () => {
    const received: string[] = [];
    const echo = http.createServer((request, response) => {
      let body = '';
      request.on('data', (c: Buffer) => (body += c.toString()));
      request.on('end', () => {
        received.push(`${request.method} ${request.url} ${JSON.stringify(request.headers)} ${body}`);
        response.writeHead(400, { 'content-type': 'application/json' });
        // A server that echoes what it got: headers and body, the secrets with them.
        response.end(
          JSON.stringify({ code: 'Echo', message: `got ${JSON.stringify(request.headers)} ${body}`, details: { password: 'x' } }),
        );
      });
    });
    await new Promise<void>((done) => echo.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
    try {
      const input = { id: ids.get('basic-username'), paletteUrl: url, auth: { kind: 'apiKey', apiKey: API_KEY } };
      expect(await failureOf(() => env.services.publish.send(PublishInputSchema.parse(input)))).toMatchObject({
        code: 'PUBLISH_HTTP_NOT_ALLOWED',
        field: 'allowHttp',
      });
      expect(received).toEqual([]);
      const result = await env.services.publish.send(PublishInputSchema.parse({ ...input, allowHttp: true }));
      expect(received).toHaveLength(1);
      expect(result).toMatchObject({
        ok: false,
        outcome: 'refused',
        steps: [{ status: 400, error: { code: 'Echo', details: { password: '<redacted>' } } }],
      });
      const shown = JSON.stringify(result);
      expect(shown).not.toContain(API_KEY);
      expect(shown).toContain('<redacted>');
    } finally {
      echo.closeAllConnections();
      await new Promise((done) => echo.close(done));
    }
  });
});
