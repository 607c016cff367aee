import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY_HEADER, withSecurityHeaders } from '../../../main/content-security-policy';

describe('withSecurityHeaders (every app:// response)', () => {
  it('adds the policy with frame-ancestors and nosniff, keeping status, type and body', async () => {
    const original = new Response('<!doctype html>', { status: 200, headers: { 'content-type': 'text/html' } });
    const response = withSecurityHeaders(original);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY_HEADER);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('<!doctype html>');
  });

  it('replaces a policy the file response might already carry rather than adding a second one', () => {
    const response = withSecurityHeaders(new Response('x', { headers: { 'content-security-policy': 'default-src *' } }));
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY_HEADER);
  });

  it('covers refusals too', () => {
    const response = withSecurityHeaders(new Response('Not found', { status: 404 }));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY_HEADER);
  });
});
