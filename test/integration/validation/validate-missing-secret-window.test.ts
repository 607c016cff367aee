// The window's Validate on a stored registry whose password is not stored (an imported one, or a
// session that ended): the wizard sends the username alone and asks main to fill in the stored
// password (secretsFrom). There is none, the real registry refuses, and the verdict must say so
// (SECRET_MISSING), not blame a password the admin never typed (AUTH_REJECTED).
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRegistry, type RunningRegistry } from '../../fixtures/registry';
import { createTempDir, type TempDir } from '../../fixtures/temp-dir';
import { openIpcSession, type IpcSession } from '../diagnostics/ipc-session';
import { failure } from './validate-support';

let temp: TempDir;
let app: IpcSession;
let registry: RunningRegistry;
let registryId: string;

beforeAll(async () => {
  temp = await createTempDir('missing-secret-window');
  registry = await startRegistry({ auth: { kind: 'htpasswd', users: [{ username: 'robot', password: 'stored-nowhere' }] } });
  app = openIpcSession(join(temp.path, 'data'));
  const created = await app.call('saveRegistry', {
    draft: {
      type: 'basic',
      name: 'harbor-imported',
      scope: 'tenant',
      endpoint: registry.endpoint,
      baseContentPath: 'packs',
      username: 'robot',
    },
  });
  registryId = created.record.id;
});
afterAll(async () => {
  await registry?.stop();
  await temp?.cleanup();
});

describe('Validate in the window, no password stored', () => {
  const request = () => ({
    endpoint: registry.endpoint,
    baseContentPath: 'packs',
    username: 'robot',
    password: '',
    proxy: { fromEnvironment: false },
  });

  it('says that no password is stored, with the remedy to enter it', async () => {
    const report = await app.call('runValidation', {
      runId: randomUUID(),
      request: request(),
      secretsFrom: registryId,
    });
    expect(failure(report)).toMatchObject({ id: 'auth', code: 'SECRET_MISSING' });
    expect(report.steps.find((s) => s.id === 'auth')?.problem?.remedy).toMatch(/enter the password/);
  });

  it('a draft validated without secretsFrom still reads as the registry refusing the username alone', async () => {
    const report = await app.call('runValidation', { runId: randomUUID(), request: request() });
    expect(failure(report)).toMatchObject({ id: 'auth', code: 'AUTH_REJECTED' });
  });
});
