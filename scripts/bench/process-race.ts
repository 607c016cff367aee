// `regdesk validate` as a whole process against `skopeo login` on the same registry, interleaved
// round by round (the order rotating each round) so neither gets a warmer or quieter machine.
// Diagnostic commands run in the same rounds to show where regdesk's time goes.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Pki } from '../../test/fixtures/pki';
import type { RunningRegistry } from '../../test/fixtures/registry';
import { runCommand } from '../../test/fixtures/run-command';
import { atMost, ms, type Gap, type Row } from './report';
import { median } from './stats';

export interface RaceOptions {
  /** Where both clients go: the registry itself, or a proxy in front of it. */
  readonly registry: Pick<RunningRegistry, 'endpoint' | 'hostPort'>;
  readonly username: string;
  readonly password: string;
  readonly pki: Pki;
  /** Scratch folder: skopeo's sandbox and the compile cache go here. */
  readonly dir: string;
  readonly rounds: number;
  /** The `regdesk` launcher (bin/regdesk.js beside its out/cli). */
  readonly bin: string;
  /** The ratio of medians allowed (regdesk / skopeo). */
  readonly maxRatio: number;
  /** Says where, in the measures' names (e.g. "on loopback", "at 50 ms RTT"). */
  readonly where: string;
  /** Extra `regdesk validate` arguments: what it checks beyond skopeo's login (e.g. --base-path). */
  readonly validateExtraArgs?: readonly string[];
  /** Only regdesk, skopeo and the bare Node start-up: the diagnostic contenders cost time on a slow link. */
  readonly coreOnly?: boolean;
}

interface Contender {
  readonly id: string;
  readonly label: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly stdin?: string;
  readonly env?: NodeJS.ProcessEnv;
}

const WARM_UP_ROUNDS = 2;

export async function raceProcesses(options: RaceOptions) {
  const { bin } = options;
  const node = process.execPath;
  const { registry, username, password, pki } = options;
  // skopeo's sandbox is made once, outside the timing: its own HOME, auth file and cert dir.
  const sandbox = join(options.dir, 'skopeo');
  await mkdir(join(sandbox, 'certs'), { recursive: true });
  await writeFile(join(sandbox, 'certs', 'ca.crt'), pki.root.certPem);
  const skopeoEnv = { ...process.env, HOME: sandbox, XDG_RUNTIME_DIR: sandbox, XDG_CONFIG_HOME: sandbox };
  const compileCache = { ...process.env, NODE_COMPILE_CACHE: join(options.dir, 'compile-cache') };
  const validateArgs = [
    bin,
    'validate',
    registry.endpoint,
    '-u',
    username,
    '--password-stdin',
    '--ca-file',
    pki.root.cert,
    ...(options.validateExtraArgs ?? []),
  ];
  const all: Contender[] = [
    { id: 'regdesk', label: '`regdesk validate`', command: node, args: validateArgs, stdin: password },
    {
      id: 'skopeo',
      label: '`skopeo login`',
      command: 'skopeo',
      args: ['login', '--authfile', join(sandbox, 'auth.json'), '-u', username, '--password-stdin', '--cert-dir', join(sandbox, 'certs'), registry.hostPort],
      stdin: password,
      env: skopeoEnv,
    },
    { id: 'nodeBare', label: "`node -e ''` (Node start and exit alone)", command: node, args: ['-e', ''] },
    { id: 'regdeskVersion', label: '`regdesk --version` (launcher and command-line entry)', command: node, args: [bin, '--version'] },
    { id: 'validateHelp', label: '`regdesk validate --help` (plus loading the validation engine)', command: node, args: [bin, 'validate', '--help'] },
    {
      id: 'regdeskCompileCache',
      label: '`regdesk validate` with `NODE_COMPILE_CACHE` (V8 code cache on disk)',
      command: node,
      args: validateArgs,
      stdin: password,
      env: compileCache,
    },
    {
      id: 'regdeskCaOnly',
      label: '`regdesk validate --ca-only` (trusts only the CA file: no system CA store)',
      command: node,
      args: [...validateArgs, '--ca-only'],
      stdin: password,
    },
    {
      id: 'regdeskBoth',
      label: '`regdesk validate --ca-only` with `NODE_COMPILE_CACHE`',
      command: node,
      args: [...validateArgs, '--ca-only'],
      stdin: password,
      env: compileCache,
    },
  ];
  const contenders = options.coreOnly ? all.filter((c) => ['regdesk', 'skopeo', 'nodeBare'].includes(c.id)) : all;

  const samples = new Map<string, number[]>(contenders.map((c) => [c.id, []]));
  for (let round = 0; round < WARM_UP_ROUNDS + options.rounds; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const contender = contenders[(round + k) % contenders.length]!;
      const started = performance.now();
      const result = await runCommand(contender.command, contender.args, {
        ...(contender.stdin !== undefined ? { stdin: contender.stdin } : {}),
        ...(contender.env ? { env: contender.env } : {}),
      });
      const elapsed = performance.now() - started;
      if (result.exitCode !== 0) {
        throw new Error(`${contender.label} exited with ${result.exitCode}: ${(result.stdout + result.stderr).slice(0, 500)}`);
      }
      if (round >= WARM_UP_ROUNDS) samples.get(contender.id)!.push(elapsed);
    }
  }

  const med = (id: string) => median(samples.get(id)!);
  const ratio = med('regdesk') / med('skopeo');
  const maxRatio = options.maxRatio;
  const rows: Row[] = [
    {
      measure: `\`regdesk validate\` vs \`skopeo login\` ${options.where}, whole process, median`,
      value: `${ms(med('regdesk'))} vs ${ms(med('skopeo'))}: ratio ${ratio.toFixed(2)}`,
      budget: `≤ ${maxRatio.toFixed(1)} ×`,
      verdict: atMost(ratio, maxRatio, (x) => `${x.toFixed(2)} ×`),
      note: `${options.rounds} interleaved rounds after ${WARM_UP_ROUNDS} warm-up, order rotated each round; both exit 0 on the same Basic TLS registry`,
    },
    ...contenders
      .filter((c) => !['regdesk', 'skopeo'].includes(c.id))
      .map((c) => ({
        measure: `where the time goes ${options.where}: ${c.label}`,
        value: ms(med(c.id)),
        budget: '—',
        verdict: 'reported',
        note: 'median, same rounds',
      })),
  ];
  const gaps: Gap[] = [];
  if (ratio > maxRatio) gaps.push(closingGap(ratio, maxRatio, med, options));
  return { rows, gaps, raw: { rounds: options.rounds, warmUpRounds: WARM_UP_ROUNDS, samplesMs: Object.fromEntries(samples) } };
}

