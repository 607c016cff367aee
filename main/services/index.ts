import type Conf from 'conf';
import { createAppInfoService, type AppInfoPorts } from './app-info';
import { createValidationService } from './oci/validation-service';
import { createRegistryRepository } from './store/registry-repository';
import type { StoreShape } from './store/store-options';

/** Everything main's IPC, the browser harness and the command line call. No Electron in here. */
export interface ServicePorts {
  appInfo: AppInfoPorts;
  store: Conf<StoreShape>;
  /** Where proxy settings (HTTPS_PROXY, NO_PROXY…) come from; process.env unless a test says otherwise. */
  env?: NodeJS.ProcessEnv;
}

export function createServices(ports: ServicePorts) {
  return {
    app: createAppInfoService(ports.appInfo),
    registries: createRegistryRepository(ports.store),
    validation: createValidationService(ports.env),
  };
}
export type Services = ReturnType<typeof createServices>;
