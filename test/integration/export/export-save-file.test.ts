// Saving an export that holds secrets never writes into what is already at the
// chosen path. Real files in a temp folder, saved through `export:save` exactly as the window asks.
import {
  chmodSync,
  chownSync,
  linkSync,
  mkdirSync,
  lstatSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canarySecret } from '../../fixtures/canary';
import { createTempDir, type TempDir } from '../../fixtures/temp-dir';
import { openIpcSession, type IpcSession } from '../diagnostics/ipc-session';

let temp: TempDir;
let app: IpcSession;
let id: string;
let secret: string;

beforeEach(async () => {
  temp = await createTempDir('export-save-file');
  app = openIpcSession(join(temp.path, 'data'));
  secret = canarySecret('save-file');
  const { record } = await app.call('saveRegistry', {
    draft: {
      type: 'basic',
      name: 'harbor',
      scope: 'tenant',
      endpoint: 'https://harbor.example.test',
      baseContentPath: 'spectro',
      username: 'robot',
    },
    secret: { action: 'set', field: 'password', value: secret, persistence: 'persist' },
  });
  id = record.id;
});
afterEach(async () => {
  app.close();
  await temp.cleanup();
});

async function saveWithSecretsTo(path: string) {
  app.fileSaver.nextSave({ canceled: false, path });
  return app.call('saveExport', { ids: [id], format: 'terraform', includeSecrets: true });
}

describe('export:save with secrets', () => {
  it('replaces a symbolic link at the target instead of writing through it', async () => {
    const victim = join(temp.path, 'victim.txt');
    writeFileSync(victim, 'not yours\n', { mode: 0o644 });
    const target = join(temp.path, 'out.tf');
    symlinkSync(victim, target);

    expect(await saveWithSecretsTo(target)).toMatchObject({ canceled: false, path: target, secretsIncluded: true });
    expect(readFileSync(victim, 'utf8')).toBe('not yours\n');
    expect(statSync(victim).mode & 0o777).toBe(0o644);
    expect(lstatSync(target).isSymbolicLink()).toBe(false);
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readFileSync(target, 'utf8')).toContain(secret);
  });

  it('writes a new owner-only file over an existing one with another mode and owner, leaving the old inode untouched', async () => {
    const target = join(temp.path, 'shared.tf');
    writeFileSync(target, 'old content\n');
    chmodSync(target, 0o666);
    // As root, give the file to another user, as a folder shared with others may hold.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) chownSync(target, 65534, 65534);
    // Someone else's hard link to the old file sees what the file held: it must not gain the secret.
    const otherName = join(temp.path, 'other-name');
    linkSync(target, otherName);
    const before = statSync(target);

    await saveWithSecretsTo(target);
    const after = statSync(target);
    expect(after.ino).not.toBe(before.ino);
    expect(after.mode & 0o777).toBe(0o600);
    expect(after.uid).toBe(process.getuid?.() ?? after.uid);
    expect(readFileSync(target, 'utf8')).toContain(secret);
    expect(readFileSync(otherName, 'utf8')).toBe('old content\n');
    expect(statSync(otherName).mode & 0o777).toBe(0o666);
    if (asRoot) expect(statSync(otherName).uid).toBe(65534);
  });

  it('leaves no temporary file behind, whether the save works or fails', async () => {
    await saveWithSecretsTo(join(temp.path, 'first.tf'));
    // A folder where the file should go: the rename fails, and the half-done new file is removed.
    const blocked = join(temp.path, 'blocked.tf');
    mkdirSync(blocked);
    app.fileSaver.nextSave({ canceled: false, path: blocked });
    const failed = await app.raw('saveExport', { ids: [id], format: 'terraform', includeSecrets: true });
    expect(failed).toMatchObject({ ok: false, error: { code: 'EXPORT_SAVE_FAILED' } });
    expect(JSON.stringify(failed)).not.toContain(secret);
    expect(readdirSync(temp.path).sort()).toEqual(['blocked.tf', 'data', 'first.tf']);
  });
});
