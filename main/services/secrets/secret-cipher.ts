import { AppErrorException, appError } from '../../../shared/errors';
import type { KeychainStatus } from '../../../shared/model/app-info';

/**
 * The port the vault encrypts through. In the app it is Electron's safeStorage (async API,
 * main/platform/safe-storage-cipher.ts); in tests and the browser harness a real AES-256-GCM
 * cipher (test/fixtures/aes-gcm-cipher.ts). Nothing here ever sees a key.
 */
export interface SecretCipher {
  status(): Promise<KeychainStatus>;
  encrypt(plain: string): Promise<Buffer>;
  /** Throws when the data does not decrypt (another keychain, tampered, truncated). */
  decrypt(data: Buffer): Promise<{ plain: string; shouldReEncrypt: boolean }>;
}

/**
 * Electron's Linux backends that are not a keychain: `basic_text` encrypts with a hard-coded
 * password (Electron safeStorage docs), and `unknown` is what it says before the app is ready.
 */
export function isKeychainBackend(backend: string): boolean {
  return backend !== 'basic_text' && backend !== 'unknown';
}

/** For hosts with no keychain access at all (the command line): it reports why and encrypts nothing. */
export function unavailableCipher(status: () => Promise<KeychainStatus>): SecretCipher {
  const refuse = async (): Promise<never> => {
    throw new AppErrorException(appError('SECRET_STORAGE_UNAVAILABLE'));
  };
  return { status, encrypt: refuse, decrypt: refuse };
}
