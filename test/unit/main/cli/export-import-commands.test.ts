import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../../main/cli/index';
import { DRAFT_FILE_FORMAT } from '../../../../shared/model/draft-file';
import { basicRecord, ecrRecord, manyRegistries, seedStore } from '../../../fixtures/registry-records';
import { createTempDir, type TempDir } from '../../../fixtures/temp-dir';

function sink() {
  let text = '';
  return { stream: { write: (chunk: string) => (text += chunk) }, text: () => text };
}

async function regdesk(...argv: string[]) {
  const [out, err] = [sink(), sink()];
  const code = await main(argv, out.stream, err.stream);
  return { code, stdout: out.text(), stderr: err.text() };
}

let temp: TempDir;
let dir: string;
beforeEach(async () => {
  temp = await createTempDir('cli-export');
  dir = join(temp.path, 'data');
  seedStore(dir, [basicRecord({ name: 'harbor-packs', scope: 'system' }), ecrRecord({ name: 'ecr-packs', scope: 'tenant' })]);
});
afterEach(() => temp.cleanup());

const storeBytes = (folder = dir) => readFileSync(join(folder, 'registries.json'));
const storedRegistries = (folder = dir) =>
  (JSON.parse(storeBytes(folder).toString()) as { registries: Array<{ id: string; name: string; endpoint: string }> }).registries;

describe('regdesk export', () => {
  it('writes Palette requests by default, Terraform or a draft file on request', async () => {
    const palette = await regdesk('export', '--data-dir', dir);
    expect(palette).toMatchObject({ code: 0, stderr: '' });
    const document = JSON.parse(palette.stdout) as { format: string; secrets: string; registries: Array<{ name: string }> };
    expect(document).toMatchObject({ format: 'pack-registry-desk/palette-requests', secrets: 'placeholders' });
    expect(document.registries.map((r) => r.name)).toEqual(['ecr-packs', 'harbor-packs']);

    const terraform = await regdesk('export', '--format', 'terraform', '--name', 'harbor-packs', '--data-dir', dir);
    expect(terraform.code).toBe(0);
    expect(terraform.stdout).toMatch(/^variable "harbor_packs_password" \{$/m);
    expect(terraform.stdout).toMatch(/^resource "spectrocloud_registry_oci" "harbor_packs" \{$/m);
    expect(terraform.stdout).not.toContain('ecr-packs');

    const draft = await regdesk('export', '--format', 'draft', '--scope', 'tenant', '--data-dir', dir);
    expect(JSON.parse(draft.stdout)).toMatchObject({ format: DRAFT_FILE_FORMAT, version: 1, registries: [{ name: 'ecr-packs' }] });
  });

  it('warns on stderr when secrets are asked for, says which ones it could not read, and exits 1 for the placeholders', async () => {
    const result = await regdesk('export', '--include-secrets', '--data-dir', dir);
    expect(result.stderr).toMatch(/WARNING: --include-secrets writes secrets in plain text/);
    // The command line has no keychain: the password stays a placeholder, and it says so.
    expect(result.stderr).toMatch(/harbor-packs \(system\): The password of "harbor-packs" could not be read/);
    expect(JSON.parse(result.stdout)).toMatchObject({ secrets: 'placeholders' });
    // Asked for secrets, given placeholders: not a success a script could take for a usable file.
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /--include-secrets: 1 secret could not be read, so the output holds placeholders instead; the command line cannot decrypt/,
    );
    // Without the flag the same export is a plain success.
    expect((await regdesk('export', '--data-dir', dir)).code).toBe(0);
  });

  it('says on stderr that Terraform makes system registries tenant-level, and points to the Palette format', async () => {
    const terraform = await regdesk('export', '--format', 'terraform', '--name', 'harbor-packs', '--data-dir', dir);
    expect(terraform.code).toBe(0);
    expect(terraform.stderr).toContain(
      'regdesk export: 1 system registry becomes a tenant-level registry in Terraform (the Spectro Cloud provider manages tenant registries only); use --format palette to keep them system-level',
    );
    const palette = await regdesk('export', '--format', 'palette', '--name', 'harbor-packs', '--data-dir', dir);
    expect(palette).toMatchObject({ code: 0, stderr: '' });
  });

  it('exits 2 on a wrong command line and 1 when there is nothing to export', async () => {
    for (const argv of [['--format', 'yaml'], ['--scope', 'project'], ['--format', 'draft', '--include-secrets'], ['--bogus']]) {
      const result = await regdesk('export', ...argv, '--data-dir', dir);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
    }
    expect(await regdesk('export', '--name', 'nope', '--data-dir', dir)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('no stored registry named "nope"'),
    });
    mkdirSync(join(temp.path, 'empty'));
    expect(await regdesk('export', '--data-dir', join(temp.path, 'empty'))).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('nothing to export'),
    });
  });
});

