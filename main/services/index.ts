import Conf from 'conf';
import { dirname } from 'node:path';
import { AppErrorException, appError } from '../../shared/errors';
import type { KeychainStatus, StorageNotice } from '../../shared/model/app-info';
import { createAppInfoService, type AppInfoPorts, type AppInfoService } from './app-info';
import { createRegistryValidation, type RegistryValidation } from './validation/registry-validation';
import { createValidationService, type ValidationService } from './validation/validation-service';
import type { FilePicker } from './file-picker';
import type { FileSaver } from './file-saver';
import { createExportServices } from './export';
import { createDiagnosticsService, type DiagnosticsService } from './diagnostics/diagnostics-service';
import { createValidationJournal } from './diagnostics/validation-journal';
import { createCertificateService, type CertificateService } from './tls/certificate-service';
import { createRegistrySecrets, type RegistrySecrets } from './secrets/registry-secrets';
import { endpointOrigin } from './secrets/endpoint-origin';
import { unavailableCipher, type SecretCipher } from './secrets/secret-cipher';
import { createSecretVault } from './secrets/secret-vault';
import { secretsStoreOptions, type SecretsShape } from './secrets/secrets-file';
import { findNewerLayout } from './store/app-storage';
import { checkDataFolder } from './store/folder-checks';
import { createRegistryRecords } from './store/registry-records';
import { createRegistryRepository, type RegistryRepository } from './store/registry-repository';
import { createSettingsService, type SettingsService } from './store/settings-service';
import { withNetworkSettings } from './store/network-settings';
import { asFoundOptions, readOnlyStore } from './store/store-layout';
import { createStoreLock } from './store/store-lock';
import type { StoreShape } from './store/store-options';
import { createWriteQueue } from './store/write-queue';

/** Everything main's IPC, the browser harness and the command line call. No Electron in here. */
export interface ServicePorts {
  appInfo: AppInfoPorts;
  /** The registries file; `openAppStorage` opens it with recovery from a damaged file. */
  store: Conf<StoreShape>;
  /**
   * The secrets file and the cipher behind it. Left out on the command line, which has no
   * keychain: the secrets file beside the store is then opened on first use, so deleting a
   * registry still deletes its secrets, but nothing can be encrypted or decrypted.
   */
  secrets?: { store: Conf<SecretsShape>; cipher: SecretCipher };
  /** Damaged files moved aside at start (openAppStorage), for `app:info`. */
  storageNotices?: StorageNotice[];
  now?: () => Date;
  /** Where proxy settings (HTTPS_PROXY, NO_PROXY…) come from; process.env unless a test says otherwise. */
  env?: NodeJS.ProcessEnv;
  /** Asks the person for a file (`certs:pick`): the native dialog in Electron, a seam in the harness, none on the command line. */
  filePicker?: FilePicker;
  /** Asks where to save an export or diagnostics (`export:save`, `diagnostics:save`): the native dialog in Electron, a seam in the harness, none on the command line. */
  fileSaver?: FileSaver;
}

/** What main's IPC handlers, the harness and the command line are given: one object per concern. */
export interface Services {
  app: AppInfoService;
  registries: RegistryRepository;
  secrets: RegistrySecrets;
  settings: SettingsService;
  /** Validations of a request (`runValidation`), cancellable by run id; every finished one is journalled. */
  validation: ValidationService;
  /** Validates a stored registry as stored and records the verdict (`validateRegistry`). */
  validateStored: RegistryValidation['validateStored'];
  /** Fills a draft's empty secrets from the vault, for the origin they were entered for. */
  withStoredSecrets: RegistryValidation['withStoredSecrets'];
  certificates: CertificateService;
  exports: ExportServices['exports'];
  imports: ExportServices['imports'];
  publish: ExportServices['publish'];
  diagnostics: DiagnosticsService;
}
type ExportServices = ReturnType<typeof createExportServices>;

const NO_KEYCHAIN: KeychainStatus = { available: false, backend: 'none', persistent: false, description: 'No keychain access' };

export function createServices(ports: ServicePorts): Services {
  const now = ports.now ?? (() => new Date());
  // Every change holds the data folder's lock: the app, `regdesk` and the harness may share one folder.
  const dataDir = dirname(ports.store.path);
  const queue = createWriteQueue(createStoreLock(dataDir));
  const settings = createSettingsService(ports.store, queue, ports.env);
  const records = createRegistryRecords(ports.store, now);
  const { secrets: secretsPort, appInfo } = ports;
  const vault = createSecretVault({
    file: secretsPort ? () => secretsPort.store : secretsFileBeside(ports.store),
    cipher:
      secretsPort?.cipher ?? unavailableCipher(async () => (appInfo.secureStorageStatus ? appInfo.secureStorageStatus() : NO_KEYCHAIN)),
    settings: settings.get,
    registryOrigins: () => new Map(records.list().map((record) => [record.id, endpointOrigin(record.endpoint)])),
    now,
  });
  // The command line opens the secrets file only when it needs it; the app and the harness bind now.
  if (secretsPort) vault.bindOrigins();
  const secrets = createRegistrySecrets({ records, vault, queue });
  const notices = ports.storageNotices ?? [];
  const registries = createRegistryRepository({ records, vault, queue, markMissingSecrets: secretsPort !== undefined });
  const engine = createValidationService({ env: ports.env });
  // Every finished report is kept (scrubbed by the engine, bounded) for the diagnostics file.
  const journal = createValidationJournal({ now });
  engine.onFinished((finished) => journal.record(finished));
  const validation = withNetworkSettings(engine, settings.get);
  const app = createAppInfoService(ports.appInfo, { secureStorage: () => vault.storageStatus(), storageNotices: () => notices });
  return {
    app,
    registries,
    secrets,
    settings,
    validation,
    ...createRegistryValidation({ validation, registries, secrets }),
    certificates: createCertificateService({ picker: ports.filePicker, ...(ports.env ? { env: ports.env } : {}), now }),
    ...createExportServices({ registries, secrets, picker: ports.filePicker, saver: ports.fileSaver, env: ports.env, now }),
    diagnostics: createDiagnosticsService({
      ...{ app, settings, registries, secrets, journal, saver: ports.fileSaver, now },
      storeChecks: () => checkDataFolder(dataDir),
    }),
  };
}

/** Opened lazily and never moved aside from here: the command line reports a damaged file, the app repairs it. */
function secretsFileBeside(store: Conf<StoreShape>): () => Conf<SecretsShape> {
  let file: Conf<SecretsShape> | undefined;
  return () => {
    try {
      if (!file) {
        const dir = dirname(store.path);
        // A newer store is only read: conf would record the older layout version over the newer one on opening.
        const newer = findNewerLayout(dir);
        file = newer
          ? readOnlyStore(new Conf<SecretsShape>(asFoundOptions(secretsStoreOptions(dir))), newer)
          : new Conf<SecretsShape>(secretsStoreOptions(dir));
      }
    } catch {
      throw new AppErrorException(appError('SECRETS_UNREADABLE'));
    }
    return file;
  };
}
