import { describe, expect, it } from 'vitest';
import { describeProxy, proxyFor } from '../../../../../main/services/net/proxy';

const env = {
  HTTPS_PROXY: 'http://proxy.corp:3128',
  HTTP_PROXY: 'http://plain.corp:8080',
  NO_PROXY: 'localhost,.internal.corp,10.0.0.5,registry.lab:5000',
};
const viaEnv = { fromEnvironment: true };
const target = (url: string) => new URL(url);

describe('proxyFor', () => {
  it('uses HTTPS_PROXY for https and HTTP_PROXY for http', () => {
    expect(proxyFor(target('https://harbor.example.com/v2/'), viaEnv, env)?.host).toBe('proxy.corp:3128');
    expect(proxyFor(target('http://harbor.example.com/v2/'), viaEnv, env)?.host).toBe('plain.corp:8080');
  });

  it('lets lower-case variables win, as curl does', () => {
    expect(proxyFor(target('https://h.example/'), viaEnv, { ...env, https_proxy: 'lower.corp:1' })?.host).toBe('lower.corp:1');
  });

  it('honours NO_PROXY: names, domain suffixes, IPs and host:port', () => {
    for (const url of [
      'https://localhost/',
      'https://a.internal.corp/',
      'https://internal.corp/',
      'https://10.0.0.5:5000/',
      'https://registry.lab:5000/',
    ]) {
      expect(proxyFor(target(url), viaEnv, env), url).toBeNull();
    }
    for (const url of ['https://registry.lab/', 'https://notinternal.corp/', 'https://10.0.0.50/']) {
      expect(proxyFor(target(url), viaEnv, env), url).not.toBeNull();
    }
    expect(proxyFor(target('https://anything/'), viaEnv, { ...env, NO_PROXY: '*' })).toBeNull();
  });

  it('prefers the explicit setting, and can ignore the environment', () => {
    expect(proxyFor(target('https://localhost/'), { url: 'explicit.corp:9', fromEnvironment: true }, env)?.href).toBe(
      'http://explicit.corp:9/',
    );
    expect(proxyFor(target('https://h.example/'), { fromEnvironment: false }, env)).toBeNull();
  });

  it('never shows proxy credentials in reports', () => {
    const proxy = proxyFor(target('https://h/'), { url: 'http://bob:s3cret@proxy.corp:3128', fromEnvironment: false }, {});
    expect(describeProxy(proxy)).toBe('http://proxy.corp:3128');
  });

  it('rejects proxies it cannot speak to', () => {
    expect(() => proxyFor(target('https://h/'), { url: 'socks5://proxy:1080', fromEnvironment: false }, {})).toThrow(/Only http:\/\//);
  });
});
