import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { secretForms } from '../../../../../main/services/redaction/known-secrets';
import { addCounts, createRedactor } from '../../../../../main/services/redaction/redact';
import { canarySecret } from '../../../../fixtures/canary';

const b64 = (text: string) => Buffer.from(text).toString('base64');

/** One sweep with no known secrets: what the shape patterns alone do. */
function sweep(text: string, known: string[] = []) {
  const redactor = createRedactor(known);
  return { text: redactor.text(text), counts: redactor.counts() };
}

describe('the pattern sweep', () => {
  it('blanks Authorization and Proxy-Authorization header values, as text and as JSON', () => {
    const basic = `Basic ${b64('robot:hunter2-hunter2')}`;
    expect(sweep(`Authorization: ${basic}`)).toEqual({
      text: 'Authorization: [redacted: authorization]',
      counts: { authorization: 1 },
    });
    expect(sweep(`proxy-authorization:Bearer abc.def.ghi\nnext line`).text).toBe(
      'proxy-authorization:[redacted: authorization]\nnext line',
    );
    expect(sweep(`{"authorization": "${basic}", "status": 401}`).text).toBe(
      '{"authorization": "[redacted: authorization]", "status": 401}',
    );
  });

  it('blanks Basic and Bearer credentials wherever they appear, URL-encoded too, but keeps the words', () => {
    const token = b64('robot:s3cret-pass');
    expect(sweep(`sent Basic ${token} to the registry`).text).toBe('sent Basic [redacted: credentials] to the registry');
    expect(sweep(`307 → http://127.0.0.1:5000/v2/echo/Basic%20${encodeURIComponent(token)}`).text).toBe(
      '307 → http://127.0.0.1:5000/v2/echo/Basic%20[redacted: credentials]',
    );
    expect(sweep('Bearer 8f1d2c3b4a5e6f7a8b9c0d1e').text).toBe('Bearer [redacted: credentials]');
    // Prose about authentication is not a credential.
    const prose = 'GET /v2/ with Basic credentials → 401; Palette needs Basic or Bearer; challenge: bearer realm="x"';
    expect(sweep(prose)).toEqual({ text: prose, counts: {} });
  });

  it('blanks JWT-shaped strings', () => {
    const jwt = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJyb2JvdCJ9.c2lnbmF0dXJl_-x';
    expect(sweep(`token ${jwt} issued`)).toEqual({ text: 'token [redacted: jwt] issued', counts: { jwt: 1 } });
  });

  it('blanks AWS access key ids and secret-looking 40-character base64, not hex digests', () => {
    expect(sweep('key AKIAIOSFODNN7EXAMPLE and ASIAXXXXXXXXXXXXXXX1').text).toBe(
      'key [redacted: aws access key id] and [redacted: aws access key id]',
    );
    expect(sweep('secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY here').text).toBe('secret [redacted: aws secret key] here');
    const generated = randomBytes(30).toString('base64');
    expect(sweep(`x ${generated} y`).text).not.toContain(generated);
    // A SHA-1 is 40 hex characters and no secret; a 41-character run is not the shape either.
    const sha1 = 'da39a3ee5e6b4b0d3255bfef95601890afd80709';
    expect(sweep(`commit ${sha1}`).text).toBe(`commit ${sha1}`);
    expect(sweep(`x ${generated}Q y`).text).toBe(`x ${generated}Q y`);
    // Already masked by the engine: kept, it tells keys apart.
    expect(sweep('access key AKIA…MPLE').text).toBe('access key AKIA…MPLE');
  });

  it('blanks whole private key blocks of every label, and an unterminated one to the end', () => {
    for (const label of ['PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY', 'ENCRYPTED PRIVATE KEY', 'OPENSSH PRIVATE KEY']) {
      const block = `-----BEGIN ${label}-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END ${label}-----`;
      expect(sweep(`before\n${block}\nafter`).text).toBe('before\n[redacted: private key]\nafter');
    }
    expect(sweep('cut -----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMG').text).toBe('cut [redacted: private key]');
    const certificate = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
    expect(sweep(certificate).text).toBe(certificate);
  });

  it('blanks user:pass@ in URLs, and a bare token as the user', () => {
    expect(sweep('proxy http://alice:pa55word@proxy.corp:3128 used').text).toBe(
      'proxy http://[redacted: url credentials]@proxy.corp:3128 used',
    );
    expect(sweep('https://ghp_abcdef123456@github.com/x').text).toBe('https://[redacted: url credentials]@github.com/x');
    expect(sweep('https://127.0.0.1:5000/v2/').text).toBe('https://127.0.0.1:5000/v2/');
  });

  it('blanks query parameters named for tokens, signatures, secrets and X-Amz-*', () => {
    const url =
      'https://bucket.s3.amazonaws.com/blob?X-Amz-Credential=AK%2F2026&X-Amz-Signature=abc123&X-Amz-Security-Token=zz&part=2&access_token=t0k&sig=ff';
    expect(sweep(url).text).toBe(
      'https://bucket.s3.amazonaws.com/blob?X-Amz-Credential=[redacted: query parameter]&X-Amz-Signature=[redacted: query parameter]' +
        '&X-Amz-Security-Token=[redacted: query parameter]&part=2&access_token=[redacted: query parameter]&sig=[redacted: query parameter]',
    );
    expect(sweep('https://auth.example/token?service=registry&scope=repository:x:pull').text).toBe(
      'https://auth.example/token?service=registry&scope=repository:x:pull',
    );
  });

  it('blanks secret-named fields in key=value and JSON text', () => {
    expect(sweep('aws_secret_access_key = abc/def+ghi').text).toBe('aws_secret_access_key = [redacted: secret field]');
    expect(sweep('{"password":"letmein99","user":"robot"}').text).toBe('{"password":"[redacted: secret field]","user":"robot"}');
    expect(sweep('No secret access key was given for access key AKIA…0001.').counts).toEqual({});
  });

  it('never matches its own markers again', () => {
    const redactor = createRedactor();
    const once = redactor.text('Authorization: Basic dXNlcjpwYXNzd29yZDE=');
    expect(redactor.text(once)).toBe(once);
    expect(redactor.counts()).toEqual({ authorization: 1 });
  });

  it('can fail: a credential with no known value and no telltale shape stays', () => {
    // The limit this module claims in its header: a bare hex API key or a password in prose is
    // not recognisable, which is why the document is built from an allowlist first.
    const hexKey = '0123456789abcdef0123456789abcdef';
    const prose = 'the password is correct-horse-battery-staple';
    expect(sweep(`api key ${hexKey}`)).toEqual({ text: `api key ${hexKey}`, counts: {} });
    expect(sweep(prose)).toEqual({ text: prose, counts: {} });
    // Once the value is known, it is found.
    expect(sweep(prose, ['correct-horse-battery-staple']).text).toBe('the password is [redacted: stored secret]');
  });
});

