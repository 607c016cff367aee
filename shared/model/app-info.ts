import { z } from 'zod';

/**
 * Where secrets would be kept. `persistent: false` means there is no OS keychain behind the
 * encryption (Electron's Linux `basic_text` backend), so secrets must not be written to disk
 * without the admin's explicit consent.
 */
export const SecureStorageStatusSchema = z.object({
  available: z.boolean(),
  backend: z.string(),
  persistent: z.boolean(),
  description: z.string(),
});
export type SecureStorageStatus = z.infer<typeof SecureStorageStatusSchema>;

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  /** The host the services run in: the desktop app, the browser harness or the command line. */
  host: z.enum(['electron', 'harness', 'cli']),
  secureStorage: SecureStorageStatusSchema,
});
export type AppInfo = z.infer<typeof AppInfoSchema>;
