/**
 * Codes for exporting, importing and publishing registries. Kept apart from
 * shared/errors.ts only for length: part of the same catalog and the same stability promise.
 */
export const exportErrors = {
  EXPORT_SECRETS_NOT_IN_DRAFT: {
    message: 'A draft file never holds secrets, so it cannot be exported with them.',
    remedy: 'Export the draft file without secrets, or choose the Palette or Terraform format to include them.',
  },
  EXPORT_SECRET_UNAVAILABLE: {
    message: 'A secret could not be read, so a placeholder was written in its place.',
    remedy: 'Enter the secret again in the desktop app (the command line cannot decrypt secrets), then export again.',
  },
  EXPORT_INCOMPLETE: {
    message: 'This registry is protected but has no AWS authentication configured.',
    remedy: 'Choose Credentials or STS for it, then export again.',
  },
  EXPORT_TOO_LARGE: {
    message: 'A draft file holds at most 10,000 registries and 32 MiB, and this export would be larger.',
    remedy: 'Export each scope, or fewer registries, into separate draft files; import reads them one after the other.',
  },
  EXPORT_SAVE_FAILED: {
    message: 'The exported file could not be written.',
    remedy: 'Check that the folder exists and is writable, and that the disk has free space.',
  },
  IMPORT_TOO_LARGE: {
    message: 'The file is larger than 32 MiB, the most a draft file may hold.',
    remedy: 'Split it: export each scope, or fewer registries, into separate draft files and import them one after the other.',
  },
  IMPORT_NOT_JSON: {
    message: 'The file is not JSON.',
    remedy: 'Choose a draft file exported by Pack Registry Desk; it may have been cut short or edited by hand.',
  },
  IMPORT_NOT_DRAFT_FILE: {
    message: 'The file is not a Pack Registry Desk draft file.',
    remedy: 'Choose a file exported with the draft format ("format": "pack-registry-desk/drafts").',
  },
  IMPORT_VERSION_UNSUPPORTED: {
    message: 'This draft file version is not supported.',
    remedy: 'Update Pack Registry Desk to a version that reads it, or export it again with this version.',
  },
  IMPORT_INVALID: {
    message: 'The draft file holds a value that is not allowed.',
    remedy: 'Correct the value at the place named, or export the file again; nothing was imported.',
  },
  IMPORT_FILE_UNREADABLE: {
    message: 'The draft file could not be read.',
    remedy: 'Check that the file still exists and that your account may read it.',
  },
  IMPORT_CONFLICT_UNRESOLVED: {
    message: 'A registry in the file has the name of a stored one, and no choice was made for it.',
    remedy: 'Choose for each clash: import under a new name, skip it, or replace the stored registry.',
  },
  IMPORT_RENAME_INVALID: {
    message: 'The new name for an imported registry is taken or not allowed.',
    remedy: 'Choose a name of 1 to 128 characters that no other registry in that scope, stored or imported, has.',
  },
  PUBLISH_URL_INVALID: {
    message: 'The Palette address is not a URL this app can use.',
    remedy: 'Enter the address of the Palette instance, e.g. https://palette.example.com.',
  },
  PUBLISH_SCOPE_MISMATCH: {
    message: "The sign-in does not match the registry's scope.",
    remedy: 'System registries are published with the system console login; tenant registries with a tenant API key.',
  },
  PUBLISH_SECRET_MISSING: {
    message: 'The registry needs a secret that is not stored or no longer decrypts.',
    remedy: 'Enter the password or AWS secret access key for this registry, then publish again.',
  },
  PUBLISH_UNREACHABLE: {
    message: 'Palette could not be reached.',
    remedy: 'Check the address, the network and proxy; for a private CA give its certificate (skip verification only for a test instance).',
  },
} as const satisfies Record<string, { message: string; remedy: string }>;
