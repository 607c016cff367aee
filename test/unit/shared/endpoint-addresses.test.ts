// Which endpoints are IP addresses (the DNS step is skipped for them, and an IPv6 host is bracketed
// in the origin), and the field a refused character is named for.
import { describe, expect, it } from 'vitest';
import { parseEndpoint } from '../../../shared/endpoint';

function endpointOf(raw: string) {
  const result = parseEndpoint(raw);
  if (!result.ok) throw new Error(result.error.message);
  return result.endpoint;
}

describe('parseEndpoint address kinds', () => {
  it.each([
    ['10.20.30.40:5000', 4, 'https://10.20.30.40:5000'],
    ['https://192.168.100.200', 4, 'https://192.168.100.200'],
    // WHATWG URL turns other IPv4 spellings into dotted decimal first.
    ['https://0x7f.1:8443', 4, 'https://127.0.0.1:8443'],
    ['[::1]:5000', 6, 'https://[::1]:5000'],
    ['http://[fd00::10]', 6, 'http://[fd00::10]'],
    ['registry.example', 0, 'https://registry.example'],
    ['1.2.3.example', 0, 'https://1.2.3.example'],
    ['1.2.3.4.example', 0, 'https://1.2.3.4.example'],
  ] as const)('%s is ipVersion %i with origin %s', (raw, ipVersion, origin) => {
    const endpoint = endpointOf(raw);
    expect(endpoint.ipVersion).toBe(ipVersion);
    expect(endpoint.origin).toBe(origin);
  });

  it('names the endpoint when it refuses a control or bidi character', () => {
    for (const raw of ['h.example\u0007', 'h\u202e.example']) {
      const result = parseEndpoint(raw);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(/^The endpoint /);
    }
  });
});
