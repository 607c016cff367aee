import { describe, expect, it } from 'vitest';
import { EcrValidationSchema } from '../../../../../../shared/model/ecr-validation';
import { describeEcrHost, parseEcrHost, partitionOfRegion } from '../../../../../../main/services/validation/ecr/ecr-host';
import { refusePlainHttpEcr, resolveEcrTarget } from '../../../../../../main/services/validation/ecr/ecr-target';
import { parseEndpoint } from '../../../../../../shared/endpoint';
import { StepProblem } from '../../../../../../main/services/validation/core/step-problem';

describe('parseEcrHost', () => {
  // Every registry host form of docs/reference/aws-ecr-sts.md#registry-and-api-hosts, and the partitions the credential helper knows.
  it.each([
    ['123456789012.dkr.ecr.us-east-1.amazonaws.com', 'us-east-1', 'aws', false, false],
    ['123456789012.dkr.ecr-fips.us-east-1.amazonaws.com', 'us-east-1', 'aws', true, false],
    ['123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn', 'cn-north-1', 'aws-cn', false, false],
    ['123456789012.dkr-ecr.us-east-1.on.aws', 'us-east-1', 'aws', false, true],
    ['123456789012.dkr-ecr-fips.us-east-1.on.aws', 'us-east-1', 'aws', true, true],
    ['123456789012.dkr-ecr.cn-northwest-1.on.amazonwebservices.com.cn', 'cn-northwest-1', 'aws-cn', false, true],
    ['123456789012.dkr.ecr.us-gov-west-1.amazonaws.com', 'us-gov-west-1', 'aws-us-gov', false, false],
    ['123456789012.dkr.ecr-fips.us-gov-east-1.amazonaws.com', 'us-gov-east-1', 'aws-us-gov', true, false],
    ['123456789012.dkr.ecr.us-iso-east-1.c2s.ic.gov', 'us-iso-east-1', 'aws-iso', false, false],
    ['123456789012.dkr.ecr.us-isob-east-1.sc2s.sgov.gov', 'us-isob-east-1', 'aws-iso-b', false, false],
    ['123456789012.dkr.ecr.eu-isoe-west-1.cloud.adc-e.uk', 'eu-isoe-west-1', 'aws-iso-e', false, false],
    ['123456789012.dkr.ecr.us-isof-south-1.csp.hci.ic.gov', 'us-isof-south-1', 'aws-iso-f', false, false],
    ['123456789012.dkr.ecr.eusc-de-east-1.amazonaws.eu', 'eusc-de-east-1', 'aws-eusc', false, false],
    ['123456789012.DKR.ECR.EU-West-1.AmazonAWS.com.', 'eu-west-1', 'aws', false, false],
  ])('%s → %s, %s (FIPS %s, dual-stack %s)', (host, region, partition, fips, dualStack) => {
    expect(parseEcrHost(host)).toEqual({ kind: 'private', account: '123456789012', region, partition, fips, dualStack });
  });

  it('knows ECR Public', () => {
    expect(parseEcrHost('public.ecr.aws')).toEqual({ kind: 'public' });
    expect(describeEcrHost(parseEcrHost('public.ecr.aws'))).toMatch(/ECR Public/);
  });

  it.each([
    'api.ecr.us-east-1.amazonaws.com', // the API, not a registry
    '12345678901.dkr.ecr.us-east-1.amazonaws.com', // 11 digits
    '123456789012.dkr.ecr.us-east-1.amazonaws.com.evil.example',
    '123456789012.dkr.ecr.us-east-1.example.com',
    'vpce-0a1b2c3d.dkr.ecr.us-east-1.vpce.amazonaws.com',
    'harbor.example.com',
    '127.0.0.1',
    'localhost',
  ])('does not recognise %s (accepted with a warning by the endpoint step)', (host) => {
    expect(parseEcrHost(host)).toEqual({ kind: 'unrecognized' });
  });

  it('describes what it found', () => {
    expect(describeEcrHost(parseEcrHost('123456789012.dkr-ecr-fips.us-east-1.on.aws'))).toBe(
      'ECR registry of account 123456789012 in us-east-1 (partition aws, FIPS, dual-stack)',
    );
  });
});

