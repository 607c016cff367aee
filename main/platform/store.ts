import ElectronStore from 'electron-store';
import { storeOptions, type StoreShape } from '../services/store/store-options';

/** electron-store is conf with Electron's userData folder; the options are the services' own. */
export function openElectronStore(userDataDir: string): ElectronStore<StoreShape> {
  const { configName, ...options } = storeOptions(userDataDir);
  return new ElectronStore<StoreShape>({ ...options, name: configName });
}
