import { defineCommand, usageErrorFor, type Command } from './command';
import { quoted, readProcessStdin, type CommandIo } from './io';
import { terminalOutput } from './terminal-text';

declare const __APP_VERSION__: string;

/**
 * Every command, declared once: how `regdesk help` shows it, and where its code is. Its options
 * and usage live with that code (`regdesk NAME --help`). Each is loaded only when asked for, so
 * `regdesk --version` does not pay for the validation engine.
 */
export const COMMANDS: ReadonlyArray<{ name: string; synopsis: string; summary: string; load(): Promise<Command> }> = [
  {
    name: 'validate',
    synopsis: 'validate ENDPOINT [options]\nvalidate --file DRAFTS.json',
    summary: 'Check a registry the way Palette will use it\n… or a registry from a draft file\n(regdesk validate --help for its options)',
    load: async () => (await import('./validate-command')).validateCommand,
  },
  {
    name: 'list',
    synopsis: 'list [--scope system|tenant] [--json]',
    summary: 'List the stored pack registries',
    load: async () => (await import('./store-commands')).listCommand,
  },
  {
    name: 'export',
    synopsis: 'export [--format palette|terraform|draft] [--include-secrets]',
    summary: 'Write stored registries as Palette API\nrequests, Terraform or a draft file',
    load: async () => (await import('./export-command')).exportCommand,
  },
  {
    name: 'import',
    synopsis: 'import FILE [--on-conflict rename|skip|fail]',
    summary: 'Import the registries of a draft file',
    load: async () => (await import('./import-command')).importCommand,
  },
  {
    name: 'publish',
    synopsis: 'publish NAME... --palette-url URL [--wait-sync] [--dry-run]',
    summary: 'Create or update registries in Palette\nand follow their sync',
    load: async () => (await import('./publish-command')).publishCommand,
  },
  {
    name: 'info',
    synopsis: 'info [--json]',
    summary: 'Show version, platform and where data is kept',
    load: async () => (await import('./store-commands')).infoCommand,
  },
  {
    name: 'diagnostics',
    synopsis: 'diagnostics [--output FILE]',
    summary: 'Write a redacted diagnostics file for a\nsupport request',
    load: async () => (await import('./diagnostics-command')).diagnosticsCommand,
  },
  {
    name: 'help',
    synopsis: 'help [COMMAND]',
    summary: "Show this help, or a command's options",
    load: async () => helpCommand,
  },
];

const SUMMARY_COLUMN = 42;

/** A command's lines under "Commands:": synopsis and summary side by side, a long synopsis on a line of its own. */
function commandLines({ synopsis, summary }: (typeof COMMANDS)[number]): string[] {
  const left = synopsis.split('\n').map((line) => `  ${line}`);
  const right = summary.split('\n');
  if (left.some((line) => line.length >= SUMMARY_COLUMN)) right.unshift('');
  const lines: string[] = [];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const text = right[i] ? `${(left[i] ?? '').padEnd(SUMMARY_COLUMN)}${right[i]}` : (left[i] ?? '');
    lines.push(text);
  }
  return lines;
}

const USAGE = `Usage: regdesk <command> [options]

Commands:
${COMMANDS.flatMap(commandLines).join('\n')}

Options:
  --data-dir DIR   Use DIR instead of the desktop app's data folder (list, info,
                   export, import, publish, diagnostics)
  -h, --help       Show this help
  -v, --version    Show the version

Environment:
  REGDESK_USER_DATA_DIR   The data folder when --data-dir is not given, as for
                          the desktop app; an absolute path
`;

const HELP_USAGE = `Usage: regdesk help [COMMAND]

Shows the commands, or with COMMAND the options of that command (as regdesk COMMAND --help).
`;

/** `regdesk help [COMMAND]`: the words people try before `--help`. */
const helpCommand: Command = defineCommand({
  name: 'help',
  usage: HELP_USAGE,
  options: {},
  allowPositionals: true,
  run: async ({ positionals }, io) => {
    const [name, extra] = positionals;
    if (extra !== undefined) return usageErrorFor('help')(io, `unexpected argument ${quoted(extra)}`);
    if (name === undefined) {
      io.out.write(USAGE);
      return 0;
    }
    const declared = COMMANDS.find((c) => c.name === name);
    if (!declared) return unknownCommand(io, name);
    io.out.write((await declared.load()).spec.usage);
    return 0;
  },
});

function unknownCommand(io: CommandIo, name: string): number {
  io.err.write(`regdesk: unknown command ${quoted(name)}\n\n${USAGE}`);
  return 2;
}

type Output = CommandIo['out'];

/** Exit codes: 0 done, 1 the operation failed, 2 the command line was wrong. */
export async function main(argv: string[], rawOut: Output = process.stdout, rawErr: Output = process.stderr): Promise<number> {
  // Every byte a command prints passes the terminal rule: no caller can forget it.
  const [out, err] = [terminalOutput(rawOut), terminalOutput(rawErr)];
  const io: CommandIo = { out, err, env: process.env, readStdin: readProcessStdin };
  const [command, ...rest] = argv;
  switch (command) {
    case '-v':
    case '--version':
      out.write(`${__APP_VERSION__}\n`);
      return 0;
    case '-h':
    case '--help':
      out.write(USAGE);
      return 0;
    case undefined:
      err.write(USAGE);
      return 2;
  }
  const declared = COMMANDS.find((c) => c.name === command);
  if (!declared) return unknownCommand(io, command);
  return (await declared.load())(rest, io);
}
