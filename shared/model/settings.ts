import { z } from 'zod';
import { ValidationRequestSchema } from './validation';

/**
 * A proxy the window may keep: http://host:port (or host:port, as curl reads it), without a user
 * or password, which would then sit in plain text in the settings file. A proxy that needs them
 * stays in HTTPS_PROXY, as for any other program.
 */
const storedProxyUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((raw) => proxyUrlProblem(raw) === undefined, { error: (issue) => proxyUrlProblem(String(issue.input)) });

function proxyUrlProblem(raw: string): string | undefined {
  if (raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
  } catch {
    return 'Enter the proxy as http://host:port.';
  }
  if (url.protocol !== 'http:') return `Only http:// proxies are supported, not ${url.protocol}//.`;
  if (url.username || url.password) return 'A proxy user or password is not kept here: set HTTPS_PROXY in the environment instead.';
  if (url.pathname !== '/' || url.search || url.hash) return 'Enter the proxy as http://host:port, without a path.';
  return undefined;
}

/**
 * Proxy and timeouts for the validations the window starts: the engine's own request fields, so
 * their bounds and defaults are the ones `regdesk validate` and the engine apply.
 */
export const NetworkSettingsSchema = ValidationRequestSchema.pick({ proxy: true, connectTimeoutMs: true, deadlineMs: true }).extend({
  proxy: ValidationRequestSchema.shape.proxy.unwrap().extend({ url: storedProxyUrl.optional() }).prefault({}),
});
export type NetworkSettings = z.output<typeof NetworkSettingsSchema>;
export const DEFAULT_NETWORK_SETTINGS: NetworkSettings = NetworkSettingsSchema.parse({});

/** App-wide preferences, stored beside the registries. */
export const SettingsSchema = z.object({
  /**
   * The admin's explicit, remembered consent to keep secrets on disk when there is no keychain
   * (Electron's Linux `basic_text` backend only obfuscates them). docs/reference/electron.md#safestorage
   */
  allowInsecureSecretStorage: z.boolean().default(false),
  /** Absent until the admin saves the Settings dialog: the defaults apply. */
  network: NetworkSettingsSchema.optional(),
});
export type Settings = z.output<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { allowInsecureSecretStorage: false };

/** A partial change; keys left out keep their value. */
export const SettingsUpdateSchema = z.strictObject({
  allowInsecureSecretStorage: z.boolean().optional(),
  network: NetworkSettingsSchema.optional(),
});
export type SettingsUpdate = z.output<typeof SettingsUpdateSchema>;

/** Where the proxy of a validation started in the window comes from, for the Settings dialog to say. */
export const NetworkEnvironmentSchema = z.object({
  /** The environment's proxy variables that are set, as `NAME=http://host:port` (credentials never shown). */
  proxyVariables: z.array(z.object({ name: z.string(), value: z.string() })),
});
export type NetworkEnvironment = z.output<typeof NetworkEnvironmentSchema>;
