import { describe, expect, it } from 'vitest';
import { parseEndpoint } from '../../../shared/endpoint';

function parsed(raw: string) {
  const result = parseEndpoint(raw);
  if (!result.ok) throw new Error(`expected ${raw} to parse: ${result.error.message}`);
  return result.endpoint;
}

describe('parseEndpoint', () => {
  it.each([
    ['harbor.example.com', 'https://harbor.example.com', 443, '', 'https://harbor.example.com/v2/'],
    ['harbor.example.com:5000', 'https://harbor.example.com:5000', 5000, '', 'https://harbor.example.com:5000/v2/'],
    ['HTTPS://Harbor.Example.com/', 'https://harbor.example.com', 443, '', 'https://harbor.example.com/v2/'],
    ['Http://10.0.0.5:5000/v2/', 'http://10.0.0.5:5000', 5000, '', 'http://10.0.0.5:5000/v2/'],
    ['http://10.0.0.5', 'http://10.0.0.5', 80, '', 'http://10.0.0.5/v2/'],
    ['[::1]:5000', 'https://[::1]:5000', 5000, '', 'https://[::1]:5000/v2/'],
    ['https://[fe80::1]/', 'https://[fe80::1]', 443, '', 'https://[fe80::1]/v2/'],
    [
      'https://jfrog.example.com/artifactory/api/docker/packs/',
      'https://jfrog.example.com',
      443,
      '/artifactory/api/docker/packs',
      'https://jfrog.example.com/artifactory/api/docker/packs/v2/',
    ],
    [
      'https://jfrog.example.com/artifactory/api/docker/packs/v2',
      'https://jfrog.example.com',
      443,
      '/artifactory/api/docker/packs',
      'https://jfrog.example.com/artifactory/api/docker/packs/v2/',
    ],
    ['  registry.local:443//  ', 'https://registry.local', 443, '', 'https://registry.local/v2/'],
    ['localhost:5000', 'https://localhost:5000', 5000, '', 'https://localhost:5000/v2/'],
  ])('%s', (raw, origin, port, prefix, apiBase) => {
    const endpoint = parsed(raw);
    expect([endpoint.origin, endpoint.port, endpoint.pathPrefix, endpoint.apiBase]).toEqual([origin, port, prefix, apiBase]);
  });

  it('knows IP literals and keeps IPv6 hosts unbracketed for connecting', () => {
    expect(parsed('[::1]:5000')).toMatchObject({ host: '::1', ipVersion: 6, hostPort: '[::1]:5000' });
    expect(parsed('127.0.0.1:5000')).toMatchObject({ host: '127.0.0.1', ipVersion: 4, hostPort: '127.0.0.1:5000' });
    expect(parsed('registry.local')).toMatchObject({ ipVersion: 0, hostPort: 'registry.local:443' });
  });

  it.each([
    ['', /Enter the registry endpoint/],
    ['   ', /Enter the registry endpoint/],
    ['ftp://registry.local', /"ftp:\/\/" is not a registry address/],
    ['oci://registry.local/charts', /"oci:\/\/" is not a registry address/],
    ['https://alice:secret@registry.local', /Remove the credentials/],
    ['https://registry.local/?tab=1', /query/],
    ['https://registry.local/#x', /fragment/],
    ['registry .local', /space/],
    ['registry.local\u0007', /control character/],
    ['https://registry.local\u0000', /control character/],
    ['https://registry.local:99999', /not a valid/],
    ['https://', /not a valid|no host/],
  ])('rejects %j with a field-level error', (raw, message) => {
    const result = parseEndpoint(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatchObject({ code: 'ENDPOINT_INVALID', field: 'endpoint' });
      expect(result.error.message).toMatch(message);
    }
  });

  it('never echoes credentials from a rejected endpoint', () => {
    const result = parseEndpoint('https://alice:hunter2@registry.local');
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });
});
