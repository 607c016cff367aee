// ECR with STS: what a workstation can check of Palette's role setup, AssumeRole with a
// source identity against the AWS double, and what only Palette can check.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSilentServer } from '../../fixtures/hostile-servers';
import { startHttpProxy, type RunningHttpProxy } from '../../fixtures/http-proxy';
import {
  adminKeys,
  ecrInput,
  EXTERNAL_ID,
  expectNoSecrets,
  expectOnlyDouble,
  PALETTE_ONLY_ROLE,
  SHARED_ROLE,
  startEcrWorld,
  type EcrWorld,
} from './ecr-support';
import { failure, statuses, step, validate } from './validate-support';

let world: EcrWorld;
const stops: Array<() => Promise<void>> = [];

beforeAll(async () => {
  world = await startEcrWorld('validate-ecr-sts');
  await world.push('prod', 'cni-calico', ['3.27.1']);
});
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});
afterAll(async () => world?.close());

const sts = (roleArn: string, externalId = EXTERNAL_ID) => ({ method: 'sts' as const, roleArn, externalId });

describe('ECR with STS', () => {
  it('assumes a role that trusts the admin, then continues as with keys', async () => {
    const double = await world.startDouble();
    const report = await validate(ecrInput(world, double, { ...sts(SHARED_ROLE), ...adminKeys(world) }, { baseContentPath: 'prod' }));
    expect(statuses(report)).toBe('endpoint:warn dns:ok tcp:ok tls:ok registry-api:ok auth:ok base-path:ok packs:ok');
    const auth = step(report, 'auth').observed;
    expect(auth[0]).toMatch(/^signed in with an ECR token that expires .*\(in 1[12] h \d+ min\) from role palette-packs-reader$/);
    expect(auth.slice(1, 4)).toEqual([
      'role palette-packs-reader of account 123456789012, partition aws: matches the endpoint',
      `external ID well-formed (${EXTERNAL_ID.length} characters)`,
      expect.stringMatching(
        /^STS AssumeRole with the external ID as access key AKIA…0001 → arn:aws:sts::123456789012:assumed-role\/palette-packs-reader\/pack-registry-desk-validate, session until /,
      ),
    ]);
    expect(auth[4]).toBe('ECR GetAuthorizationToken in us-east-1 → a token for user AWS');
    expect(report.packs).toEqual([{ name: 'cni-calico', versions: ['3.27.1'] }]);
    const calls = double.calls();
    expect(calls[0]).toMatchObject({
      service: 'sts',
      action: 'AssumeRole',
      accessKeyId: world.admin.accessKeyId,
      input: { ExternalId: EXTERNAL_ID, RoleArn: SHARED_ROLE, DurationSeconds: '900' },
    });
    // Everything after AssumeRole is signed with the session's own temporary key.
    expect(calls.slice(1).every((c) => c.service === 'ecr' && c.accessKeyId?.startsWith('ASIA'))).toBe(true);
    expectOnlyDouble(double);
    expectNoSecrets(report, world);
  });

  it('explains a refusal by a role that trusts only Palette: expected, and Palette makes the final check', async () => {
    const double = await world.startDouble();
    const report = await validate(ecrInput(world, double, { ...sts(PALETTE_ONLY_ROLE), ...adminKeys(world) }));
    expect(report.ok).toBe(true);
    expect(step(report, 'auth')).toMatchObject({
      status: 'warn',
      problem: {
        code: 'STS_ASSUME_ROLE_DENIED',
        message: expect.stringContaining('expected when the trust policy admits only Palette’s account'),
      },
    });
    expect(step(report, 'auth').observed).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^STS AssumeRole at 127\.0\.0\.1:\d+ → HTTP 403 AccessDenied/),
        `AWS says: User: ${world.admin.arn} is not authorized to perform: sts:AssumeRole on resource: ${PALETTE_ONLY_ROLE}`,
        expect.stringMatching(
          /^Palette checks: its AWS account \(arn:aws:iam::<Palette account>:root\) may assume the role with sts:ExternalId/,
        ),
      ]),
    );
    expect(step(report, 'base-path')).toMatchObject({
      status: 'skipped',
      observed: [expect.stringContaining('Palette reads the packs with its own role session')],
    });
    expect(step(report, 'packs').status).toBe('skipped');
  });

  it('sends the external ID, and a wrong one is refused like any untrusted call', async () => {
    const double = await world.startDouble();
    const report = await validate(ecrInput(world, double, { ...sts(SHARED_ROLE, 'palette-tenant-other'), ...adminKeys(world) }));
    expect(step(report, 'auth').problem).toMatchObject({
      code: 'STS_ASSUME_ROLE_DENIED',
      remedy: expect.stringContaining('external ID condition (sts:ExternalId)'),
    });
    expect(double.calls()).toMatchObject([{ action: 'AssumeRole', input: { ExternalId: 'palette-tenant-other' }, error: 'AccessDenied' }]);
  });

  it('fails a source identity STS does not accept: wrong secret, unknown key', async () => {
    const double = await world.startDouble();
    const wrong = await validate(
      ecrInput(world, double, { ...sts(SHARED_ROLE), accessKeyId: world.admin.accessKeyId, secretAccessKey: 'not-the-secret' }),
    );
    expect(failure(wrong)).toMatchObject({ id: 'auth', code: 'AWS_SIGNATURE_MISMATCH' });
    const unknown = await validate(
      ecrInput(world, double, { ...sts(SHARED_ROLE), accessKeyId: 'AKIANOBODYEXAMPLE001', secretAccessKey: 'x' }),
    );
    expect(failure(unknown)).toMatchObject({ id: 'auth', code: 'AWS_KEY_UNKNOWN' });
    expect(double.calls().map((c) => c.error)).toEqual(['SignatureDoesNotMatch', 'InvalidClientTokenId']);
  });

  it('checks ARN syntax, partition and external ID before calling AWS', async () => {
    const double = await world.startDouble();
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ ...sts('arn:aws:iam::123456789012:user/admin') }, 'STS_ROLE_ARN_INVALID', 'ecr.roleArn'],
      [{ ...sts('palette-packs-reader') }, 'STS_ROLE_ARN_INVALID', 'ecr.roleArn'],
      [{ ...sts(SHARED_ROLE), region: 'cn-north-1' }, 'STS_PARTITION_MISMATCH', 'ecr.roleArn'],
      [{ ...sts(SHARED_ROLE, 'x') }, 'STS_EXTERNAL_ID_INVALID', 'ecr.externalId'],
    ];
    for (const [ecr, code, field] of cases) {
      const report = await validate(ecrInput(world, double, { ...adminKeys(world), ...ecr }));
      expect(failure(report), JSON.stringify(ecr)).toMatchObject({ id: 'auth', code });
      expect(step(report, 'auth').problem?.field).toBe(field);
    }
    expect(double.calls()).toHaveLength(0);
  });

  it('without a source identity, says what only Palette can check and calls no AWS API', async () => {
    const double = await world.startDouble();
    const report = await validate(ecrInput(world, double, sts(PALETTE_ONLY_ROLE)));
    expect(report.ok).toBe(true);
    expect(step(report, 'auth')).toMatchObject({ status: 'warn', problem: { code: 'STS_UNVERIFIED' } });
    expect(statuses(report)).toMatch(/auth:warn base-path:skipped packs:skipped$/);
    expect(double.calls()).toHaveLength(0);
  });

  it('fails with ExpiredToken when the role session has expired', async () => {
    const double = await world.startDouble({ sessionLifetimeSeconds: 0 });
    const report = await validate(ecrInput(world, double, { ...sts(SHARED_ROLE), ...adminKeys(world) }));
    expect(failure(report)).toMatchObject({ id: 'auth', code: 'AWS_TOKEN_EXPIRED' });
    expect(double.calls().map((c) => `${c.action}:${c.error ?? 'ok'}`)).toEqual([
      'AssumeRole:ok',
      'GetAuthorizationToken:ExpiredTokenException',
    ]);
    expect(failure(report)!.observed[0]).toMatch(/^role palette-packs-reader/); // what was learnt before stays in the report
    expectNoSecrets(report, world);
  });

  it('reaches STS and ECR through the registry’s proxy, trusting the registry’s CA', async () => {
    const proxy: RunningHttpProxy = await startHttpProxy();
    stops.push(() => proxy.stop());
    const double = await world.startDouble();
    const report = await validate(
      ecrInput(world, double, { ...sts(SHARED_ROLE), ...adminKeys(world) }, { proxy: { url: proxy.url, fromEnvironment: false } }),
    );
    expect(failure(report)).toBeUndefined();
    expect(await proxy.sawConnect(new URL(double.url).host)).toBe(true);
    expect(double.calls().length).toBeGreaterThanOrEqual(3);
    const untrusted = await validate(
      ecrInput(world, double, { ...sts(SHARED_ROLE), ...adminKeys(world) }, { tls: { insecureSkipVerify: true } }),
    );
    // Insecure Skip TLS Verify is the registry's: AWS calls still verify, and this CA is not trusted.
    expect(failure(untrusted)).toMatchObject({ id: 'auth', code: 'AWS_API_UNREACHABLE' });
    expect(failure(untrusted)!.observed.at(-1)).toMatch(
      /SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY/,
    );
  });

  it('stops at the deadline while STS does not answer', async () => {
    const double = await world.startDouble();
    const silent = await startSilentServer();
    stops.push(() => silent.close());
    const started = Date.now();
    const report = await validate(
      ecrInput(
        world,
        double,
        { ...sts(SHARED_ROLE), ...adminKeys(world), stsEndpoint: `https://${silent.hostPort}` },
        { deadlineMs: 2000 },
      ),
    );
    expect(failure(report)).toMatchObject({
      id: 'auth',
      code: 'AWS_API_UNREACHABLE',
      message: expect.stringContaining('did not answer in time'),
    });
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it('stops at once on cancel while STS does not answer', async () => {
    const double = await world.startDouble();
    const silent = await startSilentServer();
    stops.push(() => silent.close());
    const controller = new AbortController();
    const running = validate(
      ecrInput(world, double, { ...sts(SHARED_ROLE), ...adminKeys(world), stsEndpoint: `https://${silent.hostPort}` }),
      {
        signal: controller.signal,
        onProgress: (s) => {
          if (s.id === 'auth' && s.status === 'running') setTimeout(() => controller.abort(), 100);
        },
      },
    );
    const started = Date.now();
    const report = await running;
    expect(failure(report)).toMatchObject({ id: 'auth', code: 'CANCELLED' });
    expect(Date.now() - started).toBeLessThan(1_500);
  });
});
