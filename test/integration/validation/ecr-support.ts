// One "AWS world" per test file: a real docker-registry whose htpasswd user AWS has the password
// ECR tokens wrap, packs pushed to it and mirrored into the AWS double's repository list, and
// doubles started per test with the IAM setup that test needs.
import { expect } from 'vitest';
import type { EcrValidationInput } from '../../../shared/model/ecr-validation';
import type { ValidationReport, ValidationRequestInput } from '../../../shared/model/validation';
import { startAwsDouble, type AwsDoubleOptions, type AwsRole, type AwsUser, type RunningAwsDouble } from '../../fixtures/aws-double';
import { canarySecret } from '../../fixtures/canary';
import { packRepository, pushPack } from '../../fixtures/oci-push';
import { createPki, type Pki } from '../../fixtures/pki';
import { startRegistry, type RunningRegistry } from '../../fixtures/registry';
import { createTempDir, type TempDir } from '../../fixtures/temp-dir';

export const REGISTRY_ACCOUNT = '123456789012';
export const PALETTE_ACCOUNT = '999988887777';
export const EXTERNAL_ID = 'palette-tenant-4f1c:packs';
/** A role whose trust policy admits Palette's account and the admin (so it can be tested from here). */
export const SHARED_ROLE = `arn:aws:iam::${REGISTRY_ACCOUNT}:role/palette-packs-reader`;
/** A role that trusts only Palette's account, as docs/reference/palette-registries.md#sts-trust-policy sets it up. */
export const PALETTE_ONLY_ROLE = `arn:aws:iam::${REGISTRY_ACCOUNT}:role/palette-only`;

export interface EcrWorld {
  dir: TempDir;
  pki: Pki;
  registry: RunningRegistry;
  /** What the registry's user AWS logs in with: the password inside every ECR token. */
  registryPassword: string;
  admin: AwsUser;
  repositories: Array<{ name: string; tags: string[] }>;
  /** Pushes real packs to the registry and lists them in every double started afterwards. */
  push(basePath: string, pack: string, versions: string[]): Promise<void>;
  startDouble(overrides?: Partial<AwsDoubleOptions>): Promise<RunningAwsDouble>;
  /** Every secret of the world and of the doubles started so far. */
  secrets(): string[];
  close(): Promise<void>;
}

export async function startEcrWorld(label: string): Promise<EcrWorld> {
  const dir = await createTempDir(label);
  const pki = await createPki(dir.path);
  const registryPassword = canarySecret('ecr-registry');
  const registry = await startRegistry({
    tls: { certificate: pki.leaf.fullchain, key: pki.leaf.key },
    auth: { kind: 'htpasswd', users: [{ username: 'AWS', password: registryPassword }] },
  });
  const admin: AwsUser = {
    accessKeyId: 'AKIAADMINEXAMPLE0001',
    secretAccessKey: canarySecret('aws-admin'),
    arn: 'arn:aws:iam::111122223333:user/admin',
  };
  const repositories: EcrWorld['repositories'] = [];
  const doubles: RunningAwsDouble[] = [];
  const roles: AwsRole[] = [
    { arn: SHARED_ROLE, externalId: EXTERNAL_ID, trusts: [`arn:aws:iam::${PALETTE_ACCOUNT}:root`, admin.arn] },
    { arn: PALETTE_ONLY_ROLE, externalId: EXTERNAL_ID, trusts: [`arn:aws:iam::${PALETTE_ACCOUNT}:root`] },
  ];
  return {
    dir,
    pki,
    registry,
    registryPassword,
    admin,
    repositories,
    async push(basePath, pack, versions) {
      for (const version of versions)
        await pushPack({
          endpoint: registry.endpoint,
          auth: { username: 'AWS', password: registryPassword },
          ca: pki.root.certPem,
          basePath,
          pack,
          version,
        });
      const name = packRepository(basePath, pack);
      const known = repositories.find((r) => r.name === name);
      if (known) known.tags.push(...versions);
      else repositories.push({ name, tags: [...versions] });
    },
    async startDouble(overrides = {}) {
      const double = await startAwsDouble({
        tls: { certificate: pki.leaf.fullchain, key: pki.leaf.key },
        account: REGISTRY_ACCOUNT,
        users: [admin],
        roles,
        registryPassword,
        ...overrides,
      });
      double.repositories.push(...repositories.map((r) => ({ name: r.name, tags: [...r.tags] })));
      doubles.push(double);
      return double;
    },
    secrets: () => [admin.secretAccessKey, registryPassword, ...doubles.flatMap((d) => d.secretsIssued())],
    async close() {
      await Promise.all(doubles.splice(0).map((d) => d.close()));
      await registry.stop();
      await dir.cleanup();
    },
  };
}

/** A request for the world's registry with AWS reached only through the double (never amazonaws.com). */
export function ecrInput(
  world: EcrWorld,
  double: RunningAwsDouble,
  ecr: EcrValidationInput,
  extra: Partial<ValidationRequestInput> = {},
): ValidationRequestInput {
  return {
    endpoint: world.registry.endpoint,
    tls: { caPem: world.pki.root.certPem },
    ...extra,
    ecr: { region: 'us-east-1', apiEndpoint: double.url, stsEndpoint: double.url, ...ecr },
  };
}

export function adminKeys(world: EcrWorld) {
  return { accessKeyId: world.admin.accessKeyId, secretAccessKey: world.admin.secretAccessKey };
}

/** No secret of the world may appear anywhere in a report. */
export function expectNoSecrets(report: ValidationReport | string, world: EcrWorld) {
  const text = typeof report === 'string' ? report : JSON.stringify(report);
  for (const secret of world.secrets()) expect(text).not.toContain(secret);
}

/** Every AWS call reached the double, and nothing else. */
export function expectOnlyDouble(double: RunningAwsDouble) {
  const host = new URL(double.url).host;
  for (const call of double.calls()) expect(call.host).toBe(host);
}
