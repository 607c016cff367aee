// Each stored secret is bound to the endpoint origin it was entered for. An edit,
// an import with "replace" or a hand-edited file that points the registry elsewhere leaves the
// secret stored but unusable, with a status and an error that say why, until it is entered again.
// Real data folders, calls through main's IPC handlers, and loopback servers that record every
// request: the one the registry is re-pointed to must never receive the canary password.
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SecretsShape } from '../../../main/services/secrets/secrets-file';
import { AesGcmTestCipher } from '../../fixtures/aes-gcm-cipher';
import { canarySecret } from '../../fixtures/canary';
import { startRedirectingRegistry, type RedirectingRegistry } from '../../fixtures/hostile-servers';
import { createTempDir, type TempDir } from '../../fixtures/temp-dir';
import { openIpcSession, type IpcSession } from '../diagnostics/ipc-session';

let home: RedirectingRegistry;
let elsewhere: RedirectingRegistry;
let temp: TempDir;
let dataDir: string;
let app: IpcSession;
let id: string;
let password: string;
/** One keychain for the whole test, restarts included. */
const cipher = new AesGcmTestCipher();

const basicOf = (secret: string) => `Basic ${Buffer.from(`robot:${secret}`).toString('base64')}`;
const received = (server: RedirectingRegistry) => server.requests().flatMap((r) => r.headers.authorization ?? []);
const secretsFile = () => JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')) as SecretsShape;
const editJson = (name: string, edit: (content: Record<string, unknown>) => void) => {
  const path = join(dataDir, `${name}.json`);
  const content = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  edit(content);
  writeFileSync(path, JSON.stringify(content));
};
/** Quit and start again on the same folder, as the app does after a file was edited by hand. */
const restart = () => {
  app.close();
  app = openIpcSession(dataDir, { cipher });
};
const validateStored = () => app.raw('validateRegistry', { runId: randomUUID(), id });
const draft = (endpoint: string) => ({
  type: 'basic' as const,
  name: 'harbor',
  scope: 'tenant' as const,
  endpoint,
  baseContentPath: 'packs',
  username: 'robot',
});

beforeAll(async () => {
  [home, elsewhere] = await Promise.all([startRedirectingRegistry(), startRedirectingRegistry()]);
});
afterAll(async () => {
  await Promise.all([home.close(), elsewhere.close()]);
});
beforeEach(async () => {
  temp = await createTempDir('secret-origin');
  dataDir = join(temp.path, 'data');
  app = openIpcSession(dataDir, { cipher });
  password = canarySecret('origin');
  id = (await app.call('saveRegistry', { draft: draft(home.url), secret: { action: 'set', field: 'password', value: password } })).record
    .id;
});
afterEach(async () => {
  const seen = [...app.emitted, ...app.logged].join('\n');
  expect(seen).not.toContain(password);
  expect(received(elsewhere)).not.toContain(basicOf(password));
  app.close();
  await temp.cleanup();
});

/** The stored secret as the window sees it, and a stored validation: refused, saying where it was entered for. */
async function expectUnusable(enteredFor: string | undefined) {
  const [status] = await app.call('secretStatus', { registryId: id });
  expect(status).toMatchObject({ stored: true, usable: false, unusableReason: 'endpoint-changed' });
  expect(status?.enteredFor).toBe(enteredFor);
  const requestsBefore = elsewhere.requests().length;
  expect(await validateStored()).toMatchObject({
    ok: false,
    error: {
      code: 'SECRET_ENDPOINT_CHANGED',
      message: expect.stringMatching(/^The stored password was entered for .*, so it is not sent there\.$/),
    },
  });
  expect(elsewhere.requests().length).toBe(requestsBefore);
}

