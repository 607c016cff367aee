import type { FilePicker } from '../file-picker';
import type { FileSaver } from '../file-saver';
import type { RegistrySecrets } from '../secrets/registry-secrets';
import type { RegistryRepository } from '../store/registry-repository';
import { createExportService } from './export-service';
import { createImportService } from './import-service';
import { createPublishService } from './publish-service';

export interface ExportServicesPorts {
  registries: RegistryRepository;
  secrets: RegistrySecrets;
  picker?: FilePicker | undefined;
  saver?: FileSaver | undefined;
  env?: NodeJS.ProcessEnv | undefined;
  now: () => Date;
}

/** Export, import and publish, over the same repository and vault as everything else. */
export function createExportServices(ports: ExportServicesPorts) {
  const { registries, secrets } = ports;
  return {
    exports: createExportService({ registries, secrets, saver: ports.saver, now: ports.now }),
    imports: createImportService({ registries, picker: ports.picker }),
    publish: createPublishService({ registries, secrets, ...(ports.env ? { env: ports.env } : {}) }),
  };
}
