// The endpoint is the one place a pasted URL enters: any user part in it is a credential (a token
// pasted as the user, with no password, is the common case) and is refused, never stored or echoed.
import { describe, expect, it } from 'vitest';
import { parseEndpoint } from '../../../shared/endpoint';
import { canarySecret } from '../../fixtures/canary';

describe('parseEndpoint refuses credentials in any part of the user info', () => {
  const token = canarySecret('endpoint').replace(/-/g, '');
  it.each([
    ['a token as the user, no password', `https://${token}@registry.local`],
    ['a token as the user, no scheme', `${token}@registry.local:5000`],
    ['a token as the user, plain HTTP', `http://${token}@registry.local/v2/`],
    ['a password with an empty user', `https://:${token}@registry.local`],
    ['a user and a password', `HTTPS://robot:${token}@registry.local`],
  ])('%s', (_what, raw) => {
    const result = parseEndpoint(raw);
    expect(result).toMatchObject({ ok: false, error: { code: 'ENDPOINT_INVALID', field: 'endpoint' } });
    if (!result.ok)
      expect(result.error.message).toBe('Remove the credentials from the endpoint and enter them as username and password instead.');
    expect(JSON.stringify(result)).not.toContain(token);
  });

  it('keeps an @ that is part of the path: it is not user info', () => {
    expect(parseEndpoint('https://registry.local/team@x')).toMatchObject({
      ok: true,
      endpoint: { host: 'registry.local', pathPrefix: '/team@x' },
    });
  });
});
