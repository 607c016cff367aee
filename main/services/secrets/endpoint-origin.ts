import { AppErrorException, appError } from '../../../shared/errors';
import type { SecretField } from '../../../shared/model/secrets';
import { parseEndpoint } from '../../../shared/endpoint';

/**
 * The origin (scheme, host, port) a secret is bound to, from the one endpoint parser: what the
 * engine connects to, so "the same place" means the same thing here as on the wire. An endpoint
 * the engine refuses (credentials in it, say) is never connected to, but its secret may still be
 * exported or published with it: it is bound to the origin a URL parser reads. Undefined when
 * not even that parses; nothing is bound to or sent for such an endpoint.
 */
export function endpointOrigin(endpoint: string): string | undefined {
  const parsed = parseEndpoint(endpoint);
  if (parsed.ok) return parsed.endpoint.origin;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint.trim()) ? endpoint.trim() : `https://${endpoint.trim()}`);
    return url.host ? `${url.protocol}//${url.host}` : undefined;
  } catch {
    return undefined;
  }
}

const FIELD_NAMES: Record<SecretField, string> = { password: 'password', awsSecretAccessKey: 'AWS secret access key' };

/** An origin as read back from a file may be anything (a hand edit): shown only when it looks like one. */
export function shownOrigin(origin: string | undefined): string | undefined {
  return origin && /^https?:\/\/[A-Za-z0-9.\-[\]:]{1,300}$/.test(origin) ? origin : undefined;
}

/** The refusal when a stored secret would go to another origin than the one it was entered for. */
export function otherOriginError(field: SecretField, enteredFor: string | undefined, wanted: string | undefined): AppErrorException {
  const from = shownOrigin(enteredFor) ?? 'an endpoint this app did not record';
  const to = shownOrigin(wanted) ?? 'this endpoint';
  return new AppErrorException(
    appError('SECRET_ENDPOINT_CHANGED', {
      message: `The stored ${FIELD_NAMES[field]} was entered for ${from}, not for ${to}, so it is not sent there.`,
    }),
  );
}
