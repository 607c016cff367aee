import Conf from 'conf';
import { AppErrorException, appError } from '../../shared/errors';
import { createServices } from '../services';
import { PRODUCT_NAME } from '../services/app-paths';
import { createStoreLock } from '../services/store/store-lock';
import { findNewerLayout } from '../services/store/app-storage';
import { asFoundOptions, readOnlyStore } from '../services/store/store-layout';
import { storeOptions, type FileStoreOptions, type StoreShape } from '../services/store/store-options';
import { printable, type CommandIo } from './io';

declare const __APP_VERSION__: string;

/**
 * The services a command works with, over the store in `dataDir`: the one set-up every command
 * shares. Store notices (a newer layout, read-only) go to standard error under the command's name.
 */
export function cliServices(command: string, dataDir: string, io: CommandIo) {
  return createServices({
    appInfo: { name: PRODUCT_NAME, version: __APP_VERSION__, platform: process.platform, host: 'cli' },
    store: openStore(dataDir, (text) => io.err.write(`regdesk ${command}: ${printable(text)}\n`)),
    env: io.env,
  });
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
