// Path prefixes as pasted, with the slashes and /v2 an admin leaves on them, and the display form.
import { describe, expect, it } from 'vitest';
import { describeEndpoint, parseEndpoint } from '../../../shared/endpoint';

function prefixOf(raw: string) {
  const result = parseEndpoint(raw);
  if (!result.ok) throw new Error(result.error.message);
  return result.endpoint.pathPrefix;
}

describe('parseEndpoint path prefixes', () => {
  it.each([
    ['https://r.example/a/v2//', '/a'],
    ['https://r.example/a///v2/', '/a'],
    ['https://r.example/mirror/v2/packs', '/mirror/v2/packs'],
    ['https://r.example/V2', ''],
  ])('%s → %j', (raw, prefix) => {
    expect(prefixOf(raw)).toBe(prefix);
  });

  it('takes a scheme only at the start, not from the path', () => {
    expect(prefixOf('r.example/a://b')).toBe('/a://b');
  });

  it('describes an endpoint by its origin and prefix', () => {
    const result = parseEndpoint('HTTPS://JFrog.example.com:8443/artifactory/api/docker/packs/v2/');
    expect(result.ok && describeEndpoint(result.endpoint)).toBe('https://jfrog.example.com:8443/artifactory/api/docker/packs');
  });
});
