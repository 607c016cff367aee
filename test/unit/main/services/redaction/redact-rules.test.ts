// Each redaction rule on its own, as tables: what it must blank, two credentials in one string
// (every one, not just the first), and the near misses it must leave. Mutation testing
// (docs/mutation-testing.md) showed a rule could be deleted or weakened with the other tests green.
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../../../../main/services/redaction/redact';
import { canarySecret } from '../../../../fixtures/canary';

function sweep(text: string, known: string[] = []) {
  const redactor = createRedactor(known);
  return { text: redactor.text(text), counts: redactor.counts() };
}

/** [input, expected output] per rule; each marker in the output is counted once under the rule's kind. */
const RULES: Array<{ kind: string; rows: Array<[string, string]>; twice: [string, string]; kept: string[] }> = [
  {
    kind: 'url credentials',
    rows: [
      ['HTTPS://alice:pw@h.example/v2/', 'HTTPS://[redacted: url credentials]@h.example/v2/'],
      ['git+ssh://TOKEN@h.example', 'git+ssh://[redacted: url credentials]@h.example'],
      ['"https://u:p@h.example"', '"https://[redacted: url credentials]@h.example"'],
    ],
    twice: ['a http://a:1@x b https://b:2@y', 'a http://[redacted: url credentials]@x b https://[redacted: url credentials]@y'],
    kept: ['https://h.example/v2/a@b', 'mailto:alice@example.com', 'https://h.example/?u=a@b'],
  },
  {
    kind: 'query parameter',
    rows: [
      ['/t?password=hunter2', '/t?password=[redacted: query parameter]'],
      ['/t?a=1&client_secret=s', '/t?a=1&client_secret=[redacted: query parameter]'],
      ['/t?a=1;pwd=s', '/t?a=1;pwd=[redacted: query parameter]'],
      [
        '/t?apikey=k&api_key=k&AccessKey=k',
        '/t?apikey=[redacted: query parameter]&api_key=[redacted: query parameter]&AccessKey=[redacted: query parameter]',
      ],
      ['/t?x-amz-date=1&credential=c', '/t?x-amz-date=[redacted: query parameter]&credential=[redacted: query parameter]'],
      ['/t?SessionId=1&authorization=z', '/t?SessionId=[redacted: query parameter]&authorization=[redacted: query parameter]'],
    ],
    twice: ['/a?token=1 /b?token=2', '/a?token=[redacted: query parameter] /b?token=[redacted: query parameter]'],
    kept: ['/t?service=registry&scope=repository:x:pull', '/t?token=', 'token=abc without a query'],
  },
  {
    kind: 'authorization',
    rows: [
      ['Authorization: Basic dXNlcjpwYXNz', 'Authorization: [redacted: authorization]'],
      ['AUTHORIZATION=Negotiate YIIabc', 'AUTHORIZATION=[redacted: authorization]'],
      ["{'Proxy-Authorization': 'Digest u=1'}", "{'Proxy-Authorization': '[redacted: authorization]'}"],
      ['authorization : abc ; next', 'authorization : [redacted: authorization]; next'],
    ],
    twice: [
      'authorization: one\nProxy-Authorization: two',
      'authorization: [redacted: authorization]\nProxy-Authorization: [redacted: authorization]',
    ],
    kept: ['authorization failed', 'the authorization step', 'Authorization: '],
  },
  {
    kind: 'credential header',
    rows: [
      ['X-Amz-Security-Token: FwoGZXIvYXdz', 'X-Amz-Security-Token: [redacted: credential header]'],
      ['x-api-key=k1', 'x-api-key=[redacted: credential header]'],
      ['Api-Key: k2', 'Api-Key: [redacted: credential header]'],
      ['{"apikey":"k3"}', '{"apikey":"[redacted: credential header]"}'],
      ['X-Auth-Token: k4', 'X-Auth-Token: [redacted: credential header]'],
      ['Private-Token: k5', 'Private-Token: [redacted: credential header]'],
      ['Set-Cookie: session=abc; Path=/', 'Set-Cookie: [redacted: credential header]; Path=/'],
      ['Cookie: a=1', 'Cookie: [redacted: credential header]'],
    ],
    twice: ['Cookie: a=1\nCookie: b=2', 'Cookie: [redacted: credential header]\nCookie: [redacted: credential header]'],
    kept: ['no cookie was set', 'api-key missing', 'x-api-key: '],
  },
  {
    kind: 'credentials',
    rows: [
      ['Bearer qWeRtYuIoPaS', 'Bearer [redacted: credentials]'],
      ['bearer abcdefgh1', 'bearer [redacted: credentials]'],
      ['Basic+dXNlcjpw%3D%3D', 'Basic+[redacted: credentials]'],
      ['Basic\tdXNlcjpwYXNz==', 'Basic\t[redacted: credentials]'],
      ['Bearer abc~defgh', 'Bearer [redacted: credentials]'],
    ],
    twice: ['Bearer 12345678 then Basic abcdefg9', 'Bearer [redacted: credentials] then Basic [redacted: credentials]'],
    // Words, not tokens: letters only, one case (or capitalised), and shorter than eight characters.
    kept: ['Bearer authentication', 'Basic Authentication', 'BASIC AUTHENTICATION', 'Bearer abc1234', 'Bearerabcdefgh1'],
  },
  {
    kind: 'jwt',
    rows: [['eyJhbGci.eyJzdWIi.', '[redacted: jwt]']],
    twice: ['eyJhbGci.eyJzdWIi.sig1 eyJhbGcj.eyJzdWIj.sig2', '[redacted: jwt] [redacted: jwt]'],
    kept: ['eyJhb.eyJzdWIi.sig', 'xeyJhbGci.eyJzdWIi.sig', 'eyJhbGci.eyJz.sig'],
  },
  {
    kind: 'secret field',
    rows: [
      ['secret_access_key=a', 'secret_access_key=[redacted: secret field]'],
      ['secretAccessKey: "b"', 'secretAccessKey: "[redacted: secret field]"'],
      ['aws_session_token=c', 'aws_session_token=[redacted: secret field]'],
      ['"sessionToken":"d"', '"sessionToken":"[redacted: secret field]"'],
      ['session_token = e', 'session_token = [redacted: secret field]'],
      ['client_secret=f', 'client_secret=[redacted: secret field]'],
      ['PASSWD: g,h', 'PASSWD: [redacted: secret field],h'],
    ],
    twice: ['password=a password=b', 'password=[redacted: secret field] password=[redacted: secret field]'],
    kept: ['password: ', 'the password was wrong', 'passwords=a'],
  },
  {
    kind: 'aws access key id',
    rows: [['(AKIAABCDEFGHIJKLMNOP)', '([redacted: aws access key id])']],
    twice: ['AKIA0000000000000000,ASIA1111111111111111', '[redacted: aws access key id],[redacted: aws access key id]'],
    kept: ['AKIAABCDEFGHIJKLMNO', 'AKIAABCDEFGHIJKLMNOPQ', 'XAKIAABCDEFGHIJKLMNOP', 'AKIAabcdefghijklmnop', 'AKIDABCDEFGHIJKLMNOP'],
  },
  {
    kind: 'aws secret key',
    rows: [
      ['key:wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY.', 'key:[redacted: aws secret key].'],
      // Starts with hex digits: only a key that is hex all through is a digest.
      ['key:a0alrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', 'key:[redacted: aws secret key]'],
    ],
    twice: [
      'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKE1',
      '[redacted: aws secret key] [redacted: aws secret key]',
    ],
    // Hex (a digest), no digit, no lower case, no upper case, 39 or 41 characters: not the shape.
    kept: [
      'DA39A3EE5E6B4B0D3255BFEF95601890AFD80709',
      'Da39a3ee5e6b4b0d3255bfef95601890afd80709',
      'wJalrXUtnFEMIaK+MDENGabPxRfiCYEXAMPLEKEY',
      'WJALRXUTNFEMI/K7MDENG+BPXRFICYEXAMPLEKEY',
      'wjalrxutnfemi/k7mdeng+bpxrficyexamplekey',
      'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKE',
      'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEYY',
      '=wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
    ],
  },
];

