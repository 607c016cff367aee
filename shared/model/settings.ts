import { z } from 'zod';

/** App-wide preferences, stored beside the registries. */
export const SettingsSchema = z.object({
  /**
   * The admin's explicit, remembered consent to keep secrets on disk when there is no keychain
   * (Electron's Linux `basic_text` backend only obfuscates them). docs/reference/electron.md#safestorage
   */
  allowInsecureSecretStorage: z.boolean().default(false),
});
export type Settings = z.output<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { allowInsecureSecretStorage: false };

/** A partial change; keys left out keep their value. */
export const SettingsUpdateSchema = z.strictObject({ allowInsecureSecretStorage: z.boolean().optional() });
export type SettingsUpdate = z.output<typeof SettingsUpdateSchema>;
