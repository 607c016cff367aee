import ElectronStore from 'electron-store';
import type { OpenConf } from '../services/store/open-checked-store';

/** electron-store is conf with Electron's userData folder; the options (file, migrations) are the services' own. */
export const openElectronStore: OpenConf = ({ configName, ...options }) => new ElectronStore({ ...options, name: configName });
