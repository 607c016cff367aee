import { describe, expect, it } from 'vitest';
import { ecrRequest, strayEcrFlag, type EcrValues } from '../../../../main/cli/ecr-options';

const values = (v: Partial<EcrValues>): EcrValues => ({ 'aws-secret-stdin': false, ...v });
const ROLE = 'arn:aws:iam::123456789012:role/packs';

describe('ecrRequest', () => {
  it('builds Credentials from flags and standard input', () => {
    expect(
      ecrRequest(
        values({ 'aws-auth': 'credentials', 'aws-access-key-id': 'AKIAFLAG', 'aws-region': 'eu-west-1' }),
        undefined,
        {},
        's3cret',
      ),
    ).toEqual({
      ecr: {
        isPrivate: true,
        method: 'credentials',
        accessKeyId: 'AKIAFLAG',
        secretAccessKey: 's3cret',
        sessionToken: '',
        region: 'eu-west-1',
      },
    });
  });

  it('takes AWS_SESSION_TOKEN only with the key from AWS_ACCESS_KEY_ID', () => {
    const env = { AWS_ACCESS_KEY_ID: 'ASIAENV', AWS_SECRET_ACCESS_KEY: 'env-secret', AWS_SESSION_TOKEN: 'env-token' };
    expect(ecrRequest(values({ 'aws-auth': 'credentials' }), undefined, env, undefined)).toMatchObject({
      ecr: { accessKeyId: 'ASIAENV', secretAccessKey: 'env-secret', sessionToken: 'env-token' },
    });
    expect(ecrRequest(values({ 'aws-auth': 'credentials', 'aws-access-key-id': 'AKIAFLAG' }), undefined, env, undefined)).toMatchObject({
      ecr: { accessKeyId: 'AKIAFLAG', sessionToken: '' },
    });
  });

  it('uses a profile, else keys, else nothing as the STS source identity', () => {
    const sts = { 'aws-auth': 'sts', 'role-arn': ROLE, 'external-id': 'ext-id' };
    const env = { AWS_ACCESS_KEY_ID: 'AKIAENV', AWS_SECRET_ACCESS_KEY: 'env-secret' };
    expect(ecrRequest(values({ ...sts, 'aws-profile': 'admin' }), undefined, env, undefined)).toEqual({
      ecr: { isPrivate: true, method: 'sts', roleArn: ROLE, externalId: 'ext-id', sourceProfile: 'admin' },
    });
    expect(ecrRequest(values(sts), undefined, env, undefined)).toMatchObject({
      ecr: { accessKeyId: 'AKIAENV', secretAccessKey: 'env-secret' },
    });
    expect(ecrRequest(values(sts), undefined, {}, undefined)).toEqual({
      ecr: { isPrivate: true, method: 'sts', roleArn: ROLE, externalId: 'ext-id' },
    });
  });

  it('reads method, key and role from an ECR draft', () => {
    expect(
      ecrRequest(values({}), { isPrivate: true, awsAuth: { method: 'sts', roleArn: ROLE, externalId: 'ext-id' } }, {}, undefined),
    ).toMatchObject({ ecr: { method: 'sts', roleArn: ROLE } });
    expect(ecrRequest(values({}), { isPrivate: false }, {}, undefined)).toEqual({ ecr: { isPrivate: false } });
    expect(
      ecrRequest(
        values({}),
        { isPrivate: true, awsAuth: { method: 'credentials', accessKeyId: 'AKIADRAFT' } },
        { AWS_SECRET_ACCESS_KEY: 's' },
        undefined,
      ),
    ).toMatchObject({ ecr: { accessKeyId: 'AKIADRAFT', secretAccessKey: 's' } });
  });

  it('names flags that do not fit', () => {
    expect(strayEcrFlag(values({ 'role-arn': ROLE }))).toBe('role-arn');
    expect(strayEcrFlag(values({ 'aws-secret-stdin': true }))).toBe('aws-secret-stdin');
    expect(strayEcrFlag(values({}))).toBeUndefined();
    expect(
      ecrRequest(
        values({ 'aws-auth': 'sts', 'role-arn': ROLE, 'external-id': 'x', 'aws-profile': 'p', 'aws-access-key-id': 'AKIA' }),
        undefined,
        {},
        's',
      ),
    ).toEqual({ error: 'give --aws-profile or --aws-access-key-id as the source identity, not both' });
  });
});