describe('a stored secret', () => {
  it('is stored with the origin of the endpoint it was entered for, and used there', async () => {
    expect(secretsFile()).toMatchObject({ originsBound: true, secrets: { [id]: { password: { origin: home.url } } } });
    expect(await validateStored()).toMatchObject({ ok: true });
    expect(received(home)).toContain(basicOf(password));
  });

  it('stays usable when an edit keeps the origin (path, trailing slash, letter case)', async () => {
    await app.call('saveRegistry', { id, draft: draft(`${home.url.replace('http', 'HTTP')}/prefix/v2/`) });
    expect((await app.call('secretStatus', { registryId: id }))[0]).toMatchObject({ usable: true });
  });

  it('becomes unusable after an edit that points the registry elsewhere, until it is entered again', async () => {
    await app.call('saveRegistry', { id, draft: draft(elsewhere.url) });
    await expectUnusable(home.url);
    // The Terraform export main writes leaves it out and says why.
    const target = join(temp.path, 'out.tf');
    app.fileSaver.nextSave({ canceled: false, path: target });
    const saved = await app.call('saveExport', { ids: [id], format: 'terraform', includeSecrets: true });
    expect(saved).toMatchObject({ secretsIncluded: false, notes: [{ problem: { code: 'EXPORT_SECRET_UNAVAILABLE' } }] });
    expect(readFileSync(target, 'utf8')).not.toContain(password);

    const again = canarySecret('re-entered');
    await app.call('saveRegistry', { id, draft: draft(elsewhere.url), secret: { action: 'set', field: 'password', value: again } });
    expect((await app.call('secretStatus', { registryId: id }))[0]).toMatchObject({ usable: true });
    expect(await validateStored()).toMatchObject({ ok: true });
    expect(received(elsewhere)).toContain(basicOf(again));
  });

  it('becomes unusable after an import with "replace" that brings another endpoint', async () => {
    const file = (await app.call('renderExport', { ids: [id], format: 'draft' })).files[0]!.content.replace(home.url, elsewhere.url);
    const result = await app.call('applyImport', { content: file, resolutions: [{ index: 0, action: 'replace' }] });
    expect(result.imported).toMatchObject([{ id, action: 'replaced' }]);
    await expectUnusable(home.url);
  });

  it('becomes unusable after the registries file is edited by hand to another endpoint', async () => {
    editJson('registries', (content) => {
      (content['registries'] as { endpoint: string }[])[0]!.endpoint = elsewhere.url;
    });
    restart();
    await expectUnusable(home.url);
  });

  it('becomes unusable when its stored origin is edited by hand', async () => {
    editJson('secrets', (content) => {
      (content as SecretsShape).secrets[id]!['password']!.origin = elsewhere.url;
    });
    restart();
    await expectUnusable(elsewhere.url);
    expect(received(home)).not.toContain(basicOf(password));
  });

  it('edited by hand to something that is not an origin is refused, and never shown to the window as it is', async () => {
    const hostile = `https://evil.example\u202e\u0007${password}`;
    editJson('secrets', (content) => {
      (content as SecretsShape).secrets[id]!['password']!.origin = hostile;
    });
    restart();
    await expectUnusable(undefined);
    const answers = JSON.stringify([await app.raw('secretStatus', { registryId: id }), await validateStored()]);
    expect(answers).toContain('an endpoint this app did not record');
    expect(answers).not.toContain('evil.example');
  });

  it('saved before origins were recorded is bound once, at start, to its registry’s endpoint; an origin removed later is never guessed', async () => {
    editJson('secrets', (content) => {
      delete content['originsBound'];
      delete (content as SecretsShape).secrets[id]!['password']!.origin;
    });
    restart();
    expect(secretsFile()).toMatchObject({ originsBound: true, secrets: { [id]: { password: { origin: home.url } } } });
    expect(await validateStored()).toMatchObject({ ok: true });

    editJson('secrets', (content) => {
      delete (content as SecretsShape).secrets[id]!['password']!.origin;
    });
    editJson('registries', (content) => {
      (content['registries'] as { endpoint: string }[])[0]!.endpoint = elsewhere.url;
    });
    restart();
    await expectUnusable(undefined);
  });

  it('kept for the session only is bound the same way', async () => {
    const session = canarySecret('session');
    await app.call('saveRegistry', {
      id,
      draft: draft(home.url),
      secret: { action: 'set', field: 'password', value: session, persistence: 'session' },
    });
    await app.call('saveRegistry', { id, draft: draft(elsewhere.url) });
    await expectUnusable(home.url);
    expect(received(elsewhere)).not.toContain(basicOf(session));
  });
});