describe('partitionOfRegion', () => {
  it.each([
    ['us-east-1', 'aws'],
    ['ap-southeast-7', 'aws'],
    ['cn-north-1', 'aws-cn'],
    ['us-gov-west-1', 'aws-us-gov'],
    ['us-iso-east-1', 'aws-iso'],
    ['us-isob-east-1', 'aws-iso-b'],
    ['eu-isoe-west-1', 'aws-iso-e'],
    ['us-isof-south-1', 'aws-iso-f'],
    ['eusc-de-east-1', 'aws-eusc'],
  ])('%s is in %s', (region, partition) => {
    expect(partitionOfRegion(region)).toBe(partition);
  });
});

describe('resolveEcrTarget', () => {
  const endpoint = (raw: string) => {
    const parsed = parseEndpoint(raw);
    if (!parsed.ok) throw new Error(parsed.error.message);
    return parsed.endpoint;
  };

  it('takes region, partition, account and the FIPS form from the host', () => {
    const target = resolveEcrTarget(EcrValidationSchema.parse({}), endpoint('123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com'));
    expect(target).toMatchObject({
      region: 'us-gov-west-1',
      partition: 'aws-us-gov',
      fips: true,
      dualStack: false,
      registryId: '123456789012',
      apiEndpoint: undefined,
    });
  });

  it('lets the region be set for a host that names none, and decides the partition by it', () => {
    const target = resolveEcrTarget(
      EcrValidationSchema.parse({ region: 'cn-north-1', apiEndpoint: 'vpce.example.internal:8443' }),
      endpoint('registry.internal'),
    );
    expect(target).toMatchObject({ region: 'cn-north-1', partition: 'aws-cn', registryId: undefined });
    expect(target.apiEndpoint?.href).toBe('https://vpce.example.internal:8443/');
    expect(resolveEcrTarget(EcrValidationSchema.parse({}), endpoint('registry.internal')).region).toBeUndefined();
  });

  it.each(['http://vpce.example', 'https://user:pw@vpce.example', 'https://vpce.example/?x=1', 'https://'])(
    'refuses the API endpoint override %s',
    (apiEndpoint) => {
      const attempt = () => resolveEcrTarget(EcrValidationSchema.parse({ apiEndpoint }), endpoint('registry.internal'));
      expect(attempt).toThrow(StepProblem);
      try {
        attempt();
      } catch (error) {
        expect((error as StepProblem).problem).toMatchObject({ code: 'AWS_API_ENDPOINT_INVALID', field: 'ecr.apiEndpoint' });
        expect(JSON.stringify((error as StepProblem).observed)).not.toContain('pw');
      }
    },
  );

  it.each([
    'http://123456789012.dkr.ecr.us-east-1.amazonaws.com',
    'http://123456789012.dkr-ecr.us-east-1.on.aws:80',
    'http://vpce.internal',
  ])('refuses the plain-http ECR endpoint %s: ECR is https only', (raw) => {
    const problem = (() => {
      try {
        resolveEcrTarget(EcrValidationSchema.parse({ region: 'us-east-1' }), endpoint(raw));
      } catch (error) {
        return (error as StepProblem).problem;
      }
    })();
    expect(problem).toMatchObject({ code: 'ECR_HTTPS_REQUIRED', field: 'endpoint', remedy: expect.stringContaining('https://') });
  });

  it('refuses an http:// ECR registry host even without the ECR settings, and leaves other http registries alone', () => {
    expect(() => refusePlainHttpEcr(endpoint('http://123456789012.dkr.ecr.eu-west-1.amazonaws.com'), false)).toThrow(StepProblem);
    expect(() => refusePlainHttpEcr(endpoint('http://public.ecr.aws'), false)).toThrow(StepProblem);
    expect(() => refusePlainHttpEcr(endpoint('http://registry.internal:5000'), false)).not.toThrow();
    expect(() => refusePlainHttpEcr(endpoint('123456789012.dkr.ecr.eu-west-1.amazonaws.com'), true)).not.toThrow();
  });

  it('validates the region format in the request schema', () => {
    expect(EcrValidationSchema.safeParse({ region: 'us-east-1' }).success).toBe(true);
    expect(EcrValidationSchema.safeParse({ region: 'US East' }).success).toBe(false);
  });
});
