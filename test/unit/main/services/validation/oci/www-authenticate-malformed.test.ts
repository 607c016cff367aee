// A registry (or anything pretending to be one) controls this header: a malformed challenge must
// never throw, and must keep what was understood before the damage.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWwwAuthenticate } from '../../../../../../main/services/validation/oci/www-authenticate';

describe('parseWwwAuthenticate on malformed challenges', () => {
  it.each([
    ['nothing', undefined, []],
    ['an empty header', '', []],
    ['an empty list of header lines', [], []],
    ['commas and spaces only', ' , ,, ', []],
    ['a lone equals sign', '=', []],
    ['a lone quote', '"', []],
    ['a parameter with no scheme before it', 'realm="r"', [{ scheme: 'realm', params: {} }]],
    ['a scheme then an equals sign with no name', 'Bearer =', [{ scheme: 'bearer', params: {} }]],
    ['a parameter with no value', 'Bearer realm="r", service=', [{ scheme: 'bearer', params: { realm: 'r', service: '' } }]],
    ['an unterminated quoted string', 'Bearer realm="https://a/t', [{ scheme: 'bearer', params: { realm: 'https://a/t' } }]],
    ['a trailing backslash in quotes', 'Bearer realm="a\\', [{ scheme: 'bearer', params: { realm: 'a\\' } }]],
    ['garbage after a good challenge', 'Basic realm="r" ="x"', [{ scheme: 'basic', params: { realm: 'r' } }]],
    ['a control character in the scheme', 'Bea\u0000rer realm="r"', [{ scheme: 'bea', params: {} }]],
    [
      'repeated commas between parameters',
      'Bearer realm="r",,, service="s" ,',
      [{ scheme: 'bearer', params: { realm: 'r', service: 's' } }],
    ],
    ['an object-prototype name as a parameter', 'Bearer __proto__=x, realm="r"', [{ scheme: 'bearer', params: { realm: 'r' } }]],
  ] as const)('%s', (_what, header, challenges) => {
    expect(parseWwwAuthenticate(header as string | string[] | undefined)).toEqual(challenges);
  });

  it('keeps a later good line when an earlier one is garbage', () => {
    expect(parseWwwAuthenticate(['"""', 'Basic realm="r"'])).toEqual([{ scheme: 'basic', params: { realm: 'r' } }]);
  });

  it('gives back what it understood before an unparseable character', () => {
    expect(parseWwwAuthenticate('Basic realm="r", @@@ Bearer realm="x"')).toEqual([{ scheme: 'basic', params: { realm: 'r' } }]);
  });

  it('never throws, and names every scheme in lower case, on any header text', () => {
    const alphabet = fc.constantFrom(...'Bearer Basic realm="x\\,=\t@'.split(''));
    const header = fc.oneof(fc.string(), fc.string({ unit: alphabet }));
    fc.assert(
      fc.property(fc.array(header, { maxLength: 3 }), (lines) => {
        for (const challenge of parseWwwAuthenticate(lines)) {
          expect(challenge.scheme).toBe(challenge.scheme.toLowerCase());
          expect(challenge.scheme).toMatch(/^[!#$%&'*+\-.^_`|~0-9a-z]+$/);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
