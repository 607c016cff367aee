// Main's services over a real data folder, reached the way the window reaches them: every call
// goes through main/ipc/register's handlers (sender check, input schema, output schema), with
// the native dialogs replaced by the harness's seams and a real AES-GCM cipher for the keychain.
import Conf from 'conf';
import { AppErrorException } from '../../../shared/errors';
import { channels, type InputOf, type MethodName, type OutputOf } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import { trustOrigin, type Invoke } from '../../../main/ipc/handle';
import { register } from '../../../main/ipc/register';
import { createServices, type Services } from '../../../main/services';
import type { SecretCipher } from '../../../main/services/secrets/secret-cipher';
import { openAppStorage } from '../../../main/services/store/app-storage';
import { AesGcmTestCipher } from '../../fixtures/aes-gcm-cipher';
import { createFilePickSeam, type FilePickSeam } from '../../harness/file-pick-seam';
import { createFileSaveSeam, type FileSaveSeam } from '../../harness/file-save-seam';

const ORIGIN = 'app://regdesk';

export interface IpcSession {
  services: Services;
  filePicker: FilePickSeam;
  fileSaver: FileSaveSeam;
  /** What main logged (handler failures): checked for leaks like everything else. */
  logged: string[];
  /** Every event main sent to the window (validation progress…), as JSON. */
  emitted: string[];
  /** Calls a channel as the window would and unwraps the envelope (an AppErrorException on failure). */
  call<M extends MethodName>(method: M, ...input: undefined extends InputOf<M> ? [InputOf<M>?] : [InputOf<M>]): Promise<OutputOf<M>>;
  /** The envelope itself, for malformed input. */
  raw(method: MethodName, input: unknown): Promise<Result<unknown>>;
  close(): void;
}

/** `cipher`: pass the same one to a session opened again on the folder for "same keychain" (a restart). */
export function openIpcSession(dataDir: string, options: { cipher?: SecretCipher } = {}): IpcSession {
  const storage = openAppStorage(dataDir, { open: (options) => new Conf(options), watch: false });
  const filePicker = createFilePickSeam();
  const fileSaver = createFileSaveSeam();
  const services = createServices({
    appInfo: { name: 'Pack Registry Desk', version: '0.0.0-test', platform: process.platform, host: 'harness' },
    store: storage.store,
    secrets: { store: storage.secretsStore, cipher: options.cipher ?? new AesGcmTestCipher() },
    storageNotices: storage.storageNotices,
    env: {},
    filePicker,
    fileSaver,
  });
  const routes = new Map<string, Invoke>();
  const logged: string[] = [];
  const emitted: string[] = [];
  const log = { warn: (m: string) => logged.push(m), error: (m: string) => logged.push(m) };
  const unregister = register(
    {
      handle: (channel, invoke) => routes.set(channel, invoke),
      emit: (channel, payload) => emitted.push(`${channel} ${JSON.stringify(payload)}`),
    },
    services,
    {
      isTrustedSender: trustOrigin(ORIGIN),
      log,
    },
  );
  const raw = (method: MethodName, input: unknown) => routes.get(channels[method].channel)!(`${ORIGIN}/index.html`, input);
  return {
    services,
    filePicker,
    fileSaver,
    logged,
    emitted,
    async call(method, ...input) {
      const result = await raw(method, input[0]);
      if (!result.ok) throw new AppErrorException(result.error);
      return result.data as OutputOf<typeof method>;
    },
    raw,
    close() {
      unregister();
      storage.store._closeWatcher();
    },
  };
}
