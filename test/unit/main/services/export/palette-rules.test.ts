// What Palette refuses, refused before it leaves the app: an empty base content path, an AWS
// partition Palette does not have; and what the Terraform provider cannot express, said so.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RegistryDraftSchema, type RegistryDraftInput } from '../../../../../shared/model/registry-draft';
import { RegistryFormSchema, emptyRegistryForm } from '../../../../../shared/model/registry-form';
import { BASE_PATH_REQUIRED, incompleteForPalette } from '../../../../../shared/model/palette-rules';
import type { ExportFormat } from '../../../../../shared/model/export';
import { bodyProblems } from '../../../../fixtures/palette-conformance';
import { EXPORT_VARIANTS, storeVariants } from '../../../../fixtures/export-variants';
import { failureOf, openTestServices, type TestServices } from '../../../../fixtures/storage-services';
import { createTempDir, type TempDir } from '../../../../fixtures/temp-dir';

let temp: TempDir;
let env: TestServices;

beforeEach(async () => {
  temp = await createTempDir('palette-rules');
  env = openTestServices(temp.path);
});
afterEach(async () => {
  env.close();
  await temp.cleanup();
});

async function store(draft: Partial<RegistryDraftInput> & Pick<RegistryDraftInput, 'type'>): Promise<string> {
  const base = {
    name: `r-${Math.random().toString(36).slice(2, 8)}`,
    scope: 'tenant',
    endpoint: 'https://harbor.example.test',
    baseContentPath: 'packs',
  };
  const { record } = await env.services.registries.create(RegistryDraftSchema.parse({ ...base, ...draft }));
  return record.id;
}
const render = (id: string, format: ExportFormat) => env.services.exports.render({ ids: [id], format, includeSecrets: false });
type Requests = {
  registries: Array<{ validate: { body: unknown }; create: { body: { spec: { credentials?: Record<string, unknown> } } } }>;
};
const palette = async (id: string) => JSON.parse((await render(id, 'palette')).files[0]!.content) as Requests;

describe('Palette export bodies conform to the published spec', () => {
  it('every auth variant, validate and create, with and without secrets', async () => {
    const ids = await storeVariants(env.services, (v) => `secret-${v.key}`);
    for (const includeSecrets of [false, true]) {
      const result = await env.services.exports.render({ ids: [...ids.values()], format: 'palette', includeSecrets });
      const { registries } = JSON.parse(result.files[0]!.content) as {
        registries: Array<{ type: string; validate: { body: unknown }; create: { body: unknown } }>;
      };
      expect(registries).toHaveLength(EXPORT_VARIANTS.length);
      for (const r of registries) {
        const kind = r.type === 'basic' ? 'v1BasicOciRegistry' : 'v1EcrRegistry';
        expect(bodyProblems(`#/definitions/${kind}`, r.create.body), `${r.type} create`).toEqual([]);
        expect(bodyProblems(`#/definitions/${kind}Spec`, r.validate.body), `${r.type} validate`).toEqual([]);
      }
    }
  });

  it('sends no "policyARNs": null (the spec types it as an array)', async () => {
    const id = await store({
      type: 'ecr',
      endpoint: '123456789012.dkr.ecr.us-east-1.amazonaws.com',
      isPrivate: true,
      awsAuth: { method: 'sts', roleArn: 'arn:aws:iam::123456789012:role/r', externalId: 'ext-id' },
    });
    const credentials = (await palette(id)).registries[0]!.create.body.spec.credentials!;
    expect(credentials).not.toHaveProperty('policyARNs');
    expect(credentials).toEqual({
      credentialType: 'sts',
      partition: 'aws',
      sts: { arn: 'arn:aws:iam::123456789012:role/r', externalId: 'ext-id' },
    });
  });
});

describe('base content path: required wherever the registry is meant for Palette', () => {
  it.each(['palette', 'terraform'] as const)("the %s export refuses an empty one with Palette's reason", async (format) => {
    const id = await store({ type: 'basic', baseContentPath: '', username: '' });
    const failure = await failureOf(() => render(id, format));
    expect(failure).toMatchObject({ code: 'PALETTE_BASE_PATH_REQUIRED', field: 'baseContentPath' });
    expect(failure.message).toContain(BASE_PATH_REQUIRED);
  });

  it('an offline draft file may still hold it', async () => {
    const id = await store({ type: 'basic', baseContentPath: '', username: '' });
    expect((await render(id, 'draft')).files[0]!.content).toContain('"baseContentPath": ""');
  });

  it('the form lets an offline draft be saved without it, marked incomplete with the reason', () => {
    const form = { ...emptyRegistryForm('tenant'), name: 'x', endpoint: 'https://h.example.test' };
    expect(RegistryFormSchema.safeParse(form).success).toBe(true);
    expect(incompleteForPalette(form)).toEqual([`No base content path. ${BASE_PATH_REQUIRED}`]);
    expect(incompleteForPalette({ ...form, baseContentPath: 'packs' })).toEqual([]);
  });
});

