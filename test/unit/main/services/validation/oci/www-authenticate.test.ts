import { describe, expect, it } from 'vitest';
import { parseWwwAuthenticate } from '../../../../../../main/services/validation/oci/www-authenticate';

describe('parseWwwAuthenticate (RFC 7235)', () => {
  it('reads distribution’s Basic and Bearer challenges', () => {
    expect(parseWwwAuthenticate('Basic realm="basic-realm"')).toEqual([{ scheme: 'basic', params: { realm: 'basic-realm' } }]);
    expect(parseWwwAuthenticate('Bearer realm="https://auth.local/token",service="registry.local",scope="repository:a/b:pull"')).toEqual([
      { scheme: 'bearer', params: { realm: 'https://auth.local/token', service: 'registry.local', scope: 'repository:a/b:pull' } },
    ]);
  });

  it('takes several challenges on one line and across header lines, any scheme case', () => {
    const challenges = parseWwwAuthenticate(['Negotiate, BEARER realm="https://a/t", service=reg', 'basic Realm=x']);
    expect(challenges).toEqual([
      { scheme: 'negotiate', params: {} },
      { scheme: 'bearer', params: { realm: 'https://a/t', service: 'reg' } },
      { scheme: 'basic', params: { realm: 'x' } },
    ]);
  });

  it('keeps commas, equals signs and escaped quotes inside quoted strings', () => {
    const [challenge] = parseWwwAuthenticate(
      'Bearer realm="https://a/t?x=1,y=2",error="invalid_token",error_description="say \\"hi\\", then go"',
    );
    expect(challenge?.params).toEqual({ realm: 'https://a/t?x=1,y=2', error: 'invalid_token', error_description: 'say "hi", then go' });
  });

  it('accepts spaces around "=" and bare tokens, and token68 credentials', () => {
    expect(parseWwwAuthenticate('Bearer realm = "https://a/t" , service = registry.local')[0]?.params).toEqual({
      realm: 'https://a/t',
      service: 'registry.local',
    });
    expect(parseWwwAuthenticate('Negotiate YIIB+w==, Basic realm="r"')).toEqual([
      { scheme: 'negotiate', params: { token68: 'YIIB+w==' } },
      { scheme: 'basic', params: { realm: 'r' } },
    ]);
  });

  it('reads ECR’s challenge and the multi-scope form', () => {
    expect(
      parseWwwAuthenticate('Basic realm="https://123456789012.dkr.ecr.us-east-1.amazonaws.com/",service="ecr.amazonaws.com"')[0],
    ).toEqual({
      scheme: 'basic',
      params: { realm: 'https://123456789012.dkr.ecr.us-east-1.amazonaws.com/', service: 'ecr.amazonaws.com' },
    });
    expect(parseWwwAuthenticate('Bearer realm="r",scope="repository:a:pull repository:b:pull,push"')[0]?.params['scope']).toBe(
      'repository:a:pull repository:b:pull,push',
    );
  });

  it('survives empty and malformed headers', () => {
    expect(parseWwwAuthenticate(undefined)).toEqual([]);
    expect(parseWwwAuthenticate('')).toEqual([]);
    expect(parseWwwAuthenticate('Bearer realm="unterminated')).toEqual([{ scheme: 'bearer', params: { realm: 'unterminated' } }]);
  });
});
