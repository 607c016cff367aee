import Conf from 'conf';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { trustOrigin, type Invoke } from '../../../main/ipc/handle';
import { register } from '../../../main/ipc/register';
import { createServices, type Services } from '../../../main/services';
import type { FilePicker, FilePickRequest } from '../../../main/services/file-picker';
import type { FileSaveRequest, FileSaver } from '../../../main/services/file-saver';
import { openAppStorage } from '../../../main/services/store/app-storage';
import { channels, type MethodName } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import { AesGcmTestCipher } from '../../fixtures/aes-gcm-cipher';
import { canarySecret } from '../../fixtures/canary';
import type { SampleStore } from '../../fixtures/ipc-samples';
import { createTempDir, type TempDir } from '../../fixtures/temp-dir';

export const APP_SENDER = 'app://regdesk/index.html';

/**
 * main's own register() over real services in a temp data folder holding two registries with
 * stored secrets, bound to a binder that records what was bound and emitted, with file dialogs
 * that record being asked. The sweeps check that nothing they send changes any of it.
 */
export interface SweepWorld {
  store: SampleStore;
  /** The secrets planted in the store; no answer may contain one. */
  canaries: string[];
  /** The channel strings register() bound, in order. */
  bound: string[];
  invoke(method: MethodName, input: unknown): Promise<Result<unknown>>;
  /** Events register() emitted (registries:changed…). */
  emitted: string[];
  /** File dialogs the services opened. */
  dialogs: Array<FilePickRequest | FileSaveRequest>;
  /** Lines the IPC layer logged (unexpected failures end up here). */
  logged: string[];
  /** sha256 of every file in the data folder, by name. */
  fingerprint(): Promise<Record<string, string>>;
  close(): Promise<void>;
}

export async function openSweepWorld(): Promise<SweepWorld> {
  const temp: TempDir = await createTempDir('ipc-sweep');
  const dialogs: SweepWorld['dialogs'] = [];
  const filePicker: FilePicker = {
    pickFile: async (request) => (dialogs.push(request), { canceled: true }),
  };
  const fileSaver: FileSaver = {
    saveFile: async (request) => (dialogs.push(request), { canceled: true }),
  };
  const storage = openAppStorage(temp.path, { open: (options) => new Conf(options), watch: false });
  const services: Services = createServices({
    appInfo: { name: 'Pack Registry Desk', version: '0.0.0-test', platform: process.platform, host: 'harness' },
    store: storage.store,
    secrets: { store: storage.secretsStore, cipher: new AesGcmTestCipher() },
    storageNotices: storage.storageNotices,
    filePicker,
    fileSaver,
    // No proxy from the environment: nothing here may leave the machine.
    env: {},
  });
  const store = await seed(services);
  const canaries = [canarySecret('password'), canarySecret('aws-secret')];
  await services.secrets.set({ registryId: store.basicId, field: 'password' }, canaries[0]!, 'persist');
  await services.secrets.set({ registryId: store.ecrId, field: 'awsSecretAccessKey' }, canaries[1]!, 'persist');

  const routes = new Map<string, Invoke>();
  const bound: string[] = [];
  const emitted: string[] = [];
  const logged: string[] = [];
  const unregister = register(
    {
      handle: (channel, invoke) => (bound.push(channel), routes.set(channel, invoke)),
      emit: (channel) => emitted.push(channel),
    },
    services,
    { isTrustedSender: trustOrigin('app://regdesk'), log: { warn: (m) => logged.push(m), error: (m) => logged.push(m) } },
  );

  return {
    store,
    canaries,
    bound,
    emitted,
    dialogs,
    logged,
    invoke(method, input) {
      const route = routes.get(channels[method].channel);
      if (!route) throw new Error(`register() bound no handler for ${channels[method].channel}`);
      return route(APP_SENDER, input);
    },
    fingerprint: () => fingerprintFolder(temp.path),
    async close() {
      unregister();
      storage.store._closeWatcher();
      await temp.cleanup();
    },
  };
}

async function seed(services: Services): Promise<SampleStore> {
  const basic = await services.registries.create({
    type: 'basic',
    name: 'harbor-packs',
    scope: 'system',
    endpoint: 'https://harbor.example.test',
    baseContentPath: 'spectro',
    username: 'robot$packs',
    tls: { insecureSkipVerify: false },
  });
  const ecr = await services.registries.create({
    type: 'ecr',
    name: 'ecr-packs',
    scope: 'tenant',
    endpoint: '123456789012.dkr.ecr.us-east-1.amazonaws.com',
    baseContentPath: 'production',
    isPrivate: true,
    awsAuth: { method: 'credentials', accessKeyId: 'AKIAIOSFODNN7EXAMPLE' },
    tls: { insecureSkipVerify: false },
  });
  return { basicId: basic.record.id, ecrId: ecr.record.id, basicName: basic.record.name, ecrName: ecr.record.name };
}

export async function fingerprintFolder(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  const hashes: Record<string, string> = {};
  for (const file of files.sort()) {
    hashes[file.slice(dir.length + 1)] = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
  }
  return hashes;
}
