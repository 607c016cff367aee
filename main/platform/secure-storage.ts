import { safeStorage } from 'electron';
import type { KeychainStatus } from '../../shared/model/app-info';
import { isKeychainBackend } from '../services/secrets/secret-cipher';

/**
 * What Electron's safeStorage is backed by. On Linux, `basic_text` encrypts with a hard-coded
 * password (Electron safeStorage docs), so it counts as no keychain at all.
 */
export async function electronSecureStorageStatus(platform: NodeJS.Platform): Promise<KeychainStatus> {
  const available = await safeStorage.isAsyncEncryptionAvailable();
  if (platform === 'darwin') {
    return status(available, 'macos_keychain', available, 'macOS Keychain');
  }
  if (platform === 'win32') {
    return status(available, 'windows_dpapi', available, 'Windows Data Protection (DPAPI)');
  }
  const backend = safeStorage.getSelectedStorageBackend();
  const persistent = available && isKeychainBackend(backend);
  const description = persistent ? `Desktop keyring (${backend})` : 'No desktop keyring found: secrets would only be obfuscated on disk';
  return status(available, backend, persistent, description);
}

function status(available: boolean, backend: string, persistent: boolean, description: string): KeychainStatus {
  return { available, backend, persistent, description };
}
