// Spacing and token68 edges of WWW-Authenticate: where a scheme ends and its credentials begin.
import { describe, expect, it } from 'vitest';
import { parseWwwAuthenticate } from '../../../../../../main/services/validation/oci/www-authenticate';

describe('parseWwwAuthenticate spacing and token68', () => {
  it.each([
    [
      'no space after a comma',
      'Negotiate,Bearer realm="https://a/t"',
      [
        { scheme: 'negotiate', params: {} },
        { scheme: 'bearer', params: { realm: 'https://a/t' } },
      ],
    ],
    ['two spaces before a token68', 'Negotiate  YIIB+w==', [{ scheme: 'negotiate', params: { token68: 'YIIB+w==' } }]],
    [
      'a space before the comma after a token68',
      'Negotiate YIIB+w== , Basic realm="r"',
      [
        { scheme: 'negotiate', params: { token68: 'YIIB+w==' } },
        { scheme: 'basic', params: { realm: 'r' } },
      ],
    ],
    ['a token68 that ends the header', 'Negotiate YIIB+w==', [{ scheme: 'negotiate', params: { token68: 'YIIB+w==' } }]],
    [
      'a word after a token68 is not part of it',
      'Custom abc def',
      [
        { scheme: 'custom', params: {} },
        { scheme: 'abc', params: { token68: 'def' } },
      ],
    ],
  ] as const)('%s', (_what, header, challenges) => {
    expect(parseWwwAuthenticate(header)).toEqual(challenges);
  });
});
