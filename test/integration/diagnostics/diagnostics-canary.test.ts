// The canary sweep of the diagnostics export: a store full of planted secrets, real
// validations that handled them (a real registry with the right and a wrong password, ECR through
// the AWS double, a hostile server that echoes the Authorization header into the report), a CA
// upload and a refused key file; then the diagnostics file must hold none of them, in any
// encoding, while still saying what support needs.
import { randomBytes, randomUUID, X509Certificate } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiagnosticsDocument } from '../../../shared/model/diagnostics';
import { createValidationService } from '../../../main/services/validation/validation-service';
import { ValidationRequestSchema, type ValidationReport } from '../../../shared/model/validation';
import type { AwsUser, RunningAwsDouble } from '../../fixtures/aws-double';
import { canarySecret } from '../../fixtures/canary';
import { createPki, type Pki } from '../../fixtures/pki';
import { startRegistry, type RunningRegistry } from '../../fixtures/registry';
import { createTempDir, type TempDir } from '../../fixtures/temp-dir';
import { ecrInput, startEcrWorld, type EcrWorld } from '../validation/ecr-support';
import { startEchoRegistry, type EchoRegistry } from '../../fixtures/echo-registry';
import { openIpcSession, type IpcSession } from './ipc-session';

const b64 = (text: string) => Buffer.from(text).toString('base64');
/** An AWS-shaped secret access key (40 base64 characters) that is still recognisably ours. */
const awsShapedCanary = () => `CANARY${randomBytes(30).toString('base64')}`.slice(0, 40);

let temp: TempDir;
let pki: Pki;
let registry: RunningRegistry;
let echo: EchoRegistry;
let world: EcrWorld;
let double: RunningAwsDouble;
let app: IpcSession;
const canaries: string[] = [];
const basicPairs: string[] = [];
/** Canaries typed into plain settings on purpose (a base path, an endpoint): on disk by design, never in the diagnostics. */
const inSettings: string[] = [];
/** Reports as the window received them. */
const windowReports: ValidationReport[] = [];
let rendered: { content: string; document: DiagnosticsDocument; createdAt: string; reportsThrough: number };

const plant = (label: string, value = canarySecret(label)) => (canaries.push(value), value);
const runId = () => randomUUID();

