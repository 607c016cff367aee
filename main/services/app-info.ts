import type { AppInfo, SecureStorageStatus } from '../../shared/model/app-info';

export interface AppInfoPorts {
  name: string;
  version: string;
  platform: string;
  host: AppInfo['host'];
  /** Asked each time: on Linux the keychain backend is only known once the app is ready. */
  secureStorageStatus(): Promise<SecureStorageStatus>;
}

export function createAppInfoService(ports: AppInfoPorts) {
  return {
    async info(): Promise<AppInfo> {
      const { name, version, platform, host } = ports;
      return { name, version, platform, host, secureStorage: await ports.secureStorageStatus() };
    },
  };
}
export type AppInfoService = ReturnType<typeof createAppInfoService>;
