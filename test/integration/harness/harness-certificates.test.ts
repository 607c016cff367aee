// certs:pick and certs:fetch-presented through the browser harness's HTTP API, with the file-pick
// seam standing in for the native dialog: the wizard's certificate flow without its UI.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../harness/server';
import { opensslFingerprint, writeCertificateFiles, type CertificateFiles } from '../../fixtures/certificate-files';
import { createPki, type Pki } from '../../fixtures/pki';
import { startRegistry, type RunningRegistry } from '../../fixtures/registry';
import { createTempDir, type TempDir } from '../../fixtures/temp-dir';

let dir: TempDir;
let pki: Pki;
let files: CertificateFiles;
let registry: RunningRegistry;
let harness: Harness;
let origin: string;

beforeAll(async () => {
  dir = await createTempDir('harness-certificates');
  pki = await createPki(join(dir.path, 'pki'));
  [files, registry, harness] = await Promise.all([
    writeCertificateFiles(pki, dir.path),
    startRegistry({ tls: { certificate: pki.leaf.fullchain, key: pki.leaf.key } }),
    startHarness({ dataDir: join(dir.path, 'data') }),
  ]);
  origin = new URL(harness.url).origin;
});
afterAll(async () => {
  await harness?.close();
  await registry?.stop();
  await dir?.cleanup();
});

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined };
}
const nextPick = (choice: unknown) => post('/__harness/next-pick', choice);
const ipc = (channel: string, input?: unknown, from = origin) => post(`/ipc/${channel}`, { input }, { origin: from }).then((r) => r.body);

describe('the harness file-pick seam behind certs:pick', () => {
  it('answers a pick with what the chosen file holds, never its path, and asks the dialog for certificate files', async () => {
    expect(await nextPick({ path: files.bundleP7bDer })).toEqual({ status: 200, body: { queued: true } });
    const picked = await ipc('certs:pick');
    expect(picked).toMatchObject({ ok: true, data: { canceled: false, fileName: 'bundle.p7b', format: 'pkcs7-der', warnings: [] } });
    const data = picked?.['data'] as { certificates: Array<{ fingerprintSha256: string }>; pem: string };
    expect(data.certificates.map((c) => c.fingerprintSha256)).toEqual([
      await opensslFingerprint(pki.intermediate.cert),
      await opensslFingerprint(pki.root.cert),
    ]);
    expect(data.pem).toBe(pki.intermediate.certPem + pki.root.certPem);
    expect(JSON.stringify(picked)).not.toContain(dir.path);
    expect(harness.filePicker.lastRequest()?.filters).toEqual([
      { name: 'Certificates', extensions: ['pem', 'crt', 'cer', 'der', 'p7b'] },
      { name: 'All files', extensions: ['*'] },
    ]);
  });

  it('counts a dialog with nothing queued, or closed, as cancelled', async () => {
    expect(await ipc('certs:pick')).toEqual({ ok: true, data: { canceled: true } });
    await nextPick({ canceled: true });
    expect(await ipc('certs:pick')).toEqual({ ok: true, data: { canceled: true } });
  });

  it('refuses key-holding, empty and oversize files with their own codes', async () => {
    for (const [path, code] of [
      [files.certWithKey, 'CERT_FILE_PRIVATE_KEY'],
      [files.empty, 'CERT_FILE_EMPTY'],
      [files.fiveMiB, 'CERT_FILE_TOO_LARGE'],
      [files.garbage, 'CERT_FILE_UNRECOGNIZED'],
    ] as const) {
      await nextPick({ path });
      expect(await ipc('certs:pick'), code).toMatchObject({ ok: false, error: { code } });
    }
  });

  it('lets no page drive the seam or the dialog', async () => {
    expect((await post('/__harness/next-pick', { path: '/etc/passwd' }, { origin })).status).toBe(403);
    expect((await nextPick({ file: 'x' })).status).toBe(400);
    await nextPick({ path: pki.root.cert });
    expect(await ipc('certs:pick', undefined, 'http://evil.example')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    // The refused call did not consume the queued choice.
    expect(await ipc('certs:pick')).toMatchObject({ ok: true, data: { fileName: 'ca.pem' } });
  });
});

describe('the certificate flow the wizard will run', () => {
  it('picks a DER CA, checks it against the presented chain, then validates green', async () => {
    await nextPick({ path: files.rootDer });
    const picked = (await ipc('certs:pick'))?.['data'] as { pem: string };
    const before = await ipc('certs:fetch-presented', { endpoint: registry.endpoint, proxy: { fromEnvironment: false } });
    expect(before).toMatchObject({ ok: true, data: { verified: false, problem: { code: 'TLS_UNKNOWN_CA' }, caMatch: null } });
    const checked = await ipc('certs:fetch-presented', {
      endpoint: registry.endpoint,
      caPem: picked.pem,
      proxy: { fromEnvironment: false },
    });
    expect(checked).toMatchObject({
      ok: true,
      data: { verified: true, caMatch: { issuedByCa: true, message: expect.stringContaining('Test Root CA') } },
    });
    const report = await ipc('validation:run', {
      runId: randomUUID(),
      request: { endpoint: registry.endpoint, tls: { caPem: picked.pem }, proxy: { fromEnvironment: false } },
    });
    expect(report).toMatchObject({ ok: true, data: { ok: true } });
  });

  it('validates the fetch input with the contract schema', async () => {
    expect(await ipc('certs:fetch-presented', { endpoint: '' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'endpoint' },
    });
  });
});
