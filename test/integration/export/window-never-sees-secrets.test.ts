// Secrets are write-only from the window. Every call goes through main's IPC
// handlers exactly as the window makes it; every answer, event and log line is searched for the
// canary secrets. The export file main writes after its own save dialog holds them; the window's
// preview never does. A stored password is used for a draft only at the origin it was entered for:
// a hostile loopback server named by the page records that it never received it.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppErrorException } from '../../../shared/errors';
import type { ExportFormat } from '../../../shared/model/export';
import type { RegistryDetail } from '../../../shared/model/registry';
import { canarySecret } from '../../fixtures/canary';
import { startRedirectingRegistry, type RedirectingRegistry } from '../../fixtures/hostile-servers';
import { createTempDir, type TempDir } from '../../fixtures/temp-dir';
import { openIpcSession, type IpcSession } from '../diagnostics/ipc-session';

let temp: TempDir;
let app: IpcSession;
/** Where the password was entered for, and a page-named elsewhere: both record every request. */
let home: RedirectingRegistry;
let elsewhere: RedirectingRegistry;
const password = canarySecret('window-password');
const awsSecret = canarySecret('window-aws');
const sessionPassword = canarySecret('window-session');
let basicId: string;
let ecrId: string;
let sessionId: string;
/** Everything the window received: answers and failures alike, as JSON. */
const answers: string[] = [];

async function windowCall(method: Parameters<IpcSession['raw']>[0], input: unknown) {
  const result = await app.raw(method, input);
  answers.push(JSON.stringify(result));
  return result;
}

/** A registry and its secret, saved the one way the window can: its answer is searched like every other. */
async function saveWithSecret(draft: object, secret: object): Promise<string> {
  const result = await windowCall('saveRegistry', { draft, secret: { action: 'set', ...secret } });
  if (!result.ok) throw new AppErrorException(result.error);
  return (result.data as RegistryDetail).record.id;
}

const authorizations = (server: RedirectingRegistry) => server.requests().flatMap((r) => r.headers.authorization ?? []);
const basicOf = (secret: string) => Buffer.from(`robot:${secret}`).toString('base64');

beforeAll(async () => {
  temp = await createTempDir('window-secrets');
  [home, elsewhere] = await Promise.all([startRedirectingRegistry(), startRedirectingRegistry()]);
  app = openIpcSession(join(temp.path, 'data'));
  const basic = (name: string) => ({
    type: 'basic',
    name,
    scope: 'tenant',
    endpoint: home.url,
    baseContentPath: 'packs',
    username: 'robot',
  });
  basicId = await saveWithSecret(basic('harbor'), { field: 'password', value: password });
  sessionId = await saveWithSecret(basic('harbor-session'), { field: 'password', value: sessionPassword, persistence: 'session' });
  ecrId = await saveWithSecret(
    {
      type: 'ecr',
      name: 'ecr',
      scope: 'system',
      endpoint: '111122223333.dkr.ecr.us-east-1.amazonaws.com',
      baseContentPath: 'prod',
      isPrivate: true,
      awsAuth: { method: 'credentials', accessKeyId: 'AKIAEXAMPLEEXAMPLE01' },
    },
    { field: 'awsSecretAccessKey', value: awsSecret },
  );
});
afterAll(async () => {
  app.close();
  await Promise.all([home.close(), elsewhere.close()]);
  await temp.cleanup();
});

describe('export:render from the window', () => {
  it.each<ExportFormat>(['palette', 'terraform'])('shows a placeholder where each secret goes, never the secret: %s', async (format) => {
    const result = await windowCall('renderExport', { ids: [basicId, ecrId, sessionId], format, includeSecrets: true });
    expect(result).toMatchObject({ ok: true, data: { secretsIncluded: true, notes: [] } });
    const content = (result as { data: { files: { content: string }[] } }).data.files[0]!.content;
    expect(content).toContain('<password: written when saved>');
    expect(content).toContain('<secret-key: written when saved>');
    expect(content).toMatch(/CONTAINS SECRETS/);
  });

  it('and export:save writes the real values into the file main chose, answering the window without them', async () => {
    const target = join(temp.path, 'with-secrets.tf');
    app.fileSaver.nextSave({ canceled: false, path: target });
    const saved = await windowCall('saveExport', { ids: [basicId, ecrId, sessionId], format: 'terraform', includeSecrets: true });
    expect(saved).toMatchObject({ ok: true, data: { canceled: false, path: target, secretsIncluded: true } });
    const file = readFileSync(target, 'utf8');
    for (const secret of [password, awsSecret, sessionPassword]) expect(file).toContain(secret);
    expect(file).not.toContain('written when saved');
  });
});

describe('runValidation with secretsFrom', () => {
  const request = (endpoint: string) => ({ endpoint, username: 'robot', password: '', proxy: { fromEnvironment: false } });

  it('uses the stored password at the origin it was entered for', async () => {
    const result = await windowCall('runValidation', { runId: randomUUID(), request: request(home.url), secretsFrom: basicId });
    expect(result.ok).toBe(true);
    expect(authorizations(home)).toContain(`Basic ${basicOf(password)}`);
  });

  it.each([
    ['another port', () => elsewhere.url],
    ['another scheme', () => home.url.replace('http://', 'https://')],
    ['another host name for the same address', () => home.url.replace('127.0.0.1', 'localhost')],
  ])('refuses it for %s, before connecting, with a code that says why', async (_label, endpoint) => {
    const before = elsewhere.requests().length;
    for (const registryId of [basicId, sessionId]) {
      const result = await windowCall('runValidation', { runId: randomUUID(), request: request(endpoint()), secretsFrom: registryId });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'SECRET_ENDPOINT_CHANGED', message: expect.stringContaining(`entered for ${home.url}`), remedy: expect.any(String) },
      });
    }
    expect(elsewhere.requests().length).toBe(before);
    expect(authorizations(elsewhere)).toEqual([]);
  });

  it('refuses the stored ECR secret key for a draft pointed at another registry', async () => {
    const result = await windowCall('runValidation', {
      runId: randomUUID(),
      request: {
        endpoint: '444455556666.dkr.ecr.us-east-1.amazonaws.com',
        proxy: { fromEnvironment: false },
        ecr: { isPrivate: true, method: 'credentials', accessKeyId: 'AKIAEXAMPLEEXAMPLE01', secretAccessKey: '' },
      },
      secretsFrom: ecrId,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'SECRET_ENDPOINT_CHANGED' } });
  });
});

describe('everything the window received', () => {
  it('holds no canary secret, nor its Basic encoding, in answers, events or logs', () => {
    expect(answers.length).toBeGreaterThan(10);
    const seen = [...answers, ...app.emitted, ...app.logged].join('\n');
    for (const secret of [password, awsSecret, sessionPassword]) {
      expect(seen).not.toContain(secret);
      expect(seen).not.toContain(basicOf(secret));
    }
    expect(seen).not.toContain('canary-');
  });
});
