import type { parseArgs, ParseArgsOptionsConfig } from 'node:util';
import { parseCommandLine } from './args';
import { printable, type CommandIo } from './io';

const HELP = { help: { type: 'boolean', short: 'h', default: false } } as const;

/**
 * How a command reads a password: `--password-stdin` (or REGDESK_PASSWORD, see secretFromStdin).
 * A command declaring it refuses `--password` with PASSWORD_REFUSED.
 */
export const PASSWORD_STDIN_OPTION = { 'password-stdin': { type: 'boolean', default: false } } as const;

/** Why `--password` does not exist, for the commands that read a password. */
const PASSWORD_REFUSED =
  'there is no --password: a password on the command line is kept in shell history and shown in process lists. ' +
  'Use --password-stdin (the password on standard input, e.g. from a file or a secret store) or set REGDESK_PASSWORD';

/** What a command's run receives: parseArgs' values (typed by the options) and positionals. */
export type Parsed<O extends ParseArgsOptionsConfig, P extends boolean = false> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O & typeof HELP; allowPositionals: P }>
>;

/** What a command declares once: its usage text, its options, and what it does with them. */
export interface CommandSpec<O extends ParseArgsOptionsConfig, P extends boolean> {
  name: string;
  /** The text `regdesk NAME --help` and `regdesk help NAME` print; it documents every option. */
  usage: string;
  /** The options as node:util parseArgs takes them; -h/--help is added for every command. */
  options: O;
  allowPositionals?: P;
  run(parsed: Parsed<O, P>, io: CommandIo): Promise<number>;
}

/** A declared command: callable with its arguments, and carrying its declaration for the help and the tests. */
export type Command = ((argv: string[], io: CommandIo) => Promise<number>) & {
  readonly spec: { name: string; usage: string; options: ParseArgsOptionsConfig };
};

/**
 * The one place a command line is parsed: strict options, `--help` answered, and a mistake
 * reported the one way (usageError), before the command's own code runs.
 */
export function defineCommand<const O extends ParseArgsOptionsConfig, const P extends boolean = false>(spec: CommandSpec<O, P>): Command {
  const options = { ...spec.options, ...HELP };
  const usageError = usageErrorFor(spec.name);
  // Options that do not exist on purpose are refused with the sentence that says why and what to
  // use, instead of parseArgs' generic "unknown option" message.
  const refused: Record<string, string> = Object.hasOwn(options, 'password-stdin') ? { password: PASSWORD_REFUSED } : {};
  const run = async (argv: string[], io: CommandIo): Promise<number> => {
    const refusal = refusedOption(argv, refused);
    if (refusal) return usageError(io, refusal);
    const parsed = parseCommandLine({ args: argv, allowPositionals: spec.allowPositionals ?? false, options });
    if ('error' in parsed) return usageError(io, parsed.error);
    if ((parsed.values as { help?: boolean }).help) {
      io.out.write(spec.usage);
      return 0;
    }
    return spec.run(parsed as Parsed<O, P>, io);
  };
  return Object.assign(run, { spec: { name: spec.name, usage: spec.usage, options } });
}

/** `--password` and `--password=…` before any `--` (after it, they are positionals). */
function refusedOption(argv: string[], refused: Record<string, string>): string | undefined {
  for (const arg of argv) {
    if (arg === '--') return undefined;
    const name = /^--([^=]+)/.exec(arg)?.[1];
    if (name !== undefined && Object.hasOwn(refused, name)) return refused[name];
  }
  return undefined;
}

/**
 * The one way a wrong command line is answered: one line naming the command and the mistake
 * (printable, since it may quote what was typed), a pointer to the command's help, exit 2.
 */
export function usageErrorFor(command: string): (io: CommandIo, message: string) => number {
  return (io, message) => {
    io.err.write(`regdesk ${command}: ${printable(message)}\n\nRun "regdesk ${command} --help" for the options.\n`);
    return 2;
  };
}