describe.each(RULES)('the $kind rule', ({ kind, rows, twice, kept }) => {
  it.each(rows)('blanks %j', (input, output) => {
    expect(sweep(input)).toEqual({ text: output, counts: { [kind]: output.split(`[redacted: ${kind}]`).length - 1 } });
  });

  it('blanks every credential in a string, not just the first', () => {
    expect(sweep(twice[0])).toEqual({ text: twice[1], counts: { [kind]: 2 } });
  });

  it.each(kept)('leaves %j alone', (input) => {
    expect(sweep(input)).toEqual({ text: input, counts: {} });
  });
});

describe('the private key rule', () => {
  it('blanks a key whose label has words after PRIVATE KEY', () => {
    expect(sweep('-----BEGIN PRIVATE KEYS-----\nMIIE\n-----END PRIVATE KEYS-----').text).toBe('[redacted: private key]');
  });

  it('blanks two keys in one text and counts both', () => {
    const key = (label: string) => `-----BEGIN ${label}-----\nMIIE\n-----END ${label}-----`;
    expect(sweep(`${key('PRIVATE KEY')}\nkeep\n${key('EC PRIVATE KEY')}`)).toEqual({
      text: '[redacted: private key]\nkeep\n[redacted: private key]',
      counts: { 'private key': 2 },
    });
  });
});

