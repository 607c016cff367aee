import { defineCommand, usageErrorFor, type Command } from './command';
import { quoted, readProcessStdin, type CommandIo } from './io';
import { terminalOutput } from './terminal-text';

declare const __APP_VERSION__: string;

/**
 * Every command, by name, and where its code is. Its options and usage live with that code
 * (`regdesk NAME --help`). Each is loaded only when asked for, so `regdesk --version` does not pay
 * for the validation engine.
 */
const LOADERS: Readonly<Record<string, () => Promise<Command>>> = {
  validate: async () => (await import('./validate-command')).validateCommand,
  list: async () => (await import('./store-commands')).listCommand,
  export: async () => (await import('./export-command')).exportCommand,
  import: async () => (await import('./import-command')).importCommand,
  publish: async () => (await import('./publish-command')).publishCommand,
  info: async () => (await import('./store-commands')).infoCommand,
  diagnostics: async () => (await import('./diagnostics-command')).diagnosticsCommand,
  help: async () => helpCommand,
};

export const COMMANDS: ReadonlyArray<{ name: string; load(): Promise<Command> }> = Object.entries(LOADERS).map(([name, load]) => ({
  name,
  load,
}));

const USAGE = `Usage: regdesk <command> [options]

Commands:
  validate ENDPOINT [options]             Check a registry the way Palette will use it
  validate --file DRAFTS.json             … or a registry from a draft file
                                          (regdesk validate --help for its options)
  list [--scope system|tenant] [--json]   List the stored pack registries
  export [--format palette|terraform|draft] [--include-secrets]
                                          Write stored registries as Palette API
                                          requests, Terraform or a draft file
  import FILE [--on-conflict rename|skip|fail]
                                          Import the registries of a draft file
  publish NAME... --palette-url URL [--wait-sync] [--dry-run]
                                          Create or update registries in Palette
                                          and follow their sync
  info [--json]                           Show version, platform and where data is kept
  diagnostics [--output FILE]             Write a redacted diagnostics file for a
                                          support request
  help [COMMAND]                          Show this help, or a command's options

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
