import { z } from 'zod';

/**
 * What the operating system offers for encrypting secrets. `persistent: false` means there is no
 * OS keychain behind the encryption (Electron's Linux `basic_text` backend), so secrets must not be
 * written to disk without the admin's explicit consent.
 */
export const KeychainStatusSchema = z.object({
  available: z.boolean(),
  backend: z.string(),
  persistent: z.boolean(),
  description: z.string(),
});
export type KeychainStatus = z.infer<typeof KeychainStatusSchema>;

/**
 * What happens to a secret the admin saves (docs/architecture.md#secrets):
 * `keychain`: encrypted on disk with the OS keychain;
 * `insecure-opt-in`: no keychain, but the admin allowed obfuscated storage on disk;
 * `session-only`: kept in memory for this session unless the admin opts in (when `canOptIn`).
 */
export const SecretPolicySchema = z.enum(['keychain', 'insecure-opt-in', 'session-only']);
export type SecretPolicy = z.infer<typeof SecretPolicySchema>;

export const SecureStorageStatusSchema = KeychainStatusSchema.extend({
  policy: SecretPolicySchema,
  /** True when encryption works without a keychain, so the admin may opt in to saving secrets anyway. */
  canOptIn: z.boolean(),
});
export type SecureStorageStatus = z.infer<typeof SecureStorageStatusSchema>;

/**
 * What the admin must know about the store, found at start: a file found unreadable (moved aside,
 * and the app started without it), or a store written by a newer version (open read-only).
 */
export const StorageNoticeSchema = z.object({
  code: z.enum(['STORE_UNREADABLE', 'SECRETS_UNREADABLE', 'STORE_NEWER_LAYOUT']),
  message: z.string(),
  remedy: z.string(),
  /** Where the unreadable file now is, so the admin can inspect or restore it; absent when nothing was moved. */
  backupPath: z.string().optional(),
  at: z.iso.datetime(),
});
export type StorageNotice = z.infer<typeof StorageNoticeSchema>;

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  /** The host the services run in: the desktop app, the browser harness or the command line. */
  host: z.enum(['electron', 'harness', 'cli']),
  secureStorage: SecureStorageStatusSchema,
  storageNotices: z.array(StorageNoticeSchema),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;
