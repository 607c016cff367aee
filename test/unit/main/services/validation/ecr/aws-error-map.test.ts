import { describe, expect, it } from 'vitest';
import { awsProblem, maskKeyId, redact } from '../../../../../../main/services/validation/ecr/aws-error-map';
import { errorCatalog } from '../../../../../../shared/errors';

/** What the SDK throws for an AWS error answer: a name, the message, and $metadata with the status. */
const serviceError = (name: string, status = 400, message = 'AWS message') =>
  Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: status, requestId: 'req-1' } });
const call = {
  service: 'ECR' as const,
  operation: 'GetAuthorizationToken',
  host: 'api.ecr.us-east-1.amazonaws.com',
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
};

describe('awsProblem', () => {
  // Both protocols' names for each cause (ECR: JSON 1.1, STS: query).
  it.each([
    ['InvalidClientTokenId', 'AWS_KEY_UNKNOWN'],
    ['UnrecognizedClientException', 'AWS_KEY_UNKNOWN'],
    ['SignatureDoesNotMatch', 'AWS_SIGNATURE_MISMATCH'],
    ['InvalidSignatureException', 'AWS_SIGNATURE_MISMATCH'],
    ['ExpiredToken', 'AWS_TOKEN_EXPIRED'],
    ['ExpiredTokenException', 'AWS_TOKEN_EXPIRED'],
    ['AccessDenied', 'AWS_ACCESS_DENIED'],
    ['AccessDeniedException', 'AWS_ACCESS_DENIED'],
    ['RepositoryNotFoundException', 'ECR_REPOSITORY_NOT_FOUND'],
    ['Throttling', 'AWS_THROTTLED'],
    ['ThrottlingException', 'AWS_THROTTLED'],
    ['TooManyRequestsException', 'AWS_THROTTLED'],
    ['ServerException', 'AWS_API_ERROR'],
  ])('%s → %s, with a sentence and a remedy', (name, code) => {
    const { problem, observed } = awsProblem(serviceError(name), call, []);
    expect(problem.code).toBe(code);
    expect(problem.message).not.toBe('');
    expect(problem.remedy).toBe(errorCatalog[problem.code].remedy);
    expect(observed[0]).toBe(`ECR GetAuthorizationToken at api.ecr.us-east-1.amazonaws.com → HTTP 400 ${name} (request id req-1)`);
  });

  it('masks the access key and points at the field at fault', () => {
    expect(awsProblem(serviceError('InvalidClientTokenId', 403), call, []).problem).toMatchObject({
      message: 'AWS does not recognise access key AKIA…MPLE (or its session token).',
      field: 'ecr.accessKeyId',
    });
    expect(awsProblem(serviceError('SignatureDoesNotMatch', 403), call, []).problem.field).toBe('ecr.secretAccessKey');
  });

  it('calls a socket failure unreachable, and a handler deadline a timeout', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED', $metadata: { attempts: 1 } });
    expect(awsProblem(refused, call, [])).toMatchObject({
      problem: { code: 'AWS_API_UNREACHABLE', message: 'The ECR API at api.ecr.us-east-1.amazonaws.com could not be reached.' },
    });
    const reset = Object.assign(new Error('socket hang up'), { name: 'TimeoutError', code: 'ECONNRESET' });
    expect(awsProblem(reset, call, []).problem.message).toMatch(/could not be reached/);
    const timeout = Object.assign(new Error('a request has exceeded the configured 5000 ms requestTimeout'), {
      name: 'TimeoutError',
      code: 'ETIMEDOUT',
    });
    expect(awsProblem(timeout, call, []).problem.message).toMatch(/did not answer in time/);
  });

  it('reports a profile without credentials', () => {
    const error = Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
    expect(awsProblem(error, { ...call, accessKeyId: undefined }, [])).toMatchObject({
      problem: { code: 'AWS_PROFILE_UNAVAILABLE', field: 'ecr.sourceProfile' },
      observed: ['AWS SDK credential chain: Could not load credentials from any providers'],
    });
  });

  it('never repeats a secret AWS echoed back', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const token = 'IQoJb3JpZ2luX2VjEJr'.repeat(10);
    const { observed } = awsProblem(
      serviceError('AccessDeniedException', 400, `denied; key ${secret}; canonical request had x-amz-security-token:${token}`),
      call,
      [secret],
    );
    expect(observed.join('\n')).not.toContain(secret);
    expect(observed.join('\n')).not.toContain(token.slice(0, 80));
  });
});

describe('maskKeyId and redact', () => {
  it('keeps four characters at each end', () => {
    expect(maskKeyId('AKIAIOSFODNN7EXAMPLE')).toBe('AKIA…MPLE');
    expect(maskKeyId('short')).toBe('…');
  });
  it('bounds what it passes on', () => {
    expect(redact('x'.repeat(1000), []).length).toBeLessThanOrEqual(400);
  });
});
