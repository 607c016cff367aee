import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../../main/cli/index';
import { basicRecord, ecrRecord, seedStore, withValidation } from '../../../fixtures/registry-records';
import pkg from '../../../../package.json' with { type: 'json' };

function sink() {
  let text = '';
  return { stream: { write: (chunk: string) => (text += chunk) }, text: () => text };
}

async function regdesk(...argv: string[]) {
  const out = sink();
  const err = sink();
  const code = await main(argv, out.stream, err.stream);
  return { code, stdout: out.text(), stderr: err.text() };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'regdesk-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('regdesk', () => {
  it('prints the package version', async () => {
    expect(await regdesk('--version')).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('lists stored registries as a table and as JSON', async () => {
    seedStore(dir, [withValidation(basicRecord({ name: 'harbor' }), true), ecrRecord({ name: 'ecr-prod' })]);
    const table = await regdesk('list', '--data-dir', dir);
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+SCOPE\s+TYPE\s+ENDPOINT\s+BASE PATH\s+TLS\s+VALIDATION$/);
    expect(lines.slice(1).map((l) => l.split(/\s{2,}/))).toEqual([
      ['ecr-prod', 'tenant', 'OCI/ECR', '123456789012.dkr.ecr.us-east-1.amazonaws.com', 'production', 'system CAs', 'never'],
      ['harbor', 'system', 'OCI/Basic', 'https://harbor.example.test', 'spectro', 'system CAs', 'validated'],
    ]);
    const json = await regdesk('list', '--scope', 'tenant', '--json', '--data-dir', dir);
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as Array<{ name: string }>).map((r) => r.name)).toEqual(['ecr-prod']);
  });

  it('says "validated (N warnings)" for a pass whose report warned, not a plain "validated"', async () => {
    const warned = withValidation(basicRecord({ name: 'empty-mirror' }), true);
    const report = {
      ok: true,
      steps: [
        { id: 'dns', title: 'DNS lookup', status: 'pass', durationMs: 1, observed: [], problem: null },
        {
          id: 'packs',
          title: 'Packs',
          status: 'warn',
          durationMs: 1,
          observed: [],
          problem: { code: 'NO_PACKS', message: 'No packs under the base content path.' },
        },
      ],
    };
    if (!warned.lastValidation) throw new Error('withValidation records a validation');
    seedStore(dir, [{ ...warned, lastValidation: { ...warned.lastValidation, report } }]);
    const lines = (await regdesk('list', '--data-dir', dir)).stdout.trimEnd().split('\n');
    expect(lines[1]?.split(/\s{2,}/).at(-1)).toBe('validated (1 warning)');
  });

  it('says so when nothing is stored', async () => {
    expect((await regdesk('list', '--data-dir', dir)).stdout).toBe(
      `No pack registries stored in ${dir}\n(--data-dir DIR or REGDESK_USER_DATA_DIR read another folder)\n`,
    );
  });

  it('exits 2 with usage for a wrong command line', async () => {
    for (const argv of [[], ['frobnicate'], ['list', '--scope', 'galaxy'], ['list', '--colour'], ['list', 'extra']]) {
      const result = await regdesk(...argv, '--data-dir', dir);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).not.toBe('');
      expect(result.stdout).toBe('');
    }
  });

  it('exits 1 with the code, sentence and remedy when the store is unreadable', async () => {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'registries.json'), JSON.stringify({ registries: 'nope' }));
    const result = await regdesk('list', '--data-dir', dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('[STORE_UNREADABLE]');
    expect(result.stderr).toContain('The saved registries could not be read.');
  });
});
