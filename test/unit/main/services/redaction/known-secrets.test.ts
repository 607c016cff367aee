// Finding known secrets in the forms they take on the wire, exactly: where a match starts and
// ends, how a base64 run is widened to its group boundaries and padding, and how neighbouring
// matches join. Exact outputs, so that a loosened bound or a lost form shows.
import { describe, expect, it } from 'vitest';
import { createSecretMatcher, secretForms } from '../../../../../main/services/redaction/known-secrets';
import { createRedactor } from '../../../../../main/services/redaction/redact';

const b64 = (text: string) => Buffer.from(text).toString('base64');
const urlSafe = (text: string) => text.replace(/\+/g, '-').replace(/\//g, '_');
const M = '[redacted: stored secret]';

describe('secret forms', () => {
  it('finds a secret of six bytes by its base64 alone (one form, no padding, no boundary group)', () => {
    const redactor = createRedactor(['abc123']);
    expect(b64('abc123')).toBe('YWJjMTIz');
    expect(redactor.text('token YWJjMTIz end')).toBe(`token ${M} end`);
  });

  it('finds a secret with a space in its form-encoded spelling (+ for the space)', () => {
    const redactor = createRedactor(['pass word1']);
    expect(redactor.text('q=pass+word1&x=1')).toBe(`q=${M}&x=1`);
    expect(redactor.text('q=pass%20word1&x=1')).toBe(`q=${M}&x=1`);
  });

  it('finds the URL-safe base64 of a secret whose base64 holds + and /, at every alignment', () => {
    // "?>?" encodes to "Pz4/" and "~~~" to "fn5+": the standard and URL-safe spellings differ.
    const secret = '?>?~~~?>?~~~';
    const redactor = createRedactor([secret]);
    for (const user of ['', 'a', 'ab']) {
      for (const encoded of [b64(user + secret), urlSafe(b64(user + secret))]) {
        const out = redactor.text(`<${encoded}>`);
        expect(out, `${user}: ${encoded}`).toMatch(new RegExp(`^<[A-Za-z0-9_-]{0,4}\\[redacted: stored secret\\]>$`));
      }
    }
    expect(secretForms(secret).map((f) => f.literal)).toEqual(expect.arrayContaining(['Pz4_fn5-Pz4_fn5-', 'Pz4%2Ffn5%2BPz4%2Ffn5%2B']));
  });
});

describe('widening a base64 match', () => {
  const secret = 'hunter2hu'; // 9 bytes: 12 base64 characters, no padding
  const core = b64(secret);
  const redactor = () => createRedactor([secret]);

  it('takes in at most four base64 characters on each side, not more', () => {
    expect(redactor().text(`QQQQQQQQ${core}QQQQQQQQ`)).toBe(`QQQQ${M}QQQQ`);
    expect(redactor().text(`QQ${core}QQ`)).toBe(M);
    expect(redactor().text(`..QQ${core}QQ..`)).toBe(`..${M}..`);
    expect(redactor().text(`${core}`)).toBe(M);
    expect(createSecretMatcher([secret]).spans(core)).toEqual([[0, core.length]]);
    expect(createSecretMatcher([secret]).spans(`QQ${core}`)).toEqual([[0, core.length + 2]]);
  });

  it('stops at a character that is not base64', () => {
    expect(redactor().text(`Q.QQ${core}QQ.Q`)).toBe(`Q.${M}.Q`);
  });

  it('takes in padding, plain or URL-encoded', () => {
    const encoded = b64(`u:${secret}`); // 11 bytes: one "=" of padding
    expect(encoded.endsWith('=')).toBe(true);
    expect(createRedactor([secret]).text(`Basic ${encoded}.`)).toBe(`Basic ${M}.`);
    expect(createRedactor([secret]).text(`Basic%20${encodeURIComponent(encoded)}.`)).toBe(`Basic%20${M}.`);
    const twoPads = b64(`uu:${secret}x`);
    expect(twoPads.endsWith('==')).toBe(true);
    expect(createRedactor([secret]).text(`${encodeURIComponent(twoPads)}&`)).toBe(`${M}&`);
  });

  it('finds a copy that follows straight after another in one base64 run', () => {
    const double = b64(secret + secret);
    const r = redactor();
    expect(r.leaks([double])).toBe(true);
    expect(r.text(double)).toBe(M);
    expect(r.leaks([r.text(double)])).toBe(false);
  });
});

describe('joining matches', () => {
  it('joins touching matches into one marker, and keeps apart those with a character between', () => {
    const redactor = createRedactor(['k3y!']);
    expect(redactor.text('k3y!k3y!')).toBe(M);
    expect(redactor.counts()).toEqual({ 'stored secret': 1 });
    expect(redactor.text('k3y!.k3y!')).toBe(`${M}.${M}`);
  });

  it('joins a widened base64 match that reaches back into a plain one', () => {
    const plain = 'plainSecret9';
    const encoded = 'hunter2hu';
    const redactor = createRedactor([plain, encoded]);
    expect(redactor.text(`${plain}${b64(encoded)}!`)).toBe(`${M}!`);
    expect(createSecretMatcher([plain, encoded]).spans(`x ${plain} ${plain} ${plain}${b64(encoded)}!`)).toEqual([
      [2, 14],
      [15, 27],
      [28, 52],
    ]);
  });

  it('finds a secret that ends the text', () => {
    expect(createRedactor(['k3y!']).text('a k3y!')).toBe(`a ${M}`);
    expect(createSecretMatcher(['k3y!']).spans('k3y')).toEqual([]);
  });

  it('finds nothing when no secret is known', () => {
    expect(createSecretMatcher([]).spans('anything at all')).toEqual([]);
  });
});
