import { safeStorage } from 'electron';
import type { SecretCipher } from '../services/secrets/secret-cipher';
import { electronSecureStorageStatus } from './secure-storage';

/**
 * The vault's cipher in the app: Electron safeStorage's async API (the sync calls are deprecated
 * in Electron 45 and removed in 46). Only usable after `ready`.
 */
export function createSafeStorageCipher(platform: NodeJS.Platform): SecretCipher {
  return {
    status: () => electronSecureStorageStatus(safeStorage, platform),
    encrypt: (plain) => safeStorage.encryptStringAsync(plain),
    async decrypt(data) {
      // `shouldReEncrypt` is set after a key rotation; the vault re-encrypts and saves when it is.
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(data);
      return { plain: result, shouldReEncrypt };
    },
  };
}
