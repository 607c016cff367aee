import { describe, expect, it } from 'vitest';
import { describeUrlForLog, EXTERNAL_LINK_ALLOWLIST, externalLinkFor, isAppUrl } from '../../../main/security';

describe('externalLinkFor (the https allowlist for the system browser)', () => {
  it.each([
    ['https://docs.spectrocloud.com/', 'https://docs.spectrocloud.com/'],
    ['https://docs.spectrocloud.com/clusters/#ecr?x=1', 'https://docs.spectrocloud.com/clusters/#ecr?x=1'],
    ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles.html', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles.html'],
    [
      'https://github.com/opencontainers/distribution-spec/blob/main/spec.md',
      'https://github.com/opencontainers/distribution-spec/blob/main/spec.md',
    ],
    ['https://docs.spectrocloud.com:443/a', 'https://docs.spectrocloud.com/a'],
  ])('allows %s', (url, opened) => {
    expect(externalLinkFor(url)).toBe(opened);
  });

  it.each([
    // not https, or not a web URL at all
    'http://docs.spectrocloud.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<h1>hi</h1>',
    'blob:https://docs.spectrocloud.com/6b1d1b0e',
    'about:blank',
    'chrome://settings/',
    'devtools://devtools/bundled/inspector.html',
    'view-source:https://docs.spectrocloud.com/',
    'app://regdesk/index.html',
    'ftp://docs.spectrocloud.com/',
    'mailto:admin@docs.spectrocloud.com',
    // other hosts that look alike
    'https://docs.spectrocloud.com.evil.com/',
    'https://evil.com/docs.spectrocloud.com',
    'https://docs.spectrocloud.com.',
    'https://spectrocloud.com/',
    'https://evil.docs.spectrocloud.com/',
    'https://docs.spectrocloud.com%2eevil.com/',
    // IDN: Cyrillic "о" and Greek "ο" in place of the Latin o, and their punycode
    'https://docs.spectrоcloud.com/',
    'https://dοcs.spectrocloud.com/',
    'https://xn--docs-spectrcloud-ltb.com/',
    // credentials and ports
    'https://user:pw@docs.spectrocloud.com/',
    'https://user@docs.spectrocloud.com/',
    'https://docs.spectrocloud.com@evil.com/',
    'https://docs.spectrocloud.com:8443/',
    'https://docs.aws.amazon.com:80/',
    // backslashes, whitespace and control characters parsers disagree on
    'https:\\\\docs.spectrocloud.com\\',
    'https://docs.spectrocloud.com\\@evil.com/',
    'https://evil.com\\docs.spectrocloud.com/',
    ' https://docs.spectrocloud.com/',
    'https://docs.spectrocloud.com/\n',
    'https://docs.spectro\tcloud.com/',
    'https://docs.spectrocloud.com/\u0000',
    // outside the one GitHub path that is allowed
    'https://github.com/',
    'https://github.com/evil/distribution-spec/',
    'https://github.com/opencontainers/distribution-spec-evil/',
    'https://github.com/opencontainers/distribution-spec/../../evil/repo',
    'https://github.com/opencontainers/distribution-spec/%2e%2e/%2e%2e/evil',
    'https://github.com/opencontainers/distribution-spec%2F..%2F..%2Fevil',
    'https://github.com/opencontainers/distribution-spec/..%5c..%5cevil',
    'https://gist.github.com/opencontainers/distribution-spec/',
    // not a URL
    'not a url',
    '',
  ])('refuses %j', (url) => {
    expect(externalLinkFor(url)).toBeUndefined();
  });

  it('refuses a URL too long for any documentation page', () => {
    expect(externalLinkFor(`https://docs.spectrocloud.com/${'a'.repeat(2100)}`)).toBeUndefined();
  });

  it('allows only https origins, each spelled exactly as the parser serialises it', () => {
    for (const rule of EXTERNAL_LINK_ALLOWLIST) {
      expect(new URL(rule.origin).origin).toBe(rule.origin);
      expect(rule.origin.startsWith('https://')).toBe(true);
    }
  });

  it('uses the rules it is given', () => {
    const rules = [{ origin: 'https://docs.example.test:8443' as const }];
    expect(externalLinkFor('https://docs.example.test:8443/x', rules)).toBe('https://docs.example.test:8443/x');
    expect(externalLinkFor('https://docs.example.test/x', rules)).toBeUndefined();
    expect(externalLinkFor('https://docs.spectrocloud.com/', rules)).toBeUndefined();
  });
});

describe('isAppUrl', () => {
  const app = ['app://regdesk'];

  it('compares scheme and host after parsing, not by prefix', () => {
    expect(isAppUrl('app://regdesk/index.html#/x', app)).toBe(true);
    // app:// is not a WHATWG special scheme, so its host is compared as written. Chromium
    // lower-cases it (the scheme is registered as standard); anything else fails closed.
    expect(isAppUrl('app://REGDESK/index.html', app)).toBe(false);
    for (const url of [
      'app://regdesk.evil/',
      'app://evil/regdesk',
      'app://regdeskx/',
      'https://regdesk/',
      'app:regdesk',
      'not a url',
      '',
    ]) {
      expect(isAppUrl(url, app), url).toBe(false);
    }
    expect(isAppUrl(undefined, app)).toBe(false);
  });

  it('never matches the "null" origin WHATWG gives custom schemes', () => {
    expect(isAppUrl('app://null/', app)).toBe(false);
    expect(isAppUrl('data:text/html,x', ['null'])).toBe(false);
    expect(isAppUrl('blob:app://regdesk/uuid', app)).toBe(false);
  });

  it('refuses app URLs with credentials', () => {
    expect(isAppUrl('app://user:pw@regdesk/index.html', app)).toBe(false);
  });

  it('matches the dev server origin with its port, and only that port', () => {
    const dev = ['http://localhost:5173'];
    expect(isAppUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAppUrl('http://localhost:51730/', dev)).toBe(false);
    expect(isAppUrl('http://localhost:5173.evil.test/', dev)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', dev)).toBe(false);
  });
});

describe('describeUrlForLog', () => {
  it('keeps scheme, host and path of web and file URLs, drops query, fragment and credentials', () => {
    expect(describeUrlForLog('https://u:p@evil.example:8443/a/b?token=t#frag')).toBe('https://evil.example:8443/a/b');
    expect(describeUrlForLog('file:///etc/passwd')).toBe('file:///etc/passwd');
  });

  it('names only the scheme of URLs that carry their payload', () => {
    expect(describeUrlForLog('javascript:alert(document.cookie)')).toBe('a javascript: URL');
    expect(describeUrlForLog('data:text/html,<script>x</script>')).toBe('a data: URL');
    expect(describeUrlForLog('blob:app://regdesk/uuid')).toBe('a blob: URL');
  });

  it('says so when there is nothing to parse, and stays short', () => {
    expect(describeUrlForLog('not a url')).toBe('an unparseable URL');
    expect(describeUrlForLog(undefined)).toBe('no URL');
    expect(describeUrlForLog(`https://evil.example/${'a'.repeat(500)}`).length).toBeLessThanOrEqual(201);
  });
});
