// Every Terraform export, parsed with a real HCL parser (@cdktf/hcl2json) and checked against the
// Spectro Cloud provider's schema and plan-time rules as its source states them
// (test/fixtures/terraform-provider, commit named there); `terraform fmt -check` where terraform exists.
import { spawnSync } from 'node:child_process';
import { parseHcl as parse } from '../../../../fixtures/hcl-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { terraformKeys, storeVariants } from '../../../../fixtures/export-variants';
import {
  PROVIDER_SCHEMA,
  PROVIDER_SOURCE,
  REGISTRY_OCI_SCHEMA,
  planProblems,
  schemaProblems,
} from '../../../../fixtures/terraform-provider/registry-oci-schema';
import { openTestServices, type TestServices } from '../../../../fixtures/storage-services';
import { createTempDir, type TempDir } from '../../../../fixtures/temp-dir';

type Parsed = {
  terraform?: Array<{ required_providers?: Array<Record<string, { source?: string }>> }>;
  provider?: Record<string, Array<Record<string, unknown>>>;
  variable?: Record<string, Array<{ sensitive?: boolean; type?: string }>>;
  resource?: Record<string, Record<string, Array<Record<string, unknown>>>>;
};

let temp: TempDir;
let env: TestServices;
let ids: Map<string, string>;

beforeAll(async () => {
  temp = await createTempDir('terraform-conformance');
  env = openTestServices(temp.path);
  ids = await storeVariants(env.services, (v) => `tf-secret-${v.key}`);
});
afterAll(async () => {
  env?.close();
  await temp?.cleanup();
});

/** What the provider would refuse in this file at init or plan; empty when it would take it. */
async function providerProblems(content: string): Promise<string[]> {
  const parsed = (await parse('export.tf', content)) as Parsed;
  const problems: string[] = [];
  const source = parsed.terraform?.[0]?.required_providers?.[0]?.['spectrocloud']?.source;
  if (source !== 'spectrocloud/spectrocloud')
    problems.push(`required_providers.spectrocloud.source is ${String(source)}: terraform init would look for hashicorp/spectrocloud`);
  const provider = parsed.provider?.['spectrocloud']?.[0];
  if (!provider) problems.push('no provider "spectrocloud" block');
  else problems.push(...schemaProblems(provider, PROVIDER_SCHEMA, 'provider'));
  const variables = parsed.variable ?? {};
  // Every reference names a declared variable; a sensitive argument takes a sensitive variable.
  const check = (block: Record<string, unknown>, schema: typeof REGISTRY_OCI_SCHEMA, at: string) => {
    for (const [name, value] of Object.entries(block)) {
      const ref = typeof value === 'string' ? /^\$\{var\.([a-z_][a-z0-9_]*)\}$/.exec(value)?.[1] : undefined;
      if (ref && !variables[ref]) problems.push(`${at}.${name}: var.${ref} is not declared`);
      else if (schema.attributes[name]?.sensitive && ref && variables[ref]?.[0]?.sensitive !== true)
        problems.push(`${at}.${name}: var.${ref} is not sensitive`);
      const nested = schema.blocks?.[name];
      if (nested && Array.isArray(value)) value.forEach((item, i) => check(item as Record<string, unknown>, nested, `${at}.${name}[${i}]`));
    }
  };
  if (provider) check(provider, PROVIDER_SCHEMA, 'provider');
  for (const [name, [resource]] of Object.entries(parsed.resource?.['spectrocloud_registry_oci'] ?? {})) {
    problems.push(...schemaProblems(resource!, REGISTRY_OCI_SCHEMA, name), ...planProblems(resource!).map((p) => `${name}: ${p}`));
    check(resource!, REGISTRY_OCI_SCHEMA, name);
  }
  const other = Object.keys(parsed.resource ?? {}).filter((type) => type !== 'spectrocloud_registry_oci');
  if (other.length) problems.push(`unexpected resources: ${other.join(', ')}`);
  return problems;
}

const render = async (keys: string[], includeSecrets: boolean) =>
  (await env.services.exports.render({ ids: keys.map((k) => ids.get(k)!), format: 'terraform', includeSecrets })).files[0]!.content;

describe(`Terraform exports against the provider's schema and plan-time rules (${PROVIDER_SOURCE.commit.slice(0, 8)})`, () => {
  it.each(terraformKeys())('%s', async (key) => {
    expect(await providerProblems(await render([key], false))).toEqual([]);
  });

  it('all variants together, with and without secrets', async () => {
    for (const includeSecrets of [false, true]) expect(await providerProblems(await render(terraformKeys(), includeSecrets))).toEqual([]);
  });

  it('the checks refuse what the provider refuses (so a pass means something)', async () => {
    const bad = `
resource "spectrocloud_registry_oci" "r" {
  name               = "r"
  type               = "ecr"
  endpoint           = "e"
  is_private         = false
  provider_type      = "pack"
  is_synchronization = true
  base_content_path  = ""
  partition          = "aws-us-gov"
  credentials {
    credential_type = "noAuth"
    password        = var.undeclared
  }
}`;
    expect(await providerProblems(bad)).toEqual([
      'required_providers.spectrocloud.source is undefined: terraform init would look for hashicorp/spectrocloud',
      'no provider "spectrocloud" block',
      "r.partition: not an argument of the provider's schema",
      'r: `base_content_path` is required when `is_synchronization` is set to `true`',
      'r: credential_type "noAuth" is not implemented for type "ecr"',
      'r.credentials[0].password: var.undeclared is not declared',
    ]);
  });
});

// terraform fmt -check where a terraform binary exists; never init (no network here).
const terraform = spawnSync('terraform', ['version'], { encoding: 'utf8' }).status === 0;
if (!terraform) console.warn('SKIPPED: terraform fmt -check (no terraform binary on PATH)');
describe.skipIf(!terraform)('terraform fmt -check', () => {
  it('leaves every export as it is', async () => {
    for (const content of [...(await Promise.all(terraformKeys().map((k) => render([k], true)))), await render(terraformKeys(), false)]) {
      const fmt = spawnSync('terraform', ['fmt', '-check', '-no-color', '-'], { input: content, encoding: 'utf8' });
      expect(fmt.status, fmt.stdout + fmt.stderr).toBe(0);
    }
  }, 60_000);
});
