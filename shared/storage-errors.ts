/**
 * Codes for storing registries, settings and secrets. Kept apart from shared/errors.ts only for
 * length: they are part of the same catalog and the same stability promise (never rename one).
 */
export const storageErrors = {
  REGISTRY_NOT_FOUND: {
    message: 'That pack registry is not stored any more.',
    remedy: 'Reload the list: it may have been deleted in another window or by `regdesk`.',
  },
  REGISTRY_NAME_TAKEN: {
    message: 'Another pack registry in this scope already has this name.',
    remedy: 'Choose a different name: names are unique within the system scope and within the tenant scope, as in Palette.',
  },
  STORE_WRITE_FAILED: {
    message: 'The change could not be saved to disk.',
    remedy: 'Check that the disk has free space and that the data folder is writable, then try again.',
  },
  STORE_BUSY: {
    message: 'Another Pack Registry Desk process kept the data folder busy, so nothing was changed.',
    remedy: 'Try again in a moment. If it keeps happening, check whether a `regdesk` command or another app window is stuck, and end it.',
  },
  STORE_READ_ONLY: {
    message: 'The saved registries were written by a newer version of Pack Registry Desk, so this version only reads them.',
    remedy: 'Update Pack Registry Desk to change them. This version leaves the files exactly as they are.',
  },
  STORE_UNSAFE: {
    message: 'The data folder or a store file in it is not safe to use, so nothing was read or written.',
    remedy: 'Follow the remedy given with the check that failed, then start again.',
  },
  SECRETS_UNREADABLE: {
    message: 'The saved secrets could not be read.',
    remedy: 'The unreadable file was kept aside at the backup path shown; enter the registry passwords and keys again.',
  },
  SECRET_STORAGE_INSECURE: {
    message:
      'The secret was not saved: this computer has no keychain, so it could only be obfuscated on disk with a key that is public, not protected.',
    remedy: 'Keep it for this session only, or allow saving secrets without a keychain in the storage settings if you accept that risk.',
  },
  SECRET_STORAGE_UNAVAILABLE: {
    message: 'The secret was not saved: encryption is not available on this computer right now.',
    remedy: 'Keep it for this session only, or unlock or set up the system keychain and restart the app.',
  },
  SECRET_UNUSABLE: {
    message: 'A stored secret can no longer be decrypted, most likely because the system keychain changed.',
    remedy: 'Enter the secret again. The old encrypted copy is kept until you replace or clear it.',
  },
  SECRET_ENDPOINT_CHANGED: {
    message: 'The stored secret was entered for another endpoint, so it is not sent to this one.',
    remedy: 'Enter the password or secret key again for this endpoint; it is then kept for this endpoint only.',
  },
  SECRET_NOT_STORED: {
    message: 'No secret is stored for this registry field.',
    remedy: 'Enter the secret, then try again.',
  },
  SECRET_MISSING: {
    message: 'No password is stored for this registry, so its credentials could not be checked.',
    remedy: 'Edit the registry and enter the password.',
  },
  SECRET_FIELD_NOT_APPLICABLE: {
    message: 'That kind of secret does not belong to this type of registry.',
    remedy: 'Basic registries take a password; ECR registries take an AWS secret access key.',
  },
} as const satisfies Record<string, { message: string; remedy: string }>;
