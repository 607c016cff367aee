import type Conf from 'conf';
import { createAppInfoService, type AppInfoPorts } from './app-info';
import { createRegistryRepository } from './store/registry-repository';
import type { StoreShape } from './store/store-options';

/** Everything main's IPC, the browser harness and the command line call. No Electron in here. */
export interface ServicePorts {
  appInfo: AppInfoPorts;
  store: Conf<StoreShape>;
}

export function createServices(ports: ServicePorts) {
  return {
    app: createAppInfoService(ports.appInfo),
    registries: createRegistryRepository(ports.store),
  };
}
export type Services = ReturnType<typeof createServices>;
