import { join } from 'node:path';
import fc from 'fast-check';
import { main } from '../../../main/cli/index';

// The command-line side of the malformed-input sweep: how subcommands and their options are found from
// `--help`, and the malformed command lines generated for each (cli-malformed-args.test.ts).

export interface Option {
  name: string;
  takesValue: boolean;
  multiple: boolean;
}
export interface Command {
  name: string;
  options: Option[];
  positionals: number;
}

/** `regdesk` in this process, its output captured, with a deadline so a hang fails instead of stalling the run. */
export async function regdesk(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = { write: (text: string) => (stdout += text) };
  const err = { write: (text: string) => (stderr += text) };
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`regdesk ${JSON.stringify(argv).slice(0, 200)} did not answer within 5 s`)), 5000);
  });
  try {
    return { code: await Promise.race([main(argv, out, err), deadline]), stdout, stderr };
  } finally {
    clearTimeout(timer);
  }
}

/** The options `regdesk <command> --help` documents: `  -u, --username USER   …`; "repeat" marks a multiple one. */
function optionsIn(help: string): Option[] {
  const options = [...help.matchAll(/^ {2,}(?:-[a-zA-Z], )?--([a-z][a-z0-9-]*)( [A-Z][A-Z0-9_.]*)?(.*)$/gm)].map((m) => ({
    name: m[1]!,
    takesValue: m[2] !== undefined,
    multiple: /repeat/i.test(m[3] ?? ''),
  }));
  return options.filter((o, i) => o.name !== 'help' && options.findIndex((p) => p.name === o.name) === i);
}

/** Positionals named on the usage line (ENDPOINT, FILE), outside the [optional] groups. */
function positionalsIn(help: string, command: string): number {
  const usage = help.split('\n')[0]!.replace(/\[[^\]]*\]/g, '');
  return usage.split(/\s+/).filter((word) => /^[A-Z][A-Z_.]*$/.test(word) && word !== command).length;
}

/** The subcommands `regdesk --help` lists under "Commands:", so one added later is swept too. */
export async function discoverCommands(): Promise<Command[]> {
  const help = await regdesk(['--help']);
  const section = help.stdout.split(/^Commands:$/m)[1]?.split(/^\S/m)[0] ?? '';
  const names = [...new Set([...section.matchAll(/^ {2}([a-z][a-z-]*)\b/gm)].map((m) => m[1]!))];
  const found: Command[] = [];
  for (const name of names) {
    const own = await regdesk([name, '--help']);
    found.push({ name, options: optionsIn(own.stdout), positionals: positionalsIn(own.stdout, name) });
  }
  return found;
}
const ENUMS: Record<string, readonly string[]> = {
  scope: ['system', 'tenant'],
  format: ['palette', 'terraform', 'draft'],
  'on-conflict': ['rename', 'skip', 'replace', 'fail'],
  'aws-auth': ['credentials', 'sts', 'none'],
};
const SECONDS = new Set(['timeout', 'connect-timeout']);
const URLS = new Set(['proxy', 'aws-api-endpoint', 'aws-sts-endpoint']);
const INPUT_FILES = new Set(['file', 'ca-file']);
/** What must come with a flag for its own check to be the one that answers. */
const CONTEXT: Record<string, (baseline: string[]) => string[]> = {
  file: () => [],
  'aws-api-endpoint': (b) => [...b, '--aws-auth', 'none'],
  'aws-sts-endpoint': (b) => [...b, '--aws-auth', 'none'],
  'aws-region': (b) => [...b, '--aws-auth', 'none'],
};
const TEN_KIB = 'x'.repeat(10 * 1024);
const junk = fc.constantFrom(
  '',
  ' ',
  '\t',
  'nope',
  'SYSTEM',
  ' system',
  'system\n',
  '\u0000',
  '\u001b[31mred',
  TEN_KIB,
  '../../etc/passwd',
);
const badSeconds = fc.constantFrom('NaN', 'Infinity', '-Infinity', '-1', '0', '301', '1e400', 'abc', '', ' ', '\u0000', '9'.repeat(10240));
const badUrls = fc.constantFrom(
  ':99999',
  'http://',
  '[::1',
  '',
  ' ',
  '\t',
  'ftp://x',
  'http://exa mple',
  'http://host:99999',
  '\u0000',
  '\u001b[31m',
);
const badEndpoints = fc.constantFrom(
  ':99999',
  'http://',
  '[::1',
  '',
  ' ',
  'ftp://x',
  'https://a:b@h.example',
  'h.example?x=1',
  'h.example\u0007',
  TEN_KIB,
);
const present = (files: Fixture['files'], keys: string[]) => keys.flatMap((k) => (files[k] ? [files[k]] : []));
const unusableFiles = (files: Fixture['files']) =>
  fc.constantFrom(...present(files, ['missing', 'folder', 'notJson', 'empty', 'binary', 'otherJson', 'devZero', 'fifo', 'underAFile']));
