import Conf from 'conf';
import { parseArgs } from 'node:util';
import { createServices } from '../services';
import { defaultUserDataDir, PRODUCT_NAME } from '../services/app-paths';
import { storeOptions, type StoreShape } from '../services/store/store-options';
import { AppErrorException } from '../../shared/errors';
import { RegistryScopeSchema, type RegistrySummary } from '../../shared/model/registry';
import { validateCommand } from './validate-command';

declare const __APP_VERSION__: string;

const USAGE = `Usage: regdesk <command> [options]

Commands:
  validate ENDPOINT [options]             Check a registry the way Palette will use it
                                          (regdesk validate --help for its options)
  list [--scope system|tenant] [--json]   List the stored pack registries
  info [--json]                           Show version, platform and where data is kept

Options:
  --data-dir DIR   Use DIR instead of the desktop app's data folder
  -h, --help       Show this help
  -v, --version    Show the version
`;

type Output = { write(text: string): unknown };

/** Exit codes: 0 done, 1 the operation failed, 2 the command line was wrong. */
export async function main(argv: string[], out: Output = process.stdout, err: Output = process.stderr): Promise<number> {
  if (argv[0] === 'validate') {
    return validateCommand(argv.slice(1), { out, err, env: process.env, readStdin });
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        scope: { type: 'string' },
        json: { type: 'boolean', default: false },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    err.write(`regdesk: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    out.write(`${__APP_VERSION__}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    (values.help ? out : err).write(USAGE);
    return values.help ? 0 : 2;
  }
  if (rest.length > 0) {
    err.write(`regdesk: unexpected argument "${rest[0]}"\n\n${USAGE}`);
    return 2;
  }

  const dataDir = values['data-dir'] ?? defaultUserDataDir();
  const services = createServices({
    appInfo: {
      name: PRODUCT_NAME,
      version: __APP_VERSION__,
      platform: process.platform,
      host: 'cli',
      secureStorageStatus: async () => ({
        available: false,
        backend: 'none',
        persistent: false,
        description: 'The command line has no access to the desktop keychain; secrets come from flags or the environment.',
      }),
    },
    // The CLI must not keep a file watcher alive after it has answered.
    store: new Conf<StoreShape>({ ...storeOptions(dataDir), watch: false }),
  });

  try {
    switch (command) {
      case 'list': {
        const scope = values.scope === undefined ? undefined : RegistryScopeSchema.safeParse(values.scope);
        if (scope && !scope.success) {
          err.write(`regdesk: --scope must be "system" or "tenant", not "${values.scope}"\n`);
          return 2;
        }
        const registries = services.registries.listSummaries(scope?.data);
        out.write(values.json ? `${JSON.stringify(registries, null, 2)}\n` : formatTable(registries));
        return 0;
      }
      case 'info': {
        const info = { ...(await services.app.info()), dataDir };
        out.write(values.json ? `${JSON.stringify(info, null, 2)}\n` : formatInfo(info));
        return 0;
      }
      default:
        err.write(`regdesk: unknown command "${command}"\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof AppErrorException) {
      const { code, message, remedy } = error.appError;
      err.write(`regdesk: ${message}${remedy ? `\n  ${remedy}` : ''}\n  [${code}]\n`);
      return 1;
    }
    throw error;
  }
}

function formatTable(registries: RegistrySummary[]): string {
  if (registries.length === 0) return 'No pack registries stored.\n';
  const header = ['NAME', 'SCOPE', 'TYPE', 'ENDPOINT', 'BASE PATH', 'VALIDATION'];
  const rows = registries.map((r) => [
    r.name,
    r.scope,
    r.type === 'ecr' ? 'OCI/ECR' : 'OCI/Basic',
    r.endpoint,
    r.baseContentPath || '-',
    r.validation.state,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  return [header, ...rows].map((row) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n') + '\n';
}

function formatInfo(info: { name: string; version: string; platform: string; dataDir: string }): string {
  return `${info.name} ${info.version} (${info.platform})\nData folder: ${info.dataDir}\n`;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
