import type Conf from 'conf';
import { AppErrorException, appError } from '../../../shared/errors';
import { SettingsSchema, type Settings, type SettingsUpdate } from '../../../shared/model/settings';
import { networkEnvironment } from './network-settings';
import type { StoreShape } from './store-options';
import type { WriteQueue } from './write-queue';

/** App preferences, kept in the registries file under `settings`. */
export function createSettingsService(store: Conf<StoreShape>, queue: WriteQueue, env: NodeJS.ProcessEnv = process.env) {
  function get(): Settings {
    let raw: unknown;
    try {
      raw = store.get('settings');
    } catch {
      raw = undefined;
    }
    const parsed = SettingsSchema.safeParse(raw ?? {});
    if (!parsed.success) {
      throw new AppErrorException(appError('STORE_UNREADABLE', { remedy: `Check or restore ${store.path}.` }));
    }
    return parsed.data;
  }

  return {
    get,
    /** The environment's proxy variables, for the Settings dialog to say where a validation's proxy comes from. */
    environment: () => networkEnvironment(env),
    update(change: SettingsUpdate): Promise<Settings> {
      return queue.run(() => {
        const next: Settings = { ...get() };
        if (change.allowInsecureSecretStorage !== undefined) next.allowInsecureSecretStorage = change.allowInsecureSecretStorage;
        if (change.network !== undefined) next.network = change.network;
        try {
          store.set('settings', next);
        } catch (error) {
          if (error instanceof AppErrorException) throw error;
          throw new AppErrorException(appError('STORE_WRITE_FAILED'));
        }
        return next;
      });
    },
  };
}
export type SettingsService = ReturnType<typeof createSettingsService>;
