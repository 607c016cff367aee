import { describe, expect, it } from 'vitest';
import { credentialRoute, isLinkLocalOrMetadata } from '../../../../../main/services/net/credential-routing';

const route = (target: string, registry: string, destination: 'registry' | 'token-service') =>
  credentialRoute(new URL(target), registry, destination);

describe('credentialRoute: where a password may go', () => {
  it('always lets it go to the registry’s own origin, whatever the path, default port written or not', () => {
    expect(route('https://r.example/v2/_catalog?n=1', 'https://r.example', 'registry')).toEqual({
      send: true,
      origin: 'https://r.example',
      sameOrigin: true,
    });
    expect(route('https://r.example:443/token', 'https://r.example', 'token-service').send).toBe(true);
    expect(route('http://r.example:5000/v2/', 'http://r.example:5000', 'registry').send).toBe(true);
  });

  it.each([
    ['http://r.example/v2/', 'another scheme'],
    ['https://r.example:8443/v2/', 'another port'],
    ['https://other.example/v2/', 'another host'],
    ['https://R.EXAMPLE.evil/v2/', 'a longer host name'],
  ])('keeps registry requests on the registry’s origin: not %s (%s)', (target) => {
    expect(route(target, 'https://r.example', 'registry')).toMatchObject({ send: false, reason: 'other-origin' });
  });

  it('lets a token service on another https origin have it, and says it is another origin', () => {
    expect(route('https://auth.example/token', 'https://r.example', 'token-service')).toEqual({
      send: true,
      origin: 'https://auth.example',
      sameOrigin: false,
    });
    expect(route('https://r.example:5001/token', 'https://r.example', 'token-service')).toMatchObject({ send: true, sameOrigin: false });
    // An http registry already sends the password in clear: an https or http token service is no weaker.
    expect(route('https://auth.example/token', 'http://r.example', 'token-service').send).toBe(true);
    expect(route('http://auth.example/token', 'http://r.example', 'token-service').send).toBe(true);
  });

  it('never sends it over plain http for an https registry, same host or not', () => {
    expect(route('http://r.example/token', 'https://r.example', 'token-service')).toMatchObject({ send: false, reason: 'plain-http' });
    expect(route('http://auth.example/token', 'https://r.example', 'token-service')).toMatchObject({
      send: false,
      reason: 'plain-http',
      origin: 'http://auth.example',
    });
  });

  it.each([
    'https://169.254.169.254/latest/api/token',
    'https://169.254.0.1/token',
    'https://[::ffff:169.254.169.254]/token',
    'https://[::ffff:a9fe:1]/token',
    'https://[64:ff9b::169.254.169.254]/token',
    'https://0xa9.0xfe.0xa9.0xfe/token',
    'https://2852039166/token',
    'https://169.254.169.254./token',
    'https://[fd00:ec2::254]/token',
    'https://[fd00:ec2:0:0:0:0:0:254]/token',
    'https://[fe80::1]/token',
    'https://[febf:ffff::1]/token',
  ])('never sends it to the link-local or metadata token service %s', (target) => {
    expect(route(target, 'https://r.example', 'token-service')).toMatchObject({ send: false, reason: 'link-local' });
  });

  it('allows a link-local token service only when that is the registry’s own host', () => {
    expect(route('https://169.254.10.10:5001/token', 'https://169.254.10.10', 'token-service')).toMatchObject({ send: true });
    expect(route('https://[fe80::1]:5001/token', 'https://[fe80::1]:5000', 'token-service')).toMatchObject({ send: true });
    expect(route('https://169.254.169.254/token', 'https://169.254.10.10', 'token-service')).toMatchObject({ send: false });
  });
});

describe('isLinkLocalOrMetadata', () => {
  it('knows the ranges and nothing more', () => {
    expect(isLinkLocalOrMetadata('169.254.169.254')).toBe(true);
    expect(isLinkLocalOrMetadata('[fe80::abcd]')).toBe(true);
    for (const host of [
      '169.255.0.1',
      '169.253.255.255',
      '127.0.0.1',
      '10.0.0.1',
      '[fec0::1]',
      '[fd00:ec2::253]',
      '[::1]',
      'metadata.example',
    ]) {
      expect(isLinkLocalOrMetadata(host), host).toBe(false);
    }
  });
});