const unusableFolders = (files: Fixture['files']) => fc.constantFrom('', ' ', ...present(files, ['notJson', 'underAFile', 'devZero']));

/** What the generated command lines refer to: files made by the test, a folder to point unknown values at, a right command line. */
export interface Fixture {
  /** missing, folder, notJson, empty, binary, otherJson, underAFile, and devZero and fifo where the system has them. */
  files: Record<string, string>;
  scratch: string;
  baseline: string[];
}

export interface Case {
  argv: string[];
  /** 1 where the command's usage makes the file its operation's input (import FILE). */
  code: 1 | 2;
}

/** One mistake per command line, of every kind the command's options allow. */
export function malformedArgv(command: Command, { files, scratch, baseline: base }: Fixture): fc.Arbitrary<Case> {
  const inProcess = command.options.filter((o) => !o.name.endsWith('-stdin'));
  const known = new Set(command.options.map((o) => o.name));
  const valued = inProcess.filter((o) => o.takesValue);
  const single = inProcess.filter((o) => !o.multiple);
  // Values of options the sweep knows nothing about point into the temp folder: if one is written, the fingerprint sees it.
  const someValue = (o: Option) => ENUMS[o.name]?.[0] ?? (SECONDS.has(o.name) ? '5' : join(scratch, 'value-of', o.name));
  const usage = (argv: string[]): Case => ({ argv, code: 2 });
  const kinds: Array<fc.Arbitrary<Case>> = [
    fc
      .oneof(
        fc
          .stringMatching(/^[a-z][a-z0-9-]{0,15}$/)
          .filter((n) => !known.has(n) && n !== 'help')
          .map((n) => `--${n}`),
        fc.constantFrom('-Z', '-j', '--\u001b[31m', '--\u0000', `--${TEN_KIB}`),
      )
      .chain((flag) => fc.nat(base.length).map((at) => usage([...base.slice(0, at), flag, ...base.slice(at)]))),
    fc.constant(usage([...base, ...Array.from({ length: command.positionals + 1 }, (_, i) => `extra-${i}`)])),
  ];
  const options = (list: Option[]) => fc.constantFrom(...list);
  if (inProcess.some((o) => !o.takesValue))
    kinds.push(options(inProcess.filter((o) => !o.takesValue)).map((o) => usage([...base, `--${o.name}=yes`])));
  if (valued.length > 0) {
    kinds.push(options(valued).map((o) => usage([...base, `--${o.name}`])));
    kinds.push(fc.tuple(options(valued), options(inProcess)).map(([o, next]) => usage([`--${o.name}`, `--${next.name}`, ...base])));
  }
  if (single.length > 0) {
    const twice = (o: Option) =>
      o.takesValue ? [`--${o.name}`, someValue(o), `--${o.name}`, someValue(o)] : [`--${o.name}`, `--${o.name}`];
    kinds.push(options(single).map((o) => usage([...(CONTEXT[o.name]?.(base) ?? base), ...twice(o)])));
  }
  const withValues = (names: (o: Option) => boolean, values: fc.Arbitrary<string>, code: (o: Option) => 1 | 2 = () => 2) => {
    const matching = valued.filter(names);
    if (matching.length > 0)
      kinds.push(
        fc
          .tuple(options(matching), values)
          .map(([o, v]) => ({ argv: [...(CONTEXT[o.name]?.(base) ?? base), `--${o.name}`, v], code: code(o) })),
      );
  };
  withValues(
    (o) => o.name in ENUMS,
    junk.filter((v) => !Object.values(ENUMS).flat().includes(v)),
  );
  withValues((o) => SECONDS.has(o.name), badSeconds);
  withValues((o) => URLS.has(o.name), badUrls);
  withValues((o) => INPUT_FILES.has(o.name), unusableFiles(files));
  withValues((o) => o.name === 'data-dir', unusableFolders(files));
  if (command.name === 'validate') kinds.push(badEndpoints.map((endpoint) => usage([endpoint])));
  if (command.name === 'import') kinds.push(unusableFiles(files).map((file) => ({ argv: [file], code: 1 })));
  return fc.oneof(...kinds).map(({ argv, code }) => ({ argv: [command.name, ...argv], code }));
}