beforeAll(async () => {
  temp = await createTempDir('diagnostics-canary');
  pki = await createPki(join(temp.path, 'pki'));
  const rightPassword = plant('right-password');
  registry = await startRegistry({
    tls: { certificate: pki.leaf.fullchain, key: pki.leaf.key },
    auth: { kind: 'htpasswd', users: [{ username: 'robot', password: rightPassword }] },
  });
  echo = await startEchoRegistry({ certificate: pki.leaf.fullchain, key: pki.leaf.key });
  world = await startEcrWorld('diagnostics-ecr');
  await world.push('prod', 'cni-calico', ['3.27.1']);
  const awsUser: AwsUser = {
    accessKeyId: 'AKIACANARYKEY0000001',
    secretAccessKey: plant('aws', awsShapedCanary()),
    arn: 'arn:aws:iam::111122223333:user/canary',
  };
  double = await world.startDouble({ users: [world.admin, awsUser] });
  canaries.push(...world.secrets());
  app = openIpcSession(join(temp.path, 'data'));

  // The CA upload: the root, read by main from the file the person chose.
  app.filePicker.nextPick({ canceled: false, path: pki.root.cert });
  const picked = await app.call('pickCertificateFile');
  if (picked.canceled) throw new Error('the CA pick was cancelled');
  const tls = { insecureSkipVerify: false, caPem: picked.pem };

  const basic = async (name: string, endpoint: string, password: string, persistence: 'persist' | 'session', baseContentPath = '') => {
    const { record } = await app.call('saveRegistry', {
      draft: { type: 'basic', name, scope: 'system', endpoint, baseContentPath, username: 'robot', tls },
      secret: { action: 'set', field: 'password', value: password, persistence },
    });
    basicPairs.push(`robot:${password}`);
    return record.id;
  };
  const right = await basic('harbor-right', registry.endpoint, rightPassword, 'persist');
  // The right password pasted into the base path field by mistake: no pattern knows it, the vault does.
  const wrong = await basic('harbor-wrong', registry.endpoint, plant('wrong-password'), 'persist', rightPassword);
  inSettings.push(rightPassword);
  const hostile = await basic('echo-hostile', echo.url, plant('echo-session'), 'session');
  for (const id of [right, wrong, hostile]) windowReports.push((await app.call('validateRegistry', { runId: runId(), id })).report);

  // The wizard: a password typed and never stored, right and wrong.
  const typed = plant('typed-password');
  basicPairs.push(`robot:${typed}`);
  const wizard = { endpoint: registry.endpoint, username: 'robot', tls, proxy: { fromEnvironment: false } };
  windowReports.push(await app.call('runValidation', { runId: runId(), request: { ...wizard, password: typed } }));
  windowReports.push(await app.call('runValidation', { runId: runId(), request: { ...wizard, password: rightPassword } }));

  // ECR: the stored secret filled in by main for an edit, and a wrong one typed.
  const { record: ecr } = await app.call('saveRegistry', {
    draft: {
      type: 'ecr',
      name: 'ecr-canary',
      scope: 'tenant',
      endpoint: world.registry.endpoint,
      baseContentPath: 'prod',
      isPrivate: true,
      awsAuth: { method: 'credentials', accessKeyId: awsUser.accessKeyId },
      tls: { insecureSkipVerify: false, caPem: world.pki.root.certPem },
    },
    secret: { action: 'set', field: 'awsSecretAccessKey', value: awsUser.secretAccessKey },
  });
  const ecrRequest = (secretAccessKey: string) => ({
    proxy: { fromEnvironment: false },
    ...ecrInput(world, double, { method: 'credentials', accessKeyId: awsUser.accessKeyId, secretAccessKey }, { baseContentPath: 'prod' }),
  });
  windowReports.push(await app.call('runValidation', { runId: runId(), request: ecrRequest(''), secretsFrom: ecr.id }));
  windowReports.push(await app.call('runValidation', { runId: runId(), request: ecrRequest(plant('aws-wrong', awsShapedCanary())) }));

  // An endpoint with credentials in it (the draft schema takes any text there) and a CA text with a
  // private key pasted after the certificate: the draft schema refuses that now, but a store
  // written before may hold one, so it is planted in the file. Diagnostics must cope with both.
  const [endpointPassword, endpointToken] = [plant('endpoint-password'), plant('endpoint-token')];
  inSettings.push(endpointPassword, endpointToken);
  const caWithKey = {
    type: 'basic',
    name: 'ca-with-key',
    scope: 'tenant',
    endpoint: `https://robot:${endpointPassword}@harbor.example.test/packs?token=${endpointToken}`,
    tls: { insecureSkipVerify: false, caPem: `${pki.root.certPem}\n${pki.leaf.keyPem}` },
  } as const;
  // Both are refused where they enter now (docs/hostile-input.md), each with its field named.
  expect(await app.raw('saveRegistry', { draft: caWithKey })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', field: 'draft.endpoint' },
  });
  const cleanEndpoint = 'https://harbor.example.test/packs';
  expect(await app.raw('saveRegistry', { draft: { ...caWithKey, endpoint: cleanEndpoint } })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', field: 'draft.tls.caPem' },
  });
  await app.call('saveRegistry', {
    draft: { ...caWithKey, endpoint: cleanEndpoint, tls: { insecureSkipVerify: false, caPem: pki.root.certPem } },
  });
  const storeFile = join(temp.path, 'data', 'registries.json');
  const stored = JSON.parse(readFileSync(storeFile, 'utf8')) as {
    registries: Array<{ name: string; endpoint: string; tls: { caPem?: string } }>;
  };
  const planted = stored.registries.find((r) => r.name === 'ca-with-key')!;
  planted.tls.caPem = caWithKey.tls.caPem;
  planted.endpoint = caWithKey.endpoint;
  writeFileSync(storeFile, JSON.stringify(stored));

  const rendering = await app.call('renderDiagnostics');
  rendered = { ...rendering, document: JSON.parse(rendering.content) as DiagnosticsDocument };
}, 120_000);

afterAll(async () => {
  app?.close();
  await Promise.all([registry?.stop(), echo?.close(), world?.close()]);
  await temp?.cleanup();
});

/** Every form a planted secret could take in the file. */
function leakedForms(which: (canary: string) => boolean = () => true): string[] {
  const forms = canaries.filter(which).flatMap((c) => [c, encodeURIComponent(c), b64(c).replace(/=+$/, '')]);
  for (const pair of basicPairs.filter((p) => which(p.slice('robot:'.length))))
    forms.push(b64(pair).replace(/=+$/, ''), encodeURIComponent(b64(pair)).replace(/(%3D)+$/, ''));
  return forms;
}

