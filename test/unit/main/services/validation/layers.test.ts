import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The engine's layers, lowest first: each may import its own folder and lower layers only, so a
 * network change never reaches into a step and a step never into the engine that lists it.
 * Same rank means neither may import the other.
 */
const SERVICES = resolve(__dirname, '../../../../../main/services');
const LAYERS: ReadonlyArray<readonly [folder: string, rank: number]> = [
  ['file-picker.ts', 0],
  ['net', 1],
  ['redaction', 1],
  ['tls', 2],
  ['validation/core', 2],
  ['validation/connection', 3],
  ['validation/oci', 4],
  ['validation/ecr', 5],
  ['validation', 6],
];
/** From here up a layer may use the other services (the store, the vault) that it serves. */
const SERVICE_RANK = 6;

/** The layer of a file under main/services (the longest folder that holds it), or undefined outside them. */
function layerOf(file: string): { folder: string; rank: number } | undefined {
  const path = relative(SERVICES, file);
  const found = LAYERS.filter(([folder]) => path === folder || path.startsWith(`${folder}/`)).sort((a, b) => b[0].length - a[0].length)[0];
  return found && { folder: found[0], rank: found[1] };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every relative module a file imports, type-only and dynamic ones too. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
  return specifiers.map((specifier) => `${resolve(dirname(file), specifier)}.ts`);
}

/** Imports from a layer to a layer not below it: `importer → imported`. */
function upwardImports(files: string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const from = layerOf(file);
    if (!from) continue;
    for (const target of importsOf(file)) {
      if (!target.startsWith(`${SERVICES}/`)) continue;
      const to = layerOf(target);
      const allowed = to ? to.folder === from.folder || to.rank < from.rank : from.rank >= SERVICE_RANK;
      if (!allowed) found.push(`${relative(SERVICES, file)} → ${relative(SERVICES, target)}`);
    }
  }
  return found;
}

describe('validation engine layers', () => {
  const files = sourceFiles(SERVICES);

  it('knows every file of the engine, so none slips past the check', () => {
    for (const folder of ['net', 'validation/core', 'validation/connection', 'validation/oci', 'validation/ecr']) {
      expect(files.filter((file) => layerOf(file)?.folder === folder).length, folder).toBeGreaterThan(0);
    }
  });

  it('has no import from a layer to one above it or beside it', () => {
    expect(upwardImports(files)).toEqual([]);
  });
});
