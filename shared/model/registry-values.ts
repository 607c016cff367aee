import { describeEndpoint, parseEndpoint } from '../endpoint';
import type { RegistryType } from './registry';

/**
 * What is validated is what is saved, exported and published: the endpoint and base content path
 * are put in the one form Palette receives where they enter (the form, a draft file, the command
 * line), and the validation engine reads them through the same functions. So a green check vouches
 * for exactly the values Palette is sent (docs/palette-api.md).
 */

/**
 * The endpoint as Palette takes it: Basic with its scheme and any path prefix (JFrog), without a
 * trailing `/v2/` or slash, default port left out; ECR the host alone, without `https://`.
 * Text the endpoint parser refuses is returned trimmed, for the schema to report.
 */
export function normalizeEndpoint(raw: string, type: RegistryType): string {
  const parsed = parseEndpoint(raw);
  if (!parsed.ok) return raw.trim();
  const endpoint = describeEndpoint(parsed.endpoint);
  return type === 'ecr' ? endpoint.replace(/^https:\/\//, '') : endpoint;
}

/** The base content path without the surrounding slashes Palette would join as `//` (`/acme/` is `acme`). */
export function normalizeBaseContentPath(raw: string): string {
  return raw.trim().replace(/^\/+|\/+$/g, '');
}

/** What the admin typed, as it will be sent; undefined when it is sent as typed (or is not valid yet). */
export function sentAs(raw: string, normalized: string): string | undefined {
  return raw.trim() !== '' && normalized !== '' && normalized !== raw.trim() ? normalized : undefined;
}
