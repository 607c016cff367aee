// Run as a child process by store-survives-sigkill.test.ts: writes through the real services, as
// fast as it can, until it is killed. Prints "writing" once the first change is on disk.
import Conf from 'conf';
import { RegistryDraftSchema } from '../../../shared/model/registry-draft';
import { createRegistrySecrets } from '../../../main/services/secrets/registry-secrets';
import { createSecretVault } from '../../../main/services/secrets/secret-vault';
import { openAppStorage } from '../../../main/services/store/app-storage';
import { createRegistryRecords } from '../../../main/services/store/registry-records';
import { createRegistryRepository } from '../../../main/services/store/registry-repository';
import { createSettingsService } from '../../../main/services/store/settings-service';
import { createStoreLock } from '../../../main/services/store/store-lock';
import { createWriteQueue } from '../../../main/services/store/write-queue';
import { AesGcmTestCipher } from '../../fixtures/aes-gcm-cipher';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: store-writer-child <data-dir>');
// Wired like createServices() minus the validation engine, whose HTTP stack would double the
// start-up time of the 200 processes this test starts.
const lockTimings = { staleMs: 2_000 };
const storage = openAppStorage(dataDir, { open: (options) => new Conf(options), watch: false, lock: lockTimings });
// Holding the data folder's lock, as createServices() does; most kills land while it is held, so
// each next writer must recover a dead holder's lock. The shortest staleness proper-lockfile
// allows keeps 200 recoveries within the test's time.
const queue = createWriteQueue(createStoreLock(dataDir, lockTimings));
const now = () => new Date();
const settings = createSettingsService(storage.store, queue);
const records = createRegistryRecords(storage.store, now);
const cipher = new AesGcmTestCipher({ backend: 'gnome_libsecret' });
const vault = createSecretVault({ file: () => storage.secretsStore, cipher, settings: settings.get, now });
const registries = createRegistryRepository({ records, vault, queue });
const secrets = createRegistrySecrets({ records, vault, queue });
const tag = `${process.pid}`;
const MAX_REGISTRIES = 12;

async function oneChange(n: number): Promise<void> {
  const all = registries.list();
  const some = all[n % Math.max(all.length, 1)];
  switch (n % 6) {
    case 0:
    case 1:
      if (all.length < MAX_REGISTRIES) {
        await registries.create(
          RegistryDraftSchema.parse({
            type: n % 2 ? 'basic' : 'ecr',
            name: `r-${tag}-${n}`,
            scope: n % 4 < 2 ? 'system' : 'tenant',
            endpoint: `https://registry-${n}.example.test`,
            baseContentPath: `path-${n}`,
            ...(n % 2 ? { username: `user-${n}` } : { isPrivate: true }),
          }),
        );
      } else if (some) {
        await registries.delete(some.id);
      }
      return;
    case 2:
      if (some)
        await secrets.set(
          { registryId: some.id, field: some.type === 'basic' ? 'password' : 'awsSecretAccessKey' },
          `secret-${n}`,
          'persist',
        );
      return;
    case 3:
      // Parsed as the IPC layer would, which drops the record's id and timestamps.
      if (some)
        await registries.update(
          some.id,
          RegistryDraftSchema.parse({ ...some, name: `${some.name.slice(0, 60)}-e${n}`, baseContentPath: `edited-${n}` }),
        );
      return;
    case 4:
      if (some && all.length < MAX_REGISTRIES) await registries.duplicate(some.id, `d-${tag}-${n}`);
      else if (some) await registries.delete(some.id);
      return;
    default:
      await settings.update({ allowInsecureSecretStorage: n % 2 === 0 });
  }
}

for (let n = 0; ; n++) {
  await oneChange(n);
  if (n === 0) process.stdout.write('writing\n');
}