describe("AWS partitions: Palette's enum, from the endpoint or the ARN, for both credential types", () => {
  const sts = (roleArn: string) => ({ method: 'sts' as const, roleArn, externalId: 'ext-id' });
  const keys = { method: 'credentials' as const, accessKeyId: 'AKIAIOSFODNN7EXAMPLE' };

  it.each([
    ['static keys, GovCloud endpoint', '123456789012.dkr.ecr.us-gov-west-1.amazonaws.com', keys, 'aws-us-gov'],
    ['static keys, commercial endpoint', '123456789012.dkr.ecr.eu-west-1.amazonaws.com', keys, 'aws'],
    [
      'STS, aws-iso endpoint and role',
      '123456789012.dkr.ecr.us-iso-east-1.c2s.ic.gov',
      sts('arn:aws-iso:iam::123456789012:role/r'),
      'aws-iso',
    ],
    ['STS, aws-iso-b role, VPC endpoint', 'vpce-1.ecr.example.internal', sts('arn:aws-iso-b:iam::123456789012:role/r'), 'aws-iso-b'],
  ])('%s', async (_, endpoint, awsAuth, partition) => {
    const id = await store({ type: 'ecr', endpoint, isPrivate: true, awsAuth });
    const { registries } = await palette(id);
    expect(registries[0]!.create.body.spec.credentials).toMatchObject({ partition });
    expect(bodyProblems('#/definitions/v1EcrRegistry', registries[0]!.create.body)).toEqual([]);
  });

  it.each([
    ['a China endpoint', '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn', keys],
    ['a China role', 'vpce-1.ecr.example.internal', sts('arn:aws-cn:iam::123456789012:role/r')],
    [
      'a role in another partition than the endpoint',
      '123456789012.dkr.ecr.us-east-1.amazonaws.com',
      sts('arn:aws-us-gov:iam::123456789012:role/r'),
    ],
  ])('refuses %s', async (_, endpoint, awsAuth) => {
    const id = await store({ type: 'ecr', endpoint, isPrivate: true, awsAuth });
    for (const format of ['palette', 'terraform'] as const) {
      expect(await failureOf(() => render(id, format))).toMatchObject({ code: 'PALETTE_PARTITION_UNSUPPORTED' });
    }
  });

  it('the Terraform export says it cannot carry a partition other than aws', async () => {
    const id = await store({ type: 'ecr', endpoint: '123456789012.dkr.ecr.us-gov-east-1.amazonaws.com', isPrivate: true, awsAuth: keys });
    const failure = await failureOf(() => render(id, 'terraform'));
    expect(failure).toMatchObject({ code: 'TERRAFORM_CANNOT_CARRY' });
    expect(failure.message).toMatch(/aws-us-gov: the provider has no partition attribute/);
  });

  it("the form takes role ARNs in Palette's partitions and refuses the others, saying why", () => {
    const form = {
      ...emptyRegistryForm('tenant'),
      name: 'x',
      type: 'ecr' as const,
      endpoint: 'e',
      baseContentPath: 'p',
      awsMethod: 'sts' as const,
      externalId: 'ext-id',
    };
    for (const partition of ['aws', 'aws-us-gov', 'aws-iso', 'aws-iso-b'])
      expect(RegistryFormSchema.safeParse({ ...form, roleArn: `arn:${partition}:iam::123456789012:role/r` }).success, partition).toBe(true);
    const china = RegistryFormSchema.safeParse({ ...form, roleArn: 'arn:aws-cn:iam::123456789012:role/r' });
    expect(china.error?.issues).toEqual([
      expect.objectContaining({ path: ['roleArn'], message: expect.stringContaining('Palette has no AWS partition "aws-cn"') }),
    ]);
  });
});

describe('public ECR in Terraform', () => {
  it('is refused with the reason: the provider cannot manage an unauthenticated ECR registry', async () => {
    const id = await store({ type: 'ecr', endpoint: '123456789012.dkr.ecr.us-east-1.amazonaws.com', isPrivate: false });
    const failure = await failureOf(() => render(id, 'terraform'));
    expect(failure).toMatchObject({ code: 'TERRAFORM_CANNOT_CARRY' });
    expect(failure.message).toMatch(/reads back only "secret" and "sts"/);
    // Palette's own API takes it: the Palette requests export still offers it.
    expect((await palette(id)).registries[0]!.create.body.spec).not.toHaveProperty('credentials');
  });
});
