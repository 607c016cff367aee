import type { AppInfo, KeychainStatus, SecureStorageStatus, StorageNotice } from '../../shared/model/app-info';

export interface AppInfoPorts {
  name: string;
  version: string;
  platform: string;
  host: AppInfo['host'];
  /**
   * What the host offers for encryption, for hosts that pass no cipher (the command line).
   * Hosts with a cipher report through it instead (SecretCipher.status).
   */
  secureStorageStatus?(): Promise<KeychainStatus>;
}

export interface AppInfoSources {
  /** The keychain and the policy that follows from it and the settings; asked each time (it changes at `ready` and with settings). */
  secureStorage(): Promise<SecureStorageStatus>;
  storageNotices(): StorageNotice[];
}

export function createAppInfoService(ports: AppInfoPorts, sources: AppInfoSources) {
  return {
    async info(): Promise<AppInfo> {
      const { name, version, platform, host } = ports;
      return { name, version, platform, host, secureStorage: await sources.secureStorage(), storageNotices: sources.storageNotices() };
    },
  };
}
export type AppInfoService = ReturnType<typeof createAppInfoService>;
