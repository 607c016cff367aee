// Validating a stored registry: main reads the configuration and the secret itself, and records
// the verdict against the configuration it validated.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canarySecret } from '../../fixtures/canary';
import { createPki, type Pki } from '../../fixtures/pki';
import { startRegistry, type RunningRegistry } from '../../fixtures/registry';
import { openTestServices, type TestServices } from '../../fixtures/storage-services';
import { createTempDir, type TempDir } from '../../fixtures/temp-dir';

const PASSWORD = canarySecret('stored');
let dir: TempDir;
let pki: Pki;
let registry: RunningRegistry;
let app: TestServices;

beforeAll(async () => {
  dir = await createTempDir('validate-stored');
  pki = await createPki(dir.path);
  registry = await startRegistry({
    tls: { certificate: pki.leaf.fullchain, key: pki.leaf.key },
    auth: { kind: 'htpasswd', users: [{ username: 'alice', password: PASSWORD }] },
  });
  app = openTestServices(`${dir.path}/data`);
});
afterAll(async () => {
  app?.close();
  await registry?.stop();
  await dir?.cleanup();
});

async function stored(name: string) {
  const { record } = await app.services.registries.create({
    name,
    scope: 'system',
    type: 'basic',
    endpoint: registry.endpoint,
    baseContentPath: '',
    username: 'alice',
    tls: { insecureSkipVerify: false, caPem: pki.root.certPem },
  });
  return record.id;
}

describe('validating a stored registry', () => {
  it('uses the stored password and records a validated state', async () => {
    const id = await stored('with-password');
    await app.services.secrets.set({ registryId: id, field: 'password' }, PASSWORD, 'persist');
    const steps: string[] = [];
    const { report, registry: detail } = await app.services.validateStored(randomUUID(), id, (s) => steps.push(s.id));
    expect(report.ok).toBe(true);
    expect(detail.validation.state).toBe('validated');
    expect(steps).toContain('auth');
    expect(JSON.stringify(app.services.registries.get(id))).not.toContain(PASSWORD);
  });

  it('records a missing password as such, not as a wrong one, and storing it afterwards makes the record stale', async () => {
    const id = await stored('no-password');
    const { report, registry: detail } = await app.services.validateStored(randomUUID(), id, () => undefined);
    // An imported registry, or one whose session password is gone, has no password to send.
    expect(report.steps.find((s) => s.status === 'fail')).toMatchObject({
      id: 'auth',
      problem: {
        code: 'SECRET_MISSING',
        message: 'No password is stored for this registry, so its credentials could not be checked.',
        remedy: 'Edit the registry and enter the password.',
      },
    });
    expect(app.services.registries.listSummaries().find((r) => r.id === id)?.missingSecret).toBe('password');
    expect(detail.validation.state).toBe('failed');
    await app.services.secrets.set({ registryId: id, field: 'password' }, PASSWORD, 'persist');
    expect(app.services.registries.get(id).validation.state).toBe('stale');
    expect(app.services.registries.listSummaries().find((r) => r.id === id)?.missingSecret).toBeUndefined();
    expect((await app.services.validateStored(randomUUID(), id, () => undefined)).registry.validation.state).toBe('validated');
  });

  it('still says AUTH_REJECTED when a stored password is wrong', async () => {
    const id = await stored('wrong-password');
    await app.services.secrets.set({ registryId: id, field: 'password' }, `${PASSWORD}-wrong`, 'session');
    const { report } = await app.services.validateStored(randomUUID(), id, () => undefined);
    expect(report.steps.find((s) => s.status === 'fail')?.problem?.code).toBe('AUTH_REJECTED');
  });
});
