// What regdesk prints can never drive the terminal, whoever wrote it (a
// stored draft, a server being validated), and a closed pipe ends a command quietly.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../main/cli/index';
import { terminalText } from '../../../main/cli/terminal-text';
import { DRAFT_FILE_FORMAT } from '../../../shared/model/draft-file';
import { startWebServer } from '../../fixtures/hostile-servers';
import { basicRecord, manyRegistries, seedStore } from '../../fixtures/registry-records';

/** What a terminal acts on or that reorders or hides text: none of it may reach the terminal raw. */
// eslint-disable-next-line no-control-regex -- exactly what is looked for
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\u061c\u00ad\ufeff\u2028\u2029]/;
const CLEAR_AND_LIE = '\u001b[2J\u001b[H\u001b[32m[ ok ] Validated\u001b[0m';
const TITLE = '\u001b]0;pwned\u0007';

function sink() {
  let text = '';
  return { stream: { write: (chunk: string) => (text += chunk) }, text: () => text };
}
async function regdesk(...argv: string[]) {
  const [out, err] = [sink(), sink()];
  const code = await main(argv, out.stream, err.stream);
  return { code, stdout: out.text(), stderr: err.text() };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'regdesk-hostile-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('terminalText', () => {
  it('leaves nothing active, keeps newlines and tabs, and JSON reads its escapes back as the same text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const shown = terminalText(text);
        expect(shown.replace(/[\n\t]/g, '')).not.toMatch(ACTIVE);
        expect(JSON.parse(`"${terminalText(JSON.stringify(text).slice(1, -1))}"`)).toBe(text);
      }),
    );
  });
});

describe('regdesk prints hostile text inert', () => {
  // A store written by hand or by an older version: the schemas of today would refuse these.
  const hostile = basicRecord({
    name: `harbor${CLEAR_AND_LIE}`,
    endpoint: `https://harbor.example.test/${TITLE}`,
    baseContentPath: 'packs\u202e\u2066gnp.exe',
    username: 'robot\u009b31m',
  });

  it.each([
    ['list', ['list']],
    ['list --json', ['list', '--json']],
    ['export --format terraform', ['export', '--format', 'terraform']],
    ['export --format palette', ['export', '--format', 'palette']],
    ['export --format draft', ['export', '--format', 'draft']],
  ])('%s', async (_what, argv) => {
    seedStore(dir, [hostile]);
    const { stdout, stderr } = await regdesk(...argv, '--data-dir', dir);
    expect(stdout + stderr).not.toMatch(ACTIVE);
    expect(stdout).toContain('\\u001b[2J');
  });

  it('import quotes a hostile file inert', async () => {
    const file = join(dir, 'drafts.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: DRAFT_FILE_FORMAT,
        version: 1,
        registries: [{ type: 'basic', name: `x${CLEAR_AND_LIE}`, scope: 'system', endpoint: 'h' }],
      }),
    );
    const { code, stdout, stderr } = await regdesk('import', file, '--data-dir', dir);
    expect(code).toBe(1);
    expect(stdout + stderr).not.toMatch(ACTIVE);
  });

  it('validate shows the page title of a web server that tries to clear the screen and fake a green result', async () => {
    const server = await startWebServer({ pageTitle: `${CLEAR_AND_LIE}${TITLE}\u202e` });
    try {
      const { code, stdout, stderr } = await regdesk('validate', server.url);
      expect(code).toBe(1);
      expect(stdout + stderr).not.toMatch(ACTIVE);
      expect(stdout).toContain('page "\\u001b[2J\\u001b[H\\u001b[32m[ ok ] Validated');
    } finally {
      await server.close();
    }
  });
});

describe('a closed pipe', () => {
  it('ends `regdesk list | head -1` quietly, with no stack trace', async () => {
    seedStore(dir, manyRegistries(2_000));
    const runTs = resolve('main/cli/run.ts');
    // run.ts as it is, with the version the build would define (this test needs no build).
    const version = 'data:text/javascript,globalThis.__APP_VERSION__="0.0.0-test"';
    const script = `"${process.execPath}" --import tsx --import '${version}' "${runTs}" list --data-dir "${dir}" | head -1; echo "regdesk exit $\{PIPESTATUS[0]}" >&2`;
    const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((done, fail) => {
      const child = spawn('bash', ['-c', script], { stdio: ['ignore', 'pipe', 'pipe'] });
      let [out, err] = ['', ''];
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      child.on('error', fail);
      child.on('close', () => done({ stdout: out, stderr: err }));
    });
    expect(stdout).toMatch(/^NAME\s+SCOPE/);
    expect(stdout.split('\n')).toHaveLength(2);
    expect(stderr).toBe('regdesk exit 0\n');
  }, 60_000);
});
