import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFormat } from '../../../../../shared/model/export';
import { EXPORT_VARIANTS, storeVariants, terraformKeys, type ExportVariant } from '../../../../fixtures/export-variants';
import { failureOf } from '../../../../fixtures/storage-services';
import { openTestServices, type TestServices } from '../../../../fixtures/storage-services';
import { createTempDir, type TempDir } from '../../../../fixtures/temp-dir';

/**
 * Golden files: every format for every auth variant, and all of them together, rendered from a
 * store with fixed timestamps. A change to any byte of an export shows up here as a diff of a
 * committed file. Regenerate on purpose with `UPDATE_GOLDEN=1 npx vitest run export-golden`.
 */
const GOLDEN_DIR = resolve('test/golden/export');
const EXPORTED_AT = new Date('2025-06-01T12:00:00.000Z');
const EXTENSIONS: Record<ExportFormat, string> = { palette: '.palette.json', terraform: '.tf', draft: '.drafts.json' };
const FORMATS: ExportFormat[] = ['palette', 'terraform', 'draft'];
const goldenSecret = (variant: ExportVariant) => `golden-${variant.key}-secret`;

let temp: TempDir;
let env: TestServices;
let ids: Map<string, string>;

beforeAll(async () => {
  temp = await createTempDir('export-golden');
  env = openTestServices(temp.path, { now: () => EXPORTED_AT });
  ids = await storeVariants(env.services, goldenSecret);
});
afterAll(async () => {
  env?.close();
  await temp?.cleanup();
});

function matchGolden(relative: string, content: string): void {
  const path = join(GOLDEN_DIR, relative);
  if (process.env['UPDATE_GOLDEN']) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  if (!existsSync(path))
    throw new Error(`No golden file ${relative}: run UPDATE_GOLDEN=1 npx vitest run export-golden, then review and commit it.`);
  expect(content, `${relative} differs from the golden file`).toBe(readFileSync(path, 'utf8'));
}

async function render(keys: string[], format: ExportFormat, includeSecrets = false) {
  return env.services.exports.render({ ids: keys.map((k) => ids.get(k)!), format, includeSecrets });
}

describe('export golden files', () => {
  for (const variant of EXPORT_VARIANTS) {
    for (const format of FORMATS) {
      if (format === 'terraform' && variant.notInTerraform) {
        it(`${format}: ${variant.key} is refused, with the reason`, async () => {
          expect(await failureOf(() => render([variant.key], format))).toMatchObject({ code: 'TERRAFORM_CANNOT_CARRY' });
        });
        continue;
      }
      it(`${format}: ${variant.key}`, async () => {
        const result = await render([variant.key], format);
        expect(result.files).toHaveLength(1);
        expect(result.secretsIncluded).toBe(false);
        matchGolden(`${format}/${variant.key}${EXTENSIONS[format]}`, result.files[0]!.content);
      });
    }
  }

  for (const format of FORMATS) {
    it(`${format}: all variants in one file`, async () => {
      const result = await render((format === 'terraform' ? terraformKeys() : [...ids.keys()]).reverse(), format);
      expect(result.files[0]!.name).toBe(`pack-registries${EXTENSIONS[format]}`);
      matchGolden(`${format}/all${EXTENSIONS[format]}`, result.files[0]!.content);
    });
  }

  for (const format of ['palette', 'terraform'] as const) {
    it(`${format}: all variants with secrets, marked as such`, async () => {
      const result = await render(format === 'terraform' ? terraformKeys() : [...ids.keys()], format, true);
      expect(result.secretsIncluded).toBe(true);
      expect(result.notes).toEqual([]);
      const content = result.files[0]!.content;
      for (const variant of EXPORT_VARIANTS.filter((v) => v.secret)) expect(content).toContain(goldenSecret(variant));
      expect(content).toMatch(format === 'palette' ? /"secrets": "included"/ : /WARNING: THIS FILE CONTAINS SECRETS/);
      matchGolden(`${format}/all-with-secrets${EXTENSIONS[format]}`, content);
    });
  }
});

/** Where a terraform binary exists (CI's machine has one), every golden .tf must be a fixed point of `terraform fmt`. */
const terraform = spawnSync('terraform', ['version'], { encoding: 'utf8' }).status === 0;

describe.skipIf(!terraform)('terraform fmt', () => {
  const files = [...terraformKeys(), 'all', 'all-with-secrets'].map((k) => `terraform/${k}.tf`);
  it.each(files)('leaves %s unchanged', (relative) => {
    const original = readFileSync(join(GOLDEN_DIR, relative), 'utf8');
    const formatted = spawnSync('terraform', ['fmt', '-no-color', '-'], { input: original, encoding: 'utf8' });
    expect(formatted.status, formatted.stderr).toBe(0);
    expect(formatted.stdout).toBe(original);
  });
});
