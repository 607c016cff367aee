import Conf from 'conf';
import { AppErrorException, appError } from '../../shared/errors';
import { RegistryScopeSchema } from '../../shared/model/registry';
import { createServices } from '../services';
import { PRODUCT_NAME } from '../services/app-paths';
import { createStoreLock } from '../services/store/store-lock';
import { findNewerLayout } from '../services/store/app-storage';
import { asFoundOptions, readOnlyStore } from '../services/store/store-layout';
import { storeOptions, type FileStoreOptions, type StoreShape } from '../services/store/store-options';
import { parseCommandLine } from './args';
import { dataDirOption } from './data-dir';
import { operationFailed, printable, quoted, type CommandIo } from './io';
import { expiryNotices, formatTable } from './list-output';

declare const __APP_VERSION__: string;

const USAGE = {
  list: `Usage: regdesk list [--scope system|tenant] [--json] [--data-dir DIR]

Lists the stored pack registries and where each one's validation stands.

Options:
  --scope SCOPE    Only system or only tenant registries
  --json           Print them as JSON
  --data-dir DIR   Use DIR instead of the desktop app's data folder
`,
  info: `Usage: regdesk info [--json] [--data-dir DIR]

Shows the version, the platform and where the data is kept.

Options:
  --json           Print it as JSON
  --data-dir DIR   Use DIR instead of the desktop app's data folder
`,
};

/** `regdesk list` and `regdesk info`: read-only views of the desktop app's store. */
export async function storeCommand(command: 'list' | 'info', argv: string[], io: CommandIo): Promise<number> {
  const usageError = (message: string) => {
    io.err.write(`regdesk ${command}: ${printable(message)}\n\n${USAGE[command]}`);
    return 2;
  };
  const parsed = parseCommandLine({
    args: argv,
    options: {
      ...(command === 'list' ? { scope: { type: 'string' } } : {}),
      json: { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if ('error' in parsed) return usageError(parsed.error);
  const { values } = parsed;
  if (values.help) {
    io.out.write(USAGE[command]);
    return 0;
  }
  const scopeValue = typeof values['scope'] === 'string' ? values['scope'] : undefined;
  const scope = scopeValue === undefined ? undefined : RegistryScopeSchema.safeParse(scopeValue);
  if (scope && !scope.success) return usageError(`--scope must be "system" or "tenant", not ${quoted(scopeValue!)}`);
  const folder = await dataDirOption(values['data-dir'], { reading: true, env: io.env });
  if ('error' in folder) return usageError(folder.error);
  const dataDir = folder.dir;
  try {
    const services = createServices({
      appInfo: { name: PRODUCT_NAME, version: __APP_VERSION__, platform: process.platform, host: 'cli' },
      store: openStore(dataDir, (text) => io.err.write(`regdesk ${command}: ${printable(text)}\n`)),
    });
    if (command === 'list') {
      const registries = services.registries.listSummaries(scope?.data);
      io.out.write(values.json ? `${JSON.stringify(registries, null, 2)}\n` : formatTable(registries));
      io.err.write(expiryNotices(registries, Date.now()));
    } else {
      const info = { ...(await services.app.info()), dataDir };
      io.out.write(
        values.json ? `${JSON.stringify(info, null, 2)}\n` : `${info.name} ${info.version} (${info.platform})\nData folder: ${dataDir}\n`,
      );
    }
    return 0;
  } catch (error) {
    return operationFailed(io, command, error);
  }
}

/**
 * The command line only reads: a damaged file is reported, never moved aside (the app does that,
 * with the admin watching). No file watcher, so the process ends once it has answered.
 */
export function openStore(dataDir: string, notice?: (text: string) => void): Conf<StoreShape> {
  try {
    // Opening may write (a migration, the defaults of a new file): under the lock, like every write.
    return createStoreLock(dataDir).holdSync(() => {
      const options: FileStoreOptions<StoreShape> = { ...storeOptions(dataDir), watch: false };
      const newer = findNewerLayout(dataDir);
      if (!newer) return new Conf<StoreShape>(options);
      notice?.(
        `the store was written by a newer version of ${PRODUCT_NAME} (store layout ${newer.found}; this version writes ${newer.supported}): read-only`,
      );
      return readOnlyStore(new Conf<StoreShape>(asFoundOptions(options)), newer);
    });
  } catch (error) {
    if (error instanceof AppErrorException) throw error;
    throw new AppErrorException(
      appError('STORE_UNREADABLE', {
        message: `The saved registries in ${dataDir} could not be read: ${(error as Error).message}`,
        remedy: 'Open the desktop app: it keeps the damaged file aside and starts afresh.',
      }),
    );
  }
}
