// `regdesk validate` for ECR registries, as its own process: the AWS flags, secrets from standard
// input or the AWS variables, an AWS profile through the SDK's credential chain, and no secret in
// any output. AWS is the local double, reached only through --aws-api-endpoint/--aws-sts-endpoint.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningAwsDouble } from '../../fixtures/aws-double';
import { runCommand } from '../../fixtures/run-command';
import { EXTERNAL_ID, expectNoSecrets, PALETTE_ONLY_ROLE, SHARED_ROLE, startEcrWorld, type EcrWorld } from '../validation/ecr-support';

const BIN = resolve('bin/regdesk.js');
let world: EcrWorld;
let double: RunningAwsDouble;
let awsDir: string;

beforeAll(async () => {
  if (!existsSync(resolve('out/cli/regdesk.js'))) throw new Error('out/cli/regdesk.js is missing: run `npm run build` first.');
  world = await startEcrWorld('cli-validate-ecr');
  await world.push('prod', 'cni-calico', ['3.27.1']);
  double = await world.startDouble();
  awsDir = join(world.dir.path, 'aws');
  await mkdir(awsDir);
  await writeFile(
    join(awsDir, 'credentials'),
    `[admin]\naws_access_key_id = ${world.admin.accessKeyId}\naws_secret_access_key = ${world.admin.secretAccessKey}\n`,
  );
  await writeFile(join(awsDir, 'config'), '');
});
afterAll(async () => world?.close());

/** Only what the child needs: no AWS variables of this machine, no instance metadata lookups. */
const regdesk = (args: string[], stdin = '', env: NodeJS.ProcessEnv = {}) =>
  runCommand(
    process.execPath,
    [
      BIN,
      'validate',
      world.registry.endpoint,
      '--ca-file',
      world.pki.root.cert,
      '--no-proxy-env',
      ...(args.includes('--aws-region') ? [] : ['--aws-region', 'us-east-1']),
      '--aws-api-endpoint',
      double.url,
      '--aws-sts-endpoint',
      double.url,
      ...args,
    ],
    {
      stdin,
      env: {
        PATH: process.env['PATH'],
        HOME: world.dir.path,
        AWS_SHARED_CREDENTIALS_FILE: join(awsDir, 'credentials'),
        AWS_CONFIG_FILE: join(awsDir, 'config'),
        AWS_EC2_METADATA_DISABLED: 'true',
        ...env,
      },
    },
  );

