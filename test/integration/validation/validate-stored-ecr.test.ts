// Stored ECR registries: main reads the AWS secret access key from the vault itself (the window
// never holds it), for a stored registry and for an edit that leaves the secret unchanged.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistryValidation } from '../../../main/services/validation/registry-validation';
import { ValidationRequestSchema } from '../../../shared/model/validation';
import type { RunningAwsDouble } from '../../fixtures/aws-double';
import { openTestServices, type TestServices } from '../../fixtures/storage-services';
import { ecrInput, EXTERNAL_ID, expectNoSecrets, PALETTE_ONLY_ROLE, startEcrWorld, type EcrWorld } from './ecr-support';
import { failure, step } from './validate-support';

let world: EcrWorld;
let double: RunningAwsDouble;
let app: TestServices;

beforeAll(async () => {
  world = await startEcrWorld('validate-stored-ecr');
  await world.push('prod', 'cni-calico', ['3.27.1']);
  double = await world.startDouble();
  app = openTestServices(`${world.dir.path}/data`);
});
afterAll(async () => {
  app?.close();
  await world?.close();
});

async function storedEcr(
  name: string,
  awsAuth: { method: 'credentials'; accessKeyId: string } | { method: 'sts'; roleArn: string; externalId: string },
) {
  const { record } = await app.services.registries.create({
    name,
    scope: 'system',
    type: 'ecr',
    endpoint: world.registry.endpoint,
    baseContentPath: 'prod',
    isPrivate: true,
    awsAuth,
    tls: { insecureSkipVerify: false, caPem: world.pki.root.certPem },
  });
  return record.id;
}

describe('validating a stored ECR registry', () => {
  it('validates an edit with the stored secret access key when none was typed', async () => {
    const id = await storedEcr('ecr-keys', { method: 'credentials', accessKeyId: world.admin.accessKeyId });
    await app.services.secrets.set({ registryId: id, field: 'awsSecretAccessKey' }, world.admin.secretAccessKey, 'persist');
    const { withStoredSecrets } = createRegistryValidation({
      validation: app.services.validation,
      registries: app.services.registries,
      secrets: app.services.secrets,
    });
    // What the wizard sends when editing: the settings, the secret field left empty.
    const request = ValidationRequestSchema.parse({
      proxy: { fromEnvironment: false },
      ...ecrInput(world, double, { method: 'credentials', accessKeyId: world.admin.accessKeyId }, { baseContentPath: 'prod' }),
    });
    const report = await app.services.validation.run(randomUUID(), await withStoredSecrets(request, id), () => undefined);
    expect(failure(report)).toBeUndefined();
    expect(report.packs).toEqual([{ name: 'cni-calico', versions: ['3.27.1'] }]);
    expectNoSecrets(report, world);
    // A typed secret wins over the stored one.
    const typed = await withStoredSecrets({ ...request, ecr: { ...request.ecr!, secretAccessKey: 'typed-now' } }, id);
    expect(typed.ecr?.secretAccessKey).toBe('typed-now');
  });

  it('takes the ECR path for a stored registry, and says the region is needed for a host that names none', async () => {
    const id = await storedEcr('ecr-keys-stored', { method: 'credentials', accessKeyId: world.admin.accessKeyId });
    await app.services.secrets.set({ registryId: id, field: 'awsSecretAccessKey' }, world.admin.secretAccessKey, 'persist');
    const before = double.calls().length;
    const { report, registry } = await app.services.validateStored(randomUUID(), id, () => undefined);
    expect(failure(report)).toMatchObject({ id: 'auth', code: 'AWS_REGION_REQUIRED' });
    expect(registry.validation.state).toBe('failed');
    expect(double.calls().length).toBe(before);
    expectNoSecrets(report, world);
  });

  it('validates a stored STS registry up to what only Palette can check, and records it', async () => {
    const id = await storedEcr('ecr-sts', { method: 'sts', roleArn: PALETTE_ONLY_ROLE, externalId: EXTERNAL_ID });
    const { report, registry } = await app.services.validateStored(randomUUID(), id, () => undefined);
    expect(step(report, 'auth')).toMatchObject({ status: 'warn', problem: { code: 'STS_UNVERIFIED' } });
    expect(registry.validation.state).toBe('validated');
  });
});
