import { z } from 'zod';
import { RegistryRecordSchema } from '../../../shared/model/registry';
import { SettingsSchema } from '../../../shared/model/settings';

/**
 * The registries file as a whole. Every read is checked against it; a file that fails it at start
 * is moved aside (see open-checked-store.ts) rather than half-used or overwritten.
 */
export const StoreFileSchema = z.object({
  registries: z.array(RegistryRecordSchema),
  settings: SettingsSchema.default({ allowInsecureSecretStorage: false }),
});
export type StoreFile = z.output<typeof StoreFileSchema>;

/**
 * The version of the file's layout, recorded by conf in the file itself. It is not the app's
 * version: the layout changes far less often, and a migration runs once per layout change.
 */
export const STORE_SCHEMA_VERSION = '1.0.0';
