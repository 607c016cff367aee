import { quoted, readProcessStdin, type CommandIo } from './io';
import { terminalOutput } from './terminal-text';

declare const __APP_VERSION__: string;

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

Options:
  --data-dir DIR   Use DIR instead of the desktop app's data folder (list, info,
                   export, import, publish, diagnostics)
  -h, --help       Show this help
  -v, --version    Show the version

Environment:
  REGDESK_USER_DATA_DIR   The data folder when --data-dir is not given, as for
                          the desktop app; an absolute path
`;

type Output = CommandIo['out'];

/**
 * Exit codes: 0 done, 1 the operation failed, 2 the command line was wrong. Each command is
 * loaded only when asked for, so `regdesk --version` does not pay for the validation engine.
 */
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
    case 'validate':
      return (await import('./validate-command')).validateCommand(rest, io);
    case 'export':
      return (await import('./export-command')).exportCommand(rest, io);
    case 'import':
      return (await import('./import-command')).importCommand(rest, io);
    case 'publish':
      return (await import('./publish-command')).publishCommand(rest, io);
    case 'diagnostics':
      return (await import('./diagnostics-command')).diagnosticsCommand(rest, io);
    case 'list':
    case 'info':
      return (await import('./store-commands')).storeCommand(command, rest, io);
    default:
      err.write(`regdesk: unknown command ${quoted(command)}\n\n${USAGE}`);
      return 2;
  }
}
