// A host name DNS cannot carry is refused where it is typed, by the one endpoint
// parser, with the rule it breaks, instead of reaching the resolver and coming back as an internal error.
import { describe, expect, it } from 'vitest';
import { parseEndpoint } from '../../../shared/endpoint';
import { emptyRegistryForm, RegistryFormSchema } from '../../../shared/model/registry-form';

const label = (n: number, c = 'a') => c.repeat(n);
const problem = (raw: string) => {
  const parsed = parseEndpoint(raw);
  return parsed.ok ? undefined : parsed.error;
};

describe('DNS limits in the endpoint parser (RFC 1035 §2.3.4)', () => {
  it('takes a label of 63 characters and a name of 253', () => {
    expect(problem(`https://${label(63)}.example.test:5000`)).toBeUndefined();
    const name = [label(63), label(63), label(63), label(61)].join('.');
    expect(name).toHaveLength(253);
    expect(problem(name)).toBeUndefined();
    expect(problem(`${name}.`)).toBeUndefined();
  });

  it('refuses a label of 64 characters or more, naming the rule', () => {
    expect(problem(`https://${label(64)}.example.test`)).toMatchObject({
      code: 'ENDPOINT_INVALID',
      field: 'endpoint',
      message: expect.stringMatching(/label .* of 64 characters.*at most 63 per label/),
    });
    expect(problem(`${label(500)}:5000/v2/`)?.message).toMatch(/of 500 characters, "a{20}…"; DNS allows at most 63 per label/);
  });

  it('counts an internationalised label in the xn-- form DNS carries', () => {
    // 60 characters typed, 66 once encoded; 55 typed are 61 encoded, and pass.
    expect(problem(`${label(55, 'ä')}.example.test`)).toBeUndefined();
    expect(problem(`${label(60, 'ä')}.example.test`)?.message).toMatch(/label .* of 66 characters, "xn--/);
  });

  it('refuses a name over 253 characters', () => {
    const name = [label(63), label(63), label(63), label(62)].join('.');
    expect(problem(name)?.message).toBe('The host name is 254 characters long; DNS allows at most 253 (RFC 1035).');
  });

  it('refuses an empty label', () => {
    expect(problem('https://harbor..example.test')?.message).toMatch(/empty label/);
  });

  it('leaves IP addresses alone', () => {
    expect(problem('https://[2001:db8::1]:5000')).toBeUndefined();
    expect(problem('10.0.0.1:5000')).toBeUndefined();
  });

  it('is the message the form shows under Endpoint', () => {
    const result = RegistryFormSchema.safeParse({ ...emptyRegistryForm(), name: 'n', endpoint: `${label(500)}.example.test` });
    expect(result.success).toBe(false);
    expect(result.error?.issues.find((i) => i.path[0] === 'endpoint')?.message).toMatch(/DNS allows at most 63 per label/);
  });
});
