import type { SafeStorage } from 'electron';
import type { KeychainStatus } from '../../shared/model/app-info';

/** The parts of Electron's safeStorage the verdict reads, passed in so it is tested without Electron. */
export type SafeStorageProbe = Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'getSelectedStorageBackend'>;

/** Encrypted only to read which key provider encrypted it; never stored. */
const PROBE_TEXT = 'regdesk keychain probe';

/**
 * What protects the secrets, decided on Linux from what actually encrypts them.
 *
 * `getSelectedStorageBackend()` names the sync OSCrypt backend, picked from the desktop
 * environment without asking whether a keyring answers; the vault encrypts with the async API,
 * whose Linux providers (Electron `shell/browser/browser_process_impl.cc`, `CreateOSCryptAsync`)
 * are the Secret Service / KWallet provider and, below it, a fallback with a built-in key. Each
 * provider prefixes its ciphertext with its tag (Chromium `components/os_crypt/async/browser/`:
 * `freedesktop_secret_key_provider.cc` "v11", `posix_key_provider.cc` "v10", the key derived from
 * the public password "peanuts"). So a probe encryption says which one is in use; docs/packaging.md
 * (Secrets on Linux) cites the files. The provider is chosen once per process: a keyring unlocked
 * later serves only after a restart.
 */
export async function electronSecureStorageStatus(safeStorage: SafeStorageProbe, platform: NodeJS.Platform): Promise<KeychainStatus> {
  const available = await safeStorage.isAsyncEncryptionAvailable();
  if (platform === 'darwin') return status(available, 'macos_keychain', available, 'macOS Keychain');
  if (platform === 'win32') return status(available, 'windows_dpapi', available, 'Windows Data Protection (DPAPI)');
  if (!available) {
    return status(false, 'unavailable', false, 'Encryption is not available: secrets can be kept for this session only.');
  }
  let tag: string;
  try {
    tag = (await safeStorage.encryptStringAsync(PROBE_TEXT)).subarray(0, 3).toString('latin1');
  } catch {
    return status(false, 'unavailable', false, 'Encryption failed when tried: secrets can be kept for this session only.');
  }
  return linuxVerdict(tag, safeStorage.getSelectedStorageBackend());
}

/** The verdict for the tag a probe ciphertext starts with; `desktopChoice` is what the sync API named, for the wording only. */
export function linuxVerdict(tag: string, desktopChoice: string): KeychainStatus {
  if (tag === 'v11') {
    return status(
      true,
      'desktop_keyring',
      true,
      'Desktop keyring (Secret Service or KWallet): the key comes from the keyring, which answered. How the keyring itself protects it is up to the desktop.',
    );
  }
  if (tag === 'v10') {
    const hint = desktopChoice === 'basic_text' ? 'no keyring was found for this desktop' : `the ${desktopChoice} keyring did not answer`;
    return status(
      true,
      'built_in_key',
      false,
      `No desktop keyring answered (${hint}): secrets would only be obfuscated with a key built into Chromium. Start or unlock the keyring, then restart the app.`,
    );
  }
  return status(
    true,
    'unrecognised',
    false,
    'Secrets would be encrypted with a key this app cannot identify, so it cannot confirm that a keyring protects them.',
  );
}

function status(available: boolean, backend: string, persistent: boolean, description: string): KeychainStatus {
  return { available, backend, persistent, description };
}
