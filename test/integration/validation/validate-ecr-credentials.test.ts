// ECR with access keys: the real AWS SDK against the AWS double, the ECR token against a
// real docker-registry, packs pushed as Palette's docs push them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRegistry } from '../../fixtures/registry';
import { adminKeys, ecrInput, expectNoSecrets, expectOnlyDouble, startEcrWorld, type EcrWorld } from './ecr-support';
import { failure, statuses, step, validate } from './validate-support';

let world: EcrWorld;

beforeAll(async () => {
  world = await startEcrWorld('validate-ecr-keys');
  await world.push('prod', 'cni-calico', ['3.26.0', '3.27.1']);
  await world.push('prod', 'csi-aws-ebs', ['1.22.0']);
  await world.push('staging-old', 'ubuntu-aws', ['22.04']);
});
afterAll(async () => world?.close());

describe('ECR with access keys', () => {
  it('gets a token with good keys, signs in to the registry with it and finds the packs through both APIs', async () => {
    const double = await world.startDouble();
    let requests = 0;
    const report = await validate(ecrInput(world, double, { method: 'credentials', ...adminKeys(world) }, { baseContentPath: 'prod' }), {
      onRequestCount: (n) => (requests = n),
    });
    expect(statuses(report)).toBe('endpoint:warn dns:ok tcp:ok tls:ok registry-api:ok auth:ok base-path:ok packs:ok');
    expect(report.ok).toBe(true);
    // 127.0.0.1 is no ECR host name: accepted with a warning, the given region used.
    expect(step(report, 'endpoint').problem).toMatchObject({
      code: 'ECR_HOST_UNRECOGNIZED',
      message: expect.stringContaining('AWS calls go to region us-east-1'),
    });
    const auth = step(report, 'auth').observed;
    expect(auth[0]).toMatch(/^signed in with an ECR token that expires \d{4}-\d\d-\d\dT.*Z \(in 1[12] h \d+ min\)$/);
    expect(auth).toContain('ECR GetAuthorizationToken in us-east-1 → a token for user AWS');
    expect(auth).toContain('authenticated as AWS');
    expect(Date.parse(report.ecrTokenExpiresAt!) - Date.now()).toBeGreaterThan(11.9 * 3600_000);
    expect(step(report, 'base-path').observed[1]).toBe(
      'ECR DescribeRepositories → 3 repositories in 1 page; 2 under prod/spectro-packs/archive/',
    );
    expect(step(report, 'base-path').observed).toContain("the registry's catalog agrees: 2 under prod/spectro-packs/archive/");
    expect(report.packs).toEqual([
      { name: 'cni-calico', versions: ['3.27.1', '3.26.0'] },
      { name: 'csi-aws-ebs', versions: ['1.22.0'] },
    ]);
    // GetAuthorizationToken, DescribeRepositories, 2 × ListImages; /v2/ twice and _catalog on the registry.
    expect(double.calls().map((c) => c.action)).toEqual(['GetAuthorizationToken', 'DescribeRepositories', 'ListImages', 'ListImages']);
    expect(requests).toBe(4 + 3);
    expectOnlyDouble(double);
    expectNoSecrets(report, world);
  });

  it('fails on a wrong secret with the signature mismatch AWS really computes', async () => {
    const double = await world.startDouble();
    const report = await validate(
      ecrInput(world, double, {
        method: 'credentials',
        accessKeyId: world.admin.accessKeyId,
        secretAccessKey: `${world.admin.secretAccessKey}x`,
      }),
    );
    expect(failure(report)).toMatchObject({ id: 'auth', code: 'AWS_SIGNATURE_MISMATCH' });
    expect(step(report, 'auth').problem?.field).toBe('ecr.secretAccessKey');
    expect(failure(report)!.observed[0]).toMatch(
      /^ECR GetAuthorizationToken at 127\.0\.0\.1:\d+ → HTTP 400 InvalidSignatureException \(request id /,
    );
    expect(double.calls()).toMatchObject([{ action: 'GetAuthorizationToken', error: 'InvalidSignatureException' }]);
    expect(statuses(report)).toMatch(/auth:fail base-path:skipped packs:skipped$/);
    expectNoSecrets(report, world);
  });

  it('says AWS does not know an access key, masking it', async () => {
    const double = await world.startDouble();
    const report = await validate(
      ecrInput(world, double, { method: 'credentials', accessKeyId: 'AKIAUNKNOWNKEY000009', secretAccessKey: world.admin.secretAccessKey }),
    );
    expect(failure(report)).toMatchObject({
      id: 'auth',
      code: 'AWS_KEY_UNKNOWN',
      message: 'AWS does not recognise access key AKIA…0009 (or its session token).',
    });
    expect(double.calls()[0]).toMatchObject({ error: 'UnrecognizedClientException' });
  });

  it('refuses to start without a secret, and without a region for a host that names none', async () => {
    const double = await world.startDouble();
    const noSecret = await validate(ecrInput(world, double, { method: 'credentials', accessKeyId: world.admin.accessKeyId }));
    expect(failure(noSecret)).toMatchObject({ id: 'auth', code: 'AWS_CREDENTIALS_REQUIRED' });
    const input = ecrInput(world, double, { method: 'credentials', ...adminKeys(world) });
    const noRegion = await validate({ ...input, ecr: { ...input.ecr, region: undefined } });
    expect(step(noRegion, 'endpoint').problem?.code).toBe('ECR_HOST_UNRECOGNIZED');
    expect(failure(noRegion)).toMatchObject({ id: 'auth', code: 'AWS_REGION_REQUIRED' });
    expect(double.calls()).toHaveLength(0);
  });

  it('names the base paths that do hold packs when this one holds none', async () => {
    const double = await world.startDouble();
    const report = await validate(ecrInput(world, double, { method: 'credentials', ...adminKeys(world) }, { baseContentPath: 'staging' }));
    expect(report.ok).toBe(true);
    expect(step(report, 'base-path')).toMatchObject({
      status: 'warn',
      problem: { code: 'BASE_PATH_EMPTY', remedy: 'Set Base Content Path to "prod" or "staging-old".' },
    });
    expect(step(report, 'packs').status).toBe('skipped');
  });

  it('pages through DescribeRepositories with nextToken', async () => {
    const double = await world.startDouble({ pageLimit: 2 });
    const report = await validate(ecrInput(world, double, { method: 'credentials', ...adminKeys(world) }, { baseContentPath: 'prod' }));
    const pages = double.calls().filter((c) => c.action === 'DescribeRepositories');
    expect(pages.map((p) => p.input['nextToken'] !== undefined)).toEqual([false, true]);
    expect(pages.every((p) => p.input['maxResults'] === 1000)).toBe(true);
    expect(step(report, 'base-path').observed[1]).toMatch(/→ 3 repositories in 2 pages; 2 under prod/);
    expect(report.packCount).toBe(2);
  });

  it('maps throttling, a vanished repository and a missing permission to their codes', async () => {
    const throttled = await world.startDouble();
    throttled.failNext('GetAuthorizationToken', { code: 'ThrottlingException', status: 400, message: 'Rate exceeded' });
    expect(failure(await validate(ecrInput(world, throttled, { method: 'credentials', ...adminKeys(world) })))).toMatchObject({
      id: 'auth',
      code: 'AWS_THROTTLED',
    });
    expect(throttled.calls()).toHaveLength(1); // maxAttempts 1: no retry hides the throttling

    const vanished = await world.startDouble();
    vanished.failNext('ListImages', {
      code: 'RepositoryNotFoundException',
      status: 400,
      message: "The repository with name 'x' does not exist",
    });
    const report = await validate(ecrInput(world, vanished, { method: 'credentials', ...adminKeys(world) }, { baseContentPath: 'prod' }));
    expect(step(report, 'packs')).toMatchObject({ status: 'warn', problem: { code: 'ECR_REPOSITORY_NOT_FOUND' } });

    const denied = await world.startDouble({ allow: (_who, action) => action !== 'ecr:DescribeRepositories' });
    const refused = await validate(ecrInput(world, denied, { method: 'credentials', ...adminKeys(world) }, { baseContentPath: 'prod' }));
    expect(failure(refused)).toMatchObject({
      id: 'base-path',
      code: 'AWS_ACCESS_DENIED',
      message: 'AWS refused ecr:DescribeRepositories to this identity.',
    });
    expect(failure(refused)!.observed[1]).toMatch(
      /^AWS says: User: arn:aws:iam::111122223333:user\/admin is not authorized to perform: ecr:DescribeRepositories/,
    );
  });

  it('says when the registry refuses the token', async () => {
    const double = await world.startDouble({ registryPassword: 'a-token-for-another-region' });
    const report = await validate(ecrInput(world, double, { method: 'credentials', ...adminKeys(world) }));
    expect(failure(report)).toMatchObject({ id: 'auth', code: 'ECR_TOKEN_REJECTED' });
    expect(failure(report)!.observed.join('\n')).not.toContain('a-token-for-another-region');
  });

  it('names an unreachable AWS API endpoint and refuses a non-https override', async () => {
    const double = await world.startDouble();
    const closed = `https://127.0.0.1:${new URL(double.url).port}`;
    await double.close();
    const report = await validate(ecrInput(world, double, { method: 'credentials', ...adminKeys(world), apiEndpoint: closed }));
    expect(failure(report)).toMatchObject({
      id: 'auth',
      code: 'AWS_API_UNREACHABLE',
      message: `The ECR API at ${new URL(closed).host} could not be reached.`,
    });
    expect(failure(report)!.observed.at(-1)).toMatch(/ECONNREFUSED/);
    const plain = await validate(
      ecrInput(world, double, { method: 'credentials', ...adminKeys(world), apiEndpoint: 'http://127.0.0.1:1' }),
    );
    expect(failure(plain)).toMatchObject({ id: 'endpoint', code: 'AWS_API_ENDPOINT_INVALID' });
  });
});

describe('ECR not protected', () => {
  it('validates an anonymous registry without any AWS call', async () => {
    const open = await startRegistry({ tls: { certificate: world.pki.leaf.fullchain, key: world.pki.leaf.key } });
    try {
      const double = await world.startDouble();
      const report = await validate({
        endpoint: open.endpoint,
        tls: { caPem: world.pki.root.certPem },
        username: 'ignored',
        ecr: { isPrivate: false, region: 'us-east-1', apiEndpoint: double.url },
      });
      expect(failure(report)).toBeUndefined();
      expect(step(report, 'endpoint')).toMatchObject({
        status: 'ok',
        observed: expect.arrayContaining(['not protected: the registry is checked without AWS authentication']),
      });
      expect(step(report, 'auth').observed[0]).toBe('anonymous access: /v2/ answered 200 without credentials');
      expect(double.calls()).toHaveLength(0);
    } finally {
      await open.stop();
    }
  });

  it('reports the protected registry as needing credentials, not as an AWS problem', async () => {
    const report = await validate({ endpoint: world.registry.endpoint, tls: { caPem: world.pki.root.certPem }, ecr: { isPrivate: false } });
    expect(failure(report)).toMatchObject({ id: 'auth', code: 'AUTH_REQUIRED' });
  });
});