describe('known secrets', () => {
  it('blanks two known secrets in one string, and the same one twice', () => {
    const [first, second] = [canarySecret('one'), canarySecret('two')];
    const redactor = createRedactor([first, second]);
    expect(redactor.text(`${first} and ${second} and ${first}`)).toBe(
      '[redacted: stored secret] and [redacted: stored secret] and [redacted: stored secret]',
    );
    expect(redactor.counts()).toEqual({ 'stored secret': 3 });
  });

  it('matches a four-character secret inside text, a shorter one only as the whole value, and ignores an empty one', () => {
    const four = createRedactor(['k3y!']);
    expect(four.text('a k3y! b')).toBe('a [redacted: stored secret] b');
    expect(four.leaks(['a k3y! b'])).toBe(true);
    const three = createRedactor(['k3y']);
    expect(three.text('a k3y b')).toBe('a k3y b');
    expect(three.text('k3y')).toBe('[redacted: stored secret]');
    expect(three.counts()).toEqual({ 'stored secret': 1 });
    expect(three.leaks(['a k3y b'])).toBe(false);
    expect(three.leaks({ nested: ['k3y'] })).toBe(true);
    const empty = createRedactor(['']);
    expect(empty.text('')).toBe('');
    expect(empty.leaks([''])).toBe(false);
    expect(empty.counts()).toEqual({});
  });

  it('prefers the longer of two secrets that start alike', () => {
    const redactor = createRedactor(['abcd', 'abcdefgh-long']);
    expect(redactor.text('x abcdefgh-long y abcd z')).toBe('x [redacted: stored secret] y [redacted: stored secret] z');
    expect(redactor.counts()).toEqual({ 'stored secret': 2 });
  });

  it('names a known secret for what it is before any shape pattern sees it', () => {
    const secret = `${canarySecret('shaped')}-Ab1`;
    const redactor = createRedactor([secret]);
    expect(redactor.text(`sent Bearer ${secret}`)).toBe('sent Bearer [redacted: stored secret]');
    expect(redactor.counts()).toEqual({ 'stored secret': 1 });
  });
});

describe('leaks: the final check before a file is written', () => {
  const secret = canarySecret('leak');
  const redactor = createRedactor([secret]);
  const encoded = Buffer.from(`robot:${secret}`).toString('base64');

  it.each([
    ['one string of several holds the secret', ['clean', `x ${secret}`, 'clean too'], true],
    ['only the last string holds it', { a: 'clean', b: { c: ['clean', `${encoded}`] } }, true],
    ['only the first string holds it', [secret, 'clean'], true],
    ['a URL-encoded form of it', { url: `/p?q=${encodeURIComponent(`${secret} x`)}` }, true],
    ['no string holds it', { a: 'clean', b: ['clean', { c: 'still clean' }], n: 3, none: null, flag: true }, false],
    ['it is only an object key', { [secret]: 'clean' }, false],
    ['no strings at all', { n: 1, list: [true, null, 2], none: undefined }, false],
    ['a bare string holding it', `x${secret}x`, true],
    ['a bare clean string', 'clean', false],
  ])('%s: %s', (_what, value, leaks) => {
    expect(redactor.leaks(value)).toBe(leaks);
  });

  it('knows no secret unless given one', () => {
    for (const text of ['Stryker was here', 'hunter2', 'password']) expect(createRedactor().text(text)).toBe(text);
  });

  it('looks at the value’s strings only: an empty value never leaks', () => {
    expect(createRedactor(['was here']).leaks({})).toBe(false);
    expect(createRedactor(['was here']).leaks([])).toBe(false);
  });

  it('is clean after the sweep of the same value', () => {
    const value = { a: [`Basic ${encoded}`, `${secret}`], b: 'clean' };
    expect(redactor.leaks(value)).toBe(true);
    expect(redactor.leaks(redactor.value(value))).toBe(false);
  });
});