describe('regdesk import', () => {
  const file = (name: string, content: string) => {
    const path = join(temp.path, name);
    writeFileSync(path, content);
    return path;
  };
  const drafts = (...registries: unknown[]) => JSON.stringify({ format: DRAFT_FILE_FORMAT, version: 1, registries });
  const zot = { type: 'basic', name: 'zot', scope: 'system', endpoint: 'https://zot.example.test', baseContentPath: '', username: 'ci' };

  it('imports a draft file and names the secrets to enter', async () => {
    const result = await regdesk('import', file('d.json', drafts(zot)), '--data-dir', dir);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    // Kept as an offline draft, and said to be incomplete: Palette requires the base content path.
    expect(result.stdout).toMatch(
      /^Imported 1 of 1 registry from .*d\.json\n {2}created {2}zot \[system, OCI\/Basic\] {2}\(enter its password in the app\)\n {11}incomplete for Palette: No base content path\. Palette requires a base content path when synchronization is on, and a pack registry always synchronizes\.\n$/,
    );
    expect((await regdesk('list', '--data-dir', dir)).stdout).toContain('zot');
  });

  it('stops on a clash unless told to rename or skip', async () => {
    const clash = file('clash.json', drafts({ ...zot, name: 'Harbor-Packs' }, zot));
    const before = storeBytes();
    const failed = await regdesk('import', clash, '--data-dir', dir);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('registries.0: "Harbor-Packs" is already a stored system registry');
    expect(failed.stderr).toContain('--on-conflict replace or --on-conflict rename (e.g. "Harbor-Packs (imported)")');
    expect(storeBytes().equals(before)).toBe(true);

    const skipped = await regdesk('import', clash, '--on-conflict', 'skip', '--data-dir', dir);
    expect(skipped.stdout).toMatch(/created {2}zot[\s\S]*skipped {2}Harbor-Packs/);
    const renamed = await regdesk(
      'import',
      file('again.json', drafts({ ...zot, name: 'harbor-packs' })),
      '--on-conflict',
      'rename',
      '--data-dir',
      dir,
    );
    expect(renamed.stdout).toContain('renamed  harbor-packs (imported) [system, OCI/Basic]');
  });

  it('replaces the stored registry on --on-conflict replace, keeping its id', async () => {
    const id = storedRegistries().find((r) => r.name === 'harbor-packs')?.id;
    const replaced = await regdesk(
      'import',
      file('replace.json', drafts({ ...zot, name: 'harbor-packs', endpoint: 'https://replaced.example.test' })),
      '--on-conflict',
      'replace',
      '--data-dir',
      dir,
    );
    expect(replaced).toMatchObject({ code: 0, stderr: '' });
    expect(replaced.stdout).toContain('replaced harbor-packs [system, OCI/Basic]');
    const stored = storedRegistries();
    expect(stored.filter((r) => r.name === 'harbor-packs')).toEqual([
      expect.objectContaining({ id, endpoint: 'https://replaced.example.test' }),
    ]);
  });

  it('prints nothing on success with --quiet, and still says what stopped an import', async () => {
    const quiet = await regdesk('import', file('q.json', drafts(zot)), '--quiet', '--data-dir', dir);
    expect(quiet).toEqual({ code: 0, stdout: '', stderr: '' });
    expect((await regdesk('list', '--data-dir', dir)).stdout).toContain('zot');
    const clash = await regdesk('import', file('q2.json', drafts(zot)), '-q', '--data-dir', dir);
    expect(clash.code).toBe(1);
    expect(clash.stdout).toBe('');
    expect(clash.stderr).toContain('"zot" is already a stored system registry');
  });

  it('reads back what export wrote for 1,005 registries, and answers every clash at once', async () => {
    const big = join(temp.path, 'big');
    seedStore(big, manyRegistries(1_005));
    const exported = await regdesk('export', '--format', 'draft', '--data-dir', big);
    expect(exported).toMatchObject({ code: 0, stderr: '' });
    const path = file('big.json', exported.stdout);
    const fresh = join(temp.path, 'fresh');
    const imported = await regdesk('import', path, '--data-dir', fresh);
    expect(imported).toMatchObject({ code: 0, stderr: '' });
    expect(imported.stdout).toMatch(/^Imported 1005 of 1005 registries from /);
    const again = await regdesk('export', '--format', 'draft', '--data-dir', fresh);
    const strip = (text: string) => text.replace(/"exportedAt": "[^"]+"/, '');
    expect(strip(again.stdout)).toBe(strip(exported.stdout));
    // The same file again: 1,005 clashes, one choice for all of them.
    const skipped = await regdesk('import', path, '--on-conflict', 'skip', '--quiet', '--data-dir', fresh);
    expect(skipped).toEqual({ code: 0, stdout: '', stderr: '' });
    const renamed = await regdesk('import', path, '--on-conflict', 'rename', '--data-dir', fresh);
    expect(renamed.code).toBe(0);
    expect(renamed.stdout).toContain('renamed  registry-1004 (imported) [system, OCI/Basic]');
    expect(storedRegistries(fresh)).toHaveLength(2_010);
  }, 60_000);

  it('refuses malformed files with where and why, and leaves the store byte for byte as it was', async () => {
    const before = storeBytes();
    const cases: Array<[string, string, RegExp]> = [
      ['notjson.json', '{"format":', /notjson\.json: The file is not JSON: .* \[IMPORT_NOT_JSON\]/],
      [
        'v2.json',
        JSON.stringify({ format: DRAFT_FILE_FORMAT, version: 2, registries: [zot] }),
        /v2\.json: version: Version 2 is not supported: this app reads version 1\. \[IMPORT_VERSION_UNSUPPORTED\]/,
      ],
      [
        'unknown.json',
        drafts({ ...zot, password: 'x' }),
        /unknown\.json: registries\.0\.password: Unknown field "password": secrets never travel/,
      ],
      [
        'types.json',
        drafts({ ...zot, username: 7 }),
        /types\.json: registries\.0\.username: Invalid input: expected string, received number \[IMPORT_INVALID\]/,
      ],
      [
        'huge.json',
        ' '.repeat(32 * 1024 * 1024 + 1),
        /huge\.json: the file is larger than 32 MiB, the most a draft file may hold; nothing was imported\n {2}export each scope on its own .* \[IMPORT_TOO_LARGE\]/,
      ],
    ];
    for (const [name, content, expected] of cases) {
      const result = await regdesk('import', file(name, content), '--data-dir', dir);
      expect(result.code, name).toBe(1);
      expect(result.stderr, name).toMatch(expected);
      expect(result.stdout, name).toBe('');
    }
    expect(storeBytes().equals(before)).toBe(true);
  });

  it('exits 2 on a wrong command line', async () => {
    for (const argv of [[], ['a.json', 'b.json'], ['a.json', '--on-conflict', 'duplicate']]) {
      expect((await regdesk('import', ...argv, '--data-dir', dir)).code, argv.join(' ')).toBe(2);
    }
    expect(await regdesk('import', join(temp.path, 'missing.json'), '--data-dir', dir)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('ENOENT'),
    });
  });
});