describe('the diagnostics file after real validations with planted secrets', () => {
  it('ran the validations it claims: right and wrong passwords, ECR, and a server that echoed the credentials', () => {
    expect(windowReports.map((r) => r.steps.find((s) => s.status === 'fail')?.problem?.code)).toEqual([
      undefined,
      'AUTH_REJECTED',
      undefined,
      'AUTH_REJECTED',
      undefined,
      undefined,
      'AWS_SIGNATURE_MISMATCH',
    ]);
    const header = `Basic ${b64(basicPairs[2]!)}`;
    expect(echo.received()).toContain(header);
    expect(windowReports[2]!.steps.find((s) => s.id === 'auth')!.observed).toContainEqual(
      expect.stringContaining('/v2/echo/Basic%20cm9i[redacted: stored secret]'),
    );
  });

  it('faces a real echo: not even the engine reports the credentials; the window, the store and the events never see them', async () => {
    const password = basicPairs[2]!.slice('robot:'.length);
    const header = `Basic ${b64(basicPairs[2]!)}`;
    const request = ValidationRequestSchema.parse({
      endpoint: echo.url,
      username: 'robot',
      password,
      tls: { caPem: pki.root.certPem },
      proxy: { fromEnvironment: false },
    });
    const fromEngine = await createValidationService({}).run(runId(), request, () => undefined);
    expect(JSON.stringify(fromEngine)).toMatch(/\/v2\/echo\/Basic%20cm9i\[redacted: stored secret\]/);
    for (const form of [password, encodeURIComponent(header), b64(basicPairs[2]!)]) expect(JSON.stringify(fromEngine)).not.toContain(form);
    const seen = [JSON.stringify(windowReports), ...app.emitted].join('\n');
    for (const form of leakedForms()) expect(seen).not.toContain(form);
    expect(app.emitted.some((e) => e.startsWith('validation:progress'))).toBe(true);
    // On disk, only what was typed into plain settings on purpose (a base path, an endpoint) may be found.
    const onDisk = readdirSync(join(temp.path, 'data')).map((file) => readFileSync(join(temp.path, 'data', file), 'utf8'));
    expect(onDisk.length).toBeGreaterThanOrEqual(2);
    const inPlainSettings = new Set(inSettings);
    for (const form of leakedForms((c) => !inPlainSettings.has(c))) expect(onDisk.join('\n')).not.toContain(form);
    expect(onDisk.join('\n')).not.toContain(encodeURIComponent(header));
  });

  it('refuses a certificate file holding a private key', async () => {
    const file = join(temp.path, 'leaf-with-key.pem');
    writeFileSync(file, `${pki.leaf.certPem}\n${pki.leaf.keyPem}`);
    app.filePicker.nextPick({ canceled: false, path: file });
    const refused = await app.raw('pickCertificateFile', undefined);
    expect(refused).toMatchObject({ ok: false, error: { code: 'CERT_FILE_PRIVATE_KEY' } });
    expect(JSON.stringify(refused)).not.toContain('PRIVATE KEY-----');
  });

  it('holds no planted secret in any encoding, no Authorization value and no private key', () => {
    const { content } = rendered;
    for (const form of leakedForms()) expect(content).not.toContain(form);
    expect(content).not.toMatch(/canary-/i);
    expect(content).not.toMatch(/CANARY[A-Za-z0-9+/]{10}/);
    expect(content).not.toMatch(/Authorization:\s*Basic/i);
    expect(content).not.toMatch(/Basic(\s|%20)+(?!\[redacted)[A-Za-z0-9+/]{12}/);
    expect(content).not.toMatch(/-----BEGIN [A-Z ]*PRIVATE KEY/);
    expect(content).not.toContain(pki.leaf.keyPem.split('\n')[1]!);
    expect(content).not.toContain('AKIACANARYKEY0000001');
    for (const line of app.logged) for (const form of leakedForms()) expect(line).not.toContain(form);
  });

  it('says how much it redacted, and marks each place', () => {
    const { document, content } = rendered;
    // The echoed header (removed by the engine, counted from its marker), the password pasted as a
    // base path (found only because the stored secrets are known), and the endpoint's user:pass@ and token.
    expect(document.redactions).toEqual({ total: 4, byKind: { 'stored secret': 2, 'url credentials': 1, 'query parameter': 1 } });
    // Each is marked where it was; the notice names the marker once more.
    expect(content.split('[redacted: ').length - 1).toBe(document.redactions.total + 1);
    const hostile = document.validationReports.reports.find((r) => r.registry?.name === 'echo-hostile')!;
    expect(hostile.steps.find((s) => s.id === 'auth')!.observed).toContainEqual(
      expect.stringContaining('/v2/echo/Basic%20cm9i[redacted: stored secret]'),
    );
    const pasted = document.registries.find((r) => r.name === 'harbor-wrong')!;
    expect(pasted.baseContentPath).toBe('[redacted: stored secret]');
  });

  it('keeps what support needs: versions, registries, CAs by fingerprint, step codes and timings', () => {
    const { document } = rendered;
    expect(document).toMatchObject({
      format: 'pack-registry-desk/diagnostics',
      version: 1,
      app: { name: 'Pack Registry Desk', version: '0.0.0-test', host: 'harness' },
      runtime: { node: process.versions.node, v8: process.versions.v8 },
      os: { platform: process.platform, arch: process.arch },
      keychain: { available: true, policy: 'keychain' },
      settings: { allowInsecureSecretStorage: false },
    });
    expect(document.runtime.electron).toBeUndefined();
    expect(document.registries.map((r) => r.name).sort()).toEqual([
      'ca-with-key',
      'echo-hostile',
      'ecr-canary',
      'harbor-right',
      'harbor-wrong',
    ]);
    expect(document.registryCounts).toMatchObject({
      total: 5,
      system: { basic: 3 },
      tenant: { basic: 0, anonymous: 1, 'ecr-credentials': 1 },
    });
    const byName = new Map(document.registries.map((r) => [r.name, r]));
    const rootFingerprint = new X509Certificate(pki.root.certPem).fingerprint256;
    expect(byName.get('harbor-right')).toMatchObject({
      endpoint: registry.endpoint,
      endpointValid: true,
      tls: { caCertificates: [{ fingerprintSha256: rootFingerprint, isCa: true }], otherPemBlocksLeftOut: 0 },
      secrets: [{ field: 'password', stored: true, where: 'disk', usable: true }],
      lastValidation: { state: 'validated', ok: true },
    });
    expect(byName.get('harbor-wrong')!.lastValidation).toMatchObject({ state: 'failed', ok: false });
    expect(byName.get('harbor-wrong')!.lastValidation.steps).toContainEqual({ id: 'auth', status: 'fail', code: 'AUTH_REJECTED' });
    expect(byName.get('echo-hostile')!.secrets).toEqual([{ field: 'password', stored: true, where: 'session', usable: true }]);
    expect(byName.get('ecr-canary')!.aws).toEqual({ protected: true, method: 'credentials', accessKeyId: 'AKIA…0001' });
    expect(byName.get('ca-with-key')).toMatchObject({
      endpointValid: false,
      // The store keeps only the certificates of a CA text when it reads it: the key never gets this far.
      tls: { caCertificates: [{ fingerprintSha256: rootFingerprint }], otherPemBlocksLeftOut: 0 },
    });
    const reports = document.validationReports;
    expect(reports.finishedThisSession).toBe(7);
    expect(reports.reports.map((r) => [r.seq, r.source, r.registry?.name, r.ok])).toEqual([
      [1, 'stored', 'harbor-right', true],
      [2, 'stored', 'harbor-wrong', false],
      [3, 'stored', 'echo-hostile', true],
      [4, 'form', undefined, false],
      [5, 'form', undefined, true],
      [6, 'form', undefined, true],
      [7, 'form', undefined, false],
    ]);
    const wrong = reports.reports[1]!;
    expect(wrong.steps.map((s) => s.id)).toEqual(['endpoint', 'dns', 'tcp', 'tls', 'registry-api', 'auth', 'base-path', 'packs']);
    expect(wrong.steps.find((s) => s.id === 'auth')).toMatchObject({ status: 'fail', problem: { code: 'AUTH_REJECTED' } });
    expect(wrong.steps.every((s) => typeof s.durationMs === 'number')).toBe(true);
    expect(wrong.presentedChain[0]!.subject).toContain('localhost');
    expect(reports.reports[5]!.packs).toEqual([{ name: 'cni-calico', versions: ['3.27.1'] }]);
  });

  it('saves exactly the previewed file, owner-only, through the save dialog', async () => {
    const target = join(temp.path, 'diagnostics.json');
    app.fileSaver.nextSave({ canceled: false, path: target });
    const saved = await app.call('saveDiagnostics', { createdAt: rendered.createdAt, reportsThrough: rendered.reportsThrough });
    expect(saved).toMatchObject({ canceled: false, path: target, bytes: Buffer.byteLength(rendered.content) });
    expect(app.fileSaver.lastRequest()?.defaultName).toBe(
      `regdesk-diagnostics-${rendered.createdAt.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}.json`,
    );
    expect(readFileSync(target, 'utf8')).toBe(rendered.content);
    expect(statSync(target).mode & 0o777).toBe(0o600);
    // Cancelled: nothing written.
    expect(await app.call('saveDiagnostics')).toEqual({ canceled: true });
  });

  it('answers malformed options with INVALID_INPUT', async () => {
    for (const input of [42, 'x', { createdAt: 'yesterday' }, { reportsThrough: -1 }, { extra: true }, null]) {
      for (const method of ['renderDiagnostics', 'saveDiagnostics'] as const) {
        expect(await app.raw(method, input), `${method} ${JSON.stringify(input)}`).toMatchObject({
          ok: false,
          error: { code: 'INVALID_INPUT' },
        });
      }
    }
  });
});
