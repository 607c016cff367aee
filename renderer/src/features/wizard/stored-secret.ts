import type { SecretStatus } from '../../../../shared/model/secrets';

/**
 * Why a stored secret cannot be used, in the admin's words. Main decides (the vault); this only
 * words its reason: a secret is sent only to the origin it was entered for.
 */
export function unusableSecretSentence(status: SecretStatus, what: string): string {
  if (status.unusableReason === 'endpoint-changed') {
    const where = status.enteredFor ? ` for ${status.enteredFor}` : ' for another endpoint';
    return `The stored ${what} was entered${where}; the endpoint has changed since, so it is not sent there: enter it again.`;
  }
  return `The stored ${what} can no longer be decrypted here (the keychain changed): enter it again.`;
}
