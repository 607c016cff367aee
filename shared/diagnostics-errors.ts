/**
 * Codes for the diagnostics export. Kept apart from shared/errors.ts only for length:
 * part of the same catalog and the same stability promise.
 */
export const diagnosticsErrors = {
  DIAGNOSTICS_SAVE_FAILED: {
    message: 'The diagnostics file could not be written.',
    remedy: 'Check that the folder exists and is writable, and that the disk has free space.',
  },
  DIAGNOSTICS_REDACTION_FAILED: {
    message: 'The diagnostics were not exported: a secret was still found in them after redaction.',
    remedy: 'Nothing was written. Report this problem without the file; it is a bug in Pack Registry Desk.',
  },
} as const satisfies Record<string, { message: string; remedy: string }>;