describe('known secrets', () => {
  it('blanks the secret, URL-encoded, and base64-encoded inside any longer text at every alignment', () => {
    const secret = canarySecret('redact');
    const redactor = createRedactor([secret]);
    expect(redactor.text(`plain ${secret} end`)).toBe('plain [redacted: stored secret] end');
    expect(redactor.text(`q=${encodeURIComponent(`${secret} x`)}`)).not.toContain(encodeURIComponent(secret));
    for (const user of ['a', 'ab', 'abc', 'robot$packs']) {
      const header = b64(`${user}:${secret}`);
      for (const text of [header, header.replace(/=+$/, ''), encodeURIComponent(header), header.replace(/\+/g, '-').replace(/\//g, '_')]) {
        const out = redactor.text(`Basic-ish ${text} tail`);
        expect(out, `${user}: ${text}`).toContain('[redacted: stored secret]');
        expect(out).toMatch(/ tail$/);
        // Nothing of the encoded secret is left beside the marker (at most the user's part).
        expect(
          out
            .replace(/^Basic-ish /, '')
            .replace(/ tail$/, '')
            .replace('[redacted: stored secret]', '').length,
        ).toBeLessThanOrEqual(Math.ceil(((user.length + 1) * 4) / 3));
      }
    }
    expect(redactor.leaks({ a: [`x${secret}`] })).toBe(true);
    expect(redactor.leaks({ a: [`x ${b64(`robot:${secret}`)}`] })).toBe(true);
    expect(redactor.leaks({ a: 'nothing', [secret]: 'a key is the builder’s own name' })).toBe(false);
  });

  it('finds a secret holding quotes and backslashes, and matches a very short one only as a whole value', () => {
    const quoted = 'pa"ss\\word';
    expect(createRedactor([quoted]).text(`{"p": "${quoted}"}`)).toBe('{"p": "[redacted: stored secret]"}');
    const redactor = createRedactor(['ok']);
    expect(redactor.value({ status: 'ok', message: 'looks ok', password: 'ok' })).toEqual({
      status: '[redacted: stored secret]',
      message: 'looks ok',
      password: '[redacted: stored secret]',
    });
  });

  it('lists the forms of a secret, and none shorter than the minimum', () => {
    expect(secretForms('abc')).toEqual([]);
    const forms = secretForms('s3cret value!');
    expect(forms.filter((f) => !f.encoded).map((f) => f.literal)).toEqual(['s3cret value!', 's3cret%20value!', 's3cret+value!']);
    // base64 at the three alignments, each also URL-safe and URL-encoded where that differs.
    expect(forms.filter((f) => f.encoded).map((f) => f.literal)).toContain(b64('s3cret value!').replace(/=+$/, '').slice(0, 16));
    expect(forms.filter((f) => f.encoded).length).toBeGreaterThanOrEqual(3);
  });

  it('stays fast with a thousand known secrets over a large text', () => {
    const secrets = Array.from({ length: 1000 }, (_, i) => canarySecret(`many-${i}`));
    const redactor = createRedactor(secrets);
    const text = `${'x'.repeat(200_000)} ${secrets[999]} ${b64(`u:${secrets[500]}`)}`;
    const started = performance.now();
    const out = redactor.text(text);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(out.endsWith(' [redacted: stored secret] [redacted: stored secret]')).toBe(true);
  });

  it('sweeps every string of a value and keeps its shape', () => {
    const secret = canarySecret('deep');
    const redactor = createRedactor([secret]);
    const swept = redactor.value({ n: 1, flag: true, none: null, list: [`a ${secret}`, { deep: `Authorization: ${secret}` }] });
    expect(swept).toEqual({
      n: 1,
      flag: true,
      none: null,
      list: ['a [redacted: stored secret]', { deep: 'Authorization: [redacted: stored secret]' }],
    });
    expect(redactor.counts()).toEqual({ 'stored secret': 2 });
    expect(addCounts(redactor.counts(), { jwt: 1, 'stored secret': 1 })).toEqual({ 'stored secret': 3, jwt: 1 });
  });
});