describe('regdesk validate (ECR)', () => {
  it('validates with an access key and the secret on standard input', async () => {
    const result = await regdesk(
      ['--aws-auth', 'credentials', '--aws-access-key-id', world.admin.accessKeyId, '--aws-secret-stdin', '--base-path', 'prod'],
      `${world.admin.secretAccessKey}\n`,
    );
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^\[ ok \] Authentication\s+signed in with an ECR token that expires .* \(in 1[12] h \d+ min\)/m);
    expect(result.stdout).toMatch(/^\[ ok \] Packs\s+1 packs with versions/m);
    expectNoSecrets(result.stdout + result.stderr, world);
  });

  it('takes the keys from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, and fails a wrong secret with exit 1', async () => {
    const result = await regdesk(['--aws-auth', 'credentials', '--json'], '', {
      AWS_ACCESS_KEY_ID: world.admin.accessKeyId,
      AWS_SECRET_ACCESS_KEY: `${world.admin.secretAccessKey}-wrong`,
    });
    expect(result.exitCode).toBe(1);
    const report = JSON.parse(result.stdout) as { steps: Array<{ id: string; code: string | null }>; ecrTokenExpiresAt?: string };
    expect(report.steps.find((s) => s.id === 'auth')?.code).toBe('AWS_SIGNATURE_MISMATCH');
    expect(report.ecrTokenExpiresAt).toBeUndefined();
    expectNoSecrets(result.stdout + result.stderr, world);
    expect(result.stdout).not.toContain(`${world.admin.secretAccessKey}-wrong`);
  });

  it('prints when the token expires in --json', async () => {
    const result = await regdesk(['--aws-auth', 'credentials', '--json'], '', {
      AWS_ACCESS_KEY_ID: world.admin.accessKeyId,
      AWS_SECRET_ACCESS_KEY: world.admin.secretAccessKey,
    });
    expect(result.exitCode).toBe(0);
    const report = JSON.parse(result.stdout) as { ecrTokenExpiresAt: string };
    expect(Date.parse(report.ecrTokenExpiresAt)).toBeGreaterThan(Date.now() + 11 * 3600_000);
  });

  it('assumes the role as an AWS profile through the SDK credential chain', async () => {
    const result = await regdesk([
      '--aws-auth',
      'sts',
      '--role-arn',
      SHARED_ROLE,
      '--external-id',
      EXTERNAL_ID,
      '--aws-profile',
      'admin',
      '--base-path',
      'prod',
      '--json',
    ]);
    expect(result.exitCode).toBe(0);
    const auth = (JSON.parse(result.stdout) as { steps: Array<{ id: string; observed: string[] }> }).steps.find((s) => s.id === 'auth')!;
    expect(auth.observed).toContainEqual(
      expect.stringMatching(
        /^STS AssumeRole with the external ID as AWS profile "admin" → arn:aws:sts::123456789012:assumed-role\/palette-packs-reader\//,
      ),
    );
    expect(
      double
        .calls()
        .filter((c) => c.action === 'AssumeRole')
        .at(-1),
    ).toMatchObject({ accessKeyId: world.admin.accessKeyId, input: { ExternalId: EXTERNAL_ID } });
    expectNoSecrets(result.stdout + result.stderr, world);
  });

  it('names a profile that gives no credentials', async () => {
    const result = await regdesk(['--aws-auth', 'sts', '--role-arn', SHARED_ROLE, '--external-id', EXTERNAL_ID, '--aws-profile', 'nobody']);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/^\[FAIL\] Authentication\s+AWS_PROFILE_UNAVAILABLE: /m);
  });

  it('without a source identity, warns about what only Palette can check and exits 0', async () => {
    const result = await regdesk(['--aws-auth', 'sts', '--role-arn', PALETTE_ONLY_ROLE, '--external-id', EXTERNAL_ID]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^\[warn\] Authentication\s+STS_UNVERIFIED: Only Palette can make the final check of this role/m);
    expect(result.stdout).toMatch(/^\[skip\] Base content path/m);
  });

  it('validates an ECR draft file, the secret from the environment', async () => {
    const drafts = join(world.dir.path, 'ecr-drafts.json');
    const draft = {
      name: 'ecr-prod',
      scope: 'tenant',
      type: 'ecr',
      endpoint: world.registry.endpoint,
      baseContentPath: 'prod',
      isPrivate: true,
      awsAuth: { method: 'credentials', accessKeyId: world.admin.accessKeyId },
      tls: { insecureSkipVerify: false, caPem: world.pki.root.certPem },
    };
    await writeFile(drafts, JSON.stringify({ format: 'pack-registry-desk/drafts', version: 1, registries: [draft] }));
    const result = await runCommand(
      process.execPath,
      [BIN, 'validate', '--file', drafts, '--no-proxy-env', '--aws-region', 'us-east-1', '--aws-api-endpoint', double.url],
      {
        env: { PATH: process.env['PATH'], HOME: world.dir.path, AWS_SECRET_ACCESS_KEY: world.admin.secretAccessKey },
      },
    );
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/1 packs with versions/);
    const clash = await runCommand(process.execPath, [BIN, 'validate', '--file', drafts, '--role-arn', SHARED_ROLE], {
      env: { PATH: process.env['PATH'], HOME: world.dir.path },
    });
    expect(clash).toMatchObject({ exitCode: 2, stderr: expect.stringMatching(/--role-arn comes from the draft file/) });
  });

  it('exits 2 on ECR flags that do not fit, before any AWS call', async () => {
    const before = double.calls().length;
    const cases: Array<[string[], RegExp]> = [
      [['--role-arn', SHARED_ROLE], /--role-arn goes with --aws-auth/],
      [['--aws-auth', 'keys'], /--aws-auth takes credentials, sts or none/],
      [['--aws-auth', 'credentials'], /give the access key ID/],
      [['--aws-auth', 'credentials', '--aws-access-key-id', world.admin.accessKeyId], /give the secret access key on standard input/],
      [
        ['--aws-auth', 'credentials', '--aws-access-key-id', 'AKIAX', '--aws-secret-stdin', '--aws-profile', 'admin'],
        /--aws-profile goes with --aws-auth sts/,
      ],
      [['--aws-auth', 'sts', '--role-arn', SHARED_ROLE], /needs --role-arn and --external-id/],
      [['--aws-auth', 'none', '--aws-secret-stdin'], /does not go with --aws-auth none/],
      [['--aws-auth', 'credentials', '-u', 'alice'], /sign in through AWS, not with --username/],
      [['--aws-auth', 'none', '--aws-region', 'Virginia'], /An AWS region looks like us-east-1/],
    ];
    for (const [args, message] of cases) {
      const result = await regdesk(args, 'not-a-real-secret\n');
      expect(result.exitCode, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(message);
      expect(result.stderr).not.toContain('not-a-real-secret');
    }
    expect(double.calls().length).toBe(before);
  });
});
