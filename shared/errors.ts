import { validationErrors } from './validation-errors';
import { storageErrors } from './storage-errors';
import { certificateErrors } from './certificate-errors';
import { awsErrors } from './aws-errors';
import { exportErrors } from './export-errors';
import { diagnosticsErrors } from './diagnostics-errors';
import { paletteErrors } from './palette-errors';

/**
 * Every failure the app reports carries a stable code, one plain sentence and a remedy.
 * Codes are part of the IPC contract and of `regdesk` output: never rename one, add new ones.
 */
export const errorCatalog = {
  INVALID_INPUT: {
    message: 'The request was not in the expected shape.',
    remedy: 'Correct the highlighted field and try again.',
  },
  FORBIDDEN_SENDER: {
    message: 'The request came from a page that is not part of Pack Registry Desk.',
    remedy: 'Use the app window; other pages may not call the app.',
  },
  UNKNOWN_CHANNEL: {
    message: 'The app was asked for an operation it does not offer.',
    remedy: 'Update the app: the window and the background process are different versions.',
  },
  INTERNAL: {
    message: 'Something unexpected went wrong inside the app.',
    remedy: 'Try again. If it keeps happening, report it with the app log attached.',
  },
  STORE_UNREADABLE: {
    message: 'The saved registries could not be read.',
    remedy: 'The unreadable file was kept aside; restore it from the backup path shown, or start afresh.',
  },
  STARTUP_FAILED: {
    message: 'Pack Registry Desk could not start.',
    remedy: 'Start it again. If it keeps happening, report it with the details above.',
  },
  DATA_FOLDER_UNUSABLE: {
    message: 'Pack Registry Desk could not read or write its data folder, so it did not start.',
    remedy:
      'Check that the folder and the files named above belong to you, are readable and writable, and that none of them is a folder where a file should be; then start the app again.',
  },
  WINDOW_LOAD_FAILED: {
    message: 'The app window could not load its page, so Pack Registry Desk stopped.',
    remedy:
      'Reinstall the app: its files may be incomplete. When running from source, run `npm run build` (or restart `npm run dev`) first.',
  },
  ...validationErrors,
  ...storageErrors,
  ...certificateErrors,
  ...awsErrors,
  ...exportErrors,
  ...diagnosticsErrors,
  ...paletteErrors,
} as const satisfies Record<string, { message: string; remedy: string }>;

export type ErrorCode = keyof typeof errorCatalog;

export interface AppError {
  code: ErrorCode;
  message: string;
  remedy?: string;
  /** Dotted path of the input field at fault, for forms to place the message. */
  field?: string;
}

export function appError(code: ErrorCode, overrides: Partial<Omit<AppError, 'code'>> = {}): AppError {
  const base = errorCatalog[code];
  return { code, message: base.message, remedy: base.remedy, ...overrides };
}

export { AppErrorException } from './app-error-exception';
