import type { KeychainStatus, SecretPolicy, SecureStorageStatus } from '../../../shared/model/app-info';
import type { Settings } from '../../../shared/model/settings';

/**
 * Decides what saving a secret means here (docs/reference/electron.md#safestorage): with a keychain, encrypt and save;
 * without one (Linux `basic_text`), refuse by default and keep secrets for the session only, unless
 * the admin explicitly opted in; with no encryption at all, session only, whatever the setting.
 */
export function secureStorageStatus(keychain: KeychainStatus, settings: Settings): SecureStorageStatus {
  const canOptIn = keychain.available && !keychain.persistent;
  const policy: SecretPolicy =
    keychain.available && keychain.persistent
      ? 'keychain'
      : canOptIn && settings.allowInsecureSecretStorage
        ? 'insecure-opt-in'
        : 'session-only';
  const description = `${keychain.description.replace(/\.$/, '')}. ${policySentence(policy, canOptIn)}`;
  return { ...keychain, policy, canOptIn, description };
}

function policySentence(policy: SecretPolicy, canOptIn: boolean): string {
  switch (policy) {
    case 'keychain':
      return 'Saved secrets are encrypted with it.';
    case 'insecure-opt-in':
      return 'You allowed saving secrets without a keychain: anyone who can read your files can recover them.';
    case 'session-only':
      return canOptIn
        ? 'Secrets are kept for this session only unless you allow saving them without a keychain.'
        : 'Secrets are kept for this session only.';
  }
}
