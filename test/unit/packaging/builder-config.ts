import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv, { type ErrorObject } from 'ajv';
import type { Configuration } from 'app-builder-lib';
import { getConfig } from 'app-builder-lib/out/util/config/config';
import { load } from 'js-yaml';

export const RELEASE_CONFIG = 'electron-builder.yml';
export const TEST_BUILD_CONFIG = 'electron-builder.test-build.yml';

const require = createRequire(import.meta.url);

/** A config file as written, parsed with the YAML library electron-builder uses. */
export function readYaml(file: string): unknown {
  return load(readFileSync(file, 'utf8'), { filename: file });
}

/**
 * The configuration electron-builder would build with: its own loader and merge, so `extends` is
 * resolved exactly as `electron-builder --config <file>` resolves it.
 */
export function effectiveConfig(file: string): Promise<Configuration> {
  return getConfig(process.cwd(), file, null);
}

/** The Electron version electron-builder packages (it reads the installed `electron` package). */
export function installedElectronVersion(): string {
  const manifest = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

export type SchemaCheck = (config: unknown) => readonly ErrorObject[];

/**
 * A validator for app-builder-lib's own scheme.json (the schema electron-builder validates with),
 * stricter than electron-builder's: no type coercion, and the schema's non-standard `typeof`
 * keyword is implemented instead of ignored (ignored, it would accept anything where a hook
 * function is allowed).
 */
export function electronBuilderSchema(): SchemaCheck {
  const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  ajv.addKeyword({ keyword: 'typeof', schemaType: 'string', validate: (type: string, data: unknown) => typeof data === type });
  const validate = ajv.compile(schema);
  return (config) => (validate(config) ? [] : [...(validate.errors ?? [])]);
}

/** Every leaf of a plain object as `a.b.c` → value, for comparing two configurations. */
export function leaves(value: unknown, prefix = ''): Map<string, unknown> {
  const result = new Map<string, unknown>();
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) {
      for (const [path, leaf] of leaves(child, prefix ? `${prefix}.${key}` : key)) result.set(path, leaf);
    }
  } else {
    result.set(prefix, value);
  }
  return result;
}
