// `regdesk export` and `regdesk import` as processes on plain Node, over a data folder the app
// wrote (secrets encrypted in it): a default export of any format holds no secret, and what one
// workstation exports another imports.
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canarySecret } from '../../fixtures/canary';
import { EXPORT_VARIANTS, storeVariants } from '../../fixtures/export-variants';
import { runCommand } from '../../fixtures/run-command';
import { openTestServices } from '../../fixtures/storage-services';
import { createTempDir, type TempDir } from '../../fixtures/temp-dir';

const BIN = resolve('bin/regdesk.js');
const regdesk = (...args: string[]) => runCommand(process.execPath, [BIN, ...args]);
let temp: TempDir;
let source: string;
const canaries: string[] = [];

beforeAll(async () => {
  if (!existsSync(resolve('out/cli/regdesk.js'))) throw new Error('out/cli/regdesk.js is missing: run `npm run build` first.');
  temp = await createTempDir('cli-export-import');
  source = join(temp.path, 'source');
  const app = openTestServices(source);
  await storeVariants(app.services, (variant) => {
    const canary = canarySecret(variant.key);
    canaries.push(canary);
    return canary;
  });
  app.close();
});
afterAll(() => temp?.cleanup());

describe('regdesk export and import as processes', () => {
  it.each(['palette', 'terraform', 'draft'])('a default %s export holds no secret', async (format) => {
    // The provider cannot express an unauthenticated ECR registry: Terraform gets the others.
    const names = format === 'terraform' ? EXPORT_VARIANTS.filter((v) => !v.notInTerraform).flatMap((v) => ['--name', v.draft.name]) : [];
    const result = await regdesk('export', '--format', format, ...names, '--data-dir', source);
    expect(result.exitCode).toBe(0);
    // Terraform says, and only says, that it makes the system registries tenant-level.
    expect(result.stderr).toEqual(
      format === 'terraform'
        ? expect.stringMatching(/^regdesk export: \d+ system registries become tenant-level registries in Terraform [^\n]*\n$/)
        : '',
    );
    for (const canary of canaries) expect(result.stdout + result.stderr).not.toContain(canary);
    expect(result.stdout).not.toContain('canary-');
  });

  it('imports on another workstation what this one exported', async () => {
    const exported = await regdesk('export', '--format', 'draft', '--data-dir', source);
    const file = join(temp.path, 'drafts.json');
    writeFileSync(file, exported.stdout);
    const target = join(temp.path, 'target');
    const imported = await regdesk('import', file, '--data-dir', target);
    expect(imported).toMatchObject({ exitCode: 0, stderr: '' });
    expect(imported.stdout).toContain(`Imported ${EXPORT_VARIANTS.length} of ${EXPORT_VARIANTS.length} registries`);
    const again = await regdesk('export', '--format', 'draft', '--data-dir', target);
    const strip = (text: string) => text.replace(/"exportedAt": "[^"]+"/, '');
    expect(strip(again.stdout)).toBe(strip(exported.stdout));
  });
});