function closingGap(ratio: number, maxRatio: number, med: (id: string) => number, options: RaceOptions): Gap {
  if (options.coreOnly) {
    return {
      measure: `\`regdesk validate\` vs \`skopeo login\` ${options.where}`,
      missedBy: `ratio ${ratio.toFixed(2)} against at most ${maxRatio.toFixed(1)} (${ms(med('regdesk'))} vs ${ms(med('skopeo'))})`,
      close:
        `Node alone needs ${ms(med('nodeBare'))} to start and exit. regdesk also reads the base path and the packs ` +
        '(catalog and tags: two round trips skopeo does not make); the loopback rows of the validation section say where the rest goes.',
    };
  }
  const skopeo = med('skopeo');
  const regdesk = med('regdesk');
  const nodeBare = med('nodeBare');
  const entry = med('regdeskVersion') - nodeBare;
  const engineLoad = med('validateHelp') - med('regdeskVersion');
  const work = regdesk - med('validateHelp');
  const versus = (id: string) => {
    const delta = med(id) - regdesk;
    if (Math.abs(delta) < 1) return `${ms(med(id))} (no change in this run)`;
    return `${ms(med(id))} (${delta < 0 ? `−${ms(-delta)}` : `+${ms(delta)}, no gain in this run`})`;
  };
  const allowed = skopeo * maxRatio;
  const floor =
    nodeBare >= allowed
      ? `Node alone needs ${ms(nodeBare)} to start and exit, already ${(nodeBare / skopeo).toFixed(2)} × skopeo's whole login: no Node.js command line can reach ${maxRatio.toFixed(1)} × here.`
      : `Node alone needs ${ms(nodeBare)} to start and exit, so a Node.js command line has ${ms(allowed - nodeBare)} left for everything else to reach ${maxRatio.toFixed(1)} ×.`;
  return {
    measure: `\`regdesk validate\` vs \`skopeo login\` ${options.where}`,
    missedBy: `ratio ${ratio.toFixed(2)} against at most ${maxRatio.toFixed(1)} (${ms(regdesk)} vs ${ms(skopeo)}, +${ms(regdesk - skopeo)})`,
    close:
      `Where regdesk's ${ms(regdesk)} go (differences of medians): Node start ${ms(nodeBare)}, launcher and command-line entry ${ms(entry)}, ` +
      `loading the validate command and engine ${ms(engineLoad)}, running the validation ${ms(work)}. ${floor} ` +
      `Already in place: V8's compile cache (bin/regdesk.js enables it; forcing \`NODE_COMPILE_CACHE\` as well: ${versus('regdeskCompileCache')}), ` +
      `the system CA store read only when the supplied CA does not anchor the chain (trusting only the CA file, \`--ca-only\`: ${versus('regdeskCaOnly')}; ` +
      `both: ${versus('regdeskBoth')}), the AWS SDK and the PKCS#7 parser loaded only on their paths. ` +
      'What is left: loading the engine (zod schemas and undici evaluated at start; a Node single-executable application with a ' +
      'start-up snapshot would take most of it), the validation itself (one TLS handshake: the TLS step\'s, ' +
      'whose connection then carries the HTTP requests), and Node\'s own ' +
      'start-up, below which only a native binary (as skopeo is) can go.',
  };
}
