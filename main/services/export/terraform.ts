import { AppErrorException, appError, type AppError } from '../../../shared/errors';
import type { RegistryRecord } from '../../../shared/model/registry';
import type { SecretField } from '../../../shared/model/secrets';
import { attr, blank, block, bool, comment, expr, identifier, renderHcl, str, text, type HclItem } from './hcl';
import { basicEndpoint, ecrEndpoint, neededSecrets, paletteBasePath } from './palette-payloads';
import { ecrPartition } from './palette-rules';

export interface TerraformOptions {
  exportedAt: string;
  /** Secret values to write as variable defaults; absent: the variables have no default. */
  secretValues?: (record: RegistryRecord, field: SecretField) => string | undefined;
}

const SECRET_LABELS: Record<SecretField, { suffix: string; describe: string }> = {
  password: { suffix: 'password', describe: 'Password' },
  awsSecretAccessKey: { suffix: 'secret_key', describe: 'AWS secret access key' },
};

/** Unique labels in file order: a system and a tenant registry may share a name. */
function resourceNames(records: RegistryRecord[]): string[] {
  const used = new Set<string>();
  return records.map((record) => {
    const base = identifier(record.name);
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
    used.add(name);
    return name;
  });
}

function header(count: number, options: TerraformOptions, withSecrets: boolean): HclItem[] {
  const lines = [
    `Pack Registry Desk: ${count} OCI pack ${count === 1 ? 'registry' : 'registries'} as resources of the Spectro Cloud`,
    `provider (spectrocloud_registry_oci). Exported ${options.exportedAt}.`,
  ];
  lines.push(
    ...(withSecrets
      ? [
          'WARNING: THIS FILE CONTAINS SECRETS, as the defaults of the sensitive variables.',
          'Keep it out of version control and delete it once applied.',
        ]
      : [
          'Secrets are not in this file: give the sensitive variables values, e.g. with',
          'TF_VAR_<name> or a *.tfvars file kept out of version control.',
        ]),
  );
  return [comment(lines.join('\n')), blank];
}

/**
 * Without `required_providers`, `terraform init` looks for hashicorp/spectrocloud, which does not
 * exist; the provider block takes its host and API key from variables (docs/palette-api.md).
 */
function providerSetup(): HclItem[] {
  const variable = (name: string, description: string) =>
    block('variable', [name], [attr('description', str(description)), attr('type', expr('string')), attr('sensitive', bool(true))]);
  return [
    block(
      'terraform',
      [],
      [block('required_providers', [], [attr('spectrocloud', expr('{\n      source = "spectrocloud/spectrocloud"\n    }'))])],
    ),
    blank,
    variable('palette_host', 'Palette host name, e.g. palette.example.com'),
    blank,
    variable('palette_api_key', 'API key of the tenant that gets the registries'),
    blank,
    block('provider', ['spectrocloud'], [attr('host', expr('var.palette_host')), attr('api_key', expr('var.palette_api_key'))]),
    blank,
  ];
}

/**
 * Why the provider cannot express a registry (it has neither a partition attribute nor a working
 * anonymous ECR path), or undefined when it can. Checked against its source, docs/palette-api.md.
 */
export function terraformRefusal(record: RegistryRecord): AppError | undefined {
  if (record.type !== 'ecr') return undefined;
  if (!record.isPrivate) {
    return appError('TERRAFORM_CANNOT_CARRY', {
      message: `"${record.name}" is an ECR registry without authentication: the provider sends no credential type for credential_type "noAuth" and reads back only "secret" and "sts", so it cannot manage it.`,
    });
  }
  const verdict = ecrPartition(record);
  if ('partition' in verdict && verdict.partition !== 'aws') {
    return appError('TERRAFORM_CANNOT_CARRY', {
      message: `"${record.name}" is in AWS partition ${verdict.partition}: the provider has no partition attribute and sends none, so Palette would use aws.`,
    });
  }
  return undefined;
}

function credentials(record: RegistryRecord, secretRef: (field: SecretField) => string): HclItem[] {
  const tls: HclItem[] = [
    ...(record.tls.caPem ? [attr('certificate', text(record.tls.caPem))] : []),
    attr('insecure_skip_verify', bool(record.tls.insecureSkipVerify)),
  ];
  const tlsBlock = [blank, block('tls_config', [], tls)];
  if (record.type === 'basic') {
    const username = record.username.trim();
    if (!username) return [attr('credential_type', str('noAuth')), ...tlsBlock];
    return [
      attr('credential_type', str('basic')),
      attr('username', str(username)),
      attr('password', expr(secretRef('password'))),
      ...tlsBlock,
    ];
  }
  const auth = record.isPrivate ? record.awsAuth : undefined;
  if (auth?.method === 'credentials') {
    return [
      attr('credential_type', str('secret')),
      attr('access_key', str(auth.accessKeyId)),
      attr('secret_key', expr(secretRef('awsSecretAccessKey'))),
      ...tlsBlock,
    ];
  }
  if (auth?.method === 'sts') {
    return [attr('credential_type', str('sts')), attr('arn', str(auth.roleArn)), attr('external_id', str(auth.externalId)), ...tlsBlock];
  }
  // terraformRefusal keeps unprotected ECR registries out; a protected one without a method is incomplete.
  return [attr('credential_type', str('secret')), ...tlsBlock];
}

function resource(record: RegistryRecord, name: string, secretRef: (field: SecretField) => string): HclItem {
  const scopeNote =
    record.scope === 'system'
      ? [
          comment(
            'A system-level registry in Pack Registry Desk: the provider manages tenant-level\nregistries only, so this creates it in the tenant of the API key.',
          ),
        ]
      : [];
  return block(
    'resource',
    ['spectrocloud_registry_oci', name],
    [
      ...scopeNote,
      attr('name', str(record.name)),
      attr('type', str(record.type)),
      attr('endpoint', str(record.type === 'basic' ? basicEndpoint(record.endpoint) : ecrEndpoint(record.endpoint))),
      // For Basic the provider reads this back as auth.type != noAuth (docs/reference/palette-registries.md#terraform).
      attr('is_private', bool(record.type === 'basic' ? record.username.trim() !== '' : record.isPrivate)),
      attr('provider_type', str('pack')),
      // The provider refuses provider_type pack without synchronization (docs/reference/palette-registries.md#terraform).
      attr('is_synchronization', bool(true)),
      attr('base_content_path', str(paletteBasePath(record))),
      blank,
      block('credentials', [], credentials(record, secretRef)),
    ],
  );
}

/**
 * Terraform for the Spectro Cloud provider: one `spectrocloud_registry_oci` per registry, each
 * secret a `sensitive` variable declared just before the resource that uses it.
 */
export function renderTerraform(records: RegistryRecord[], options: TerraformOptions): { content: string; secretsWritten: number } {
  const refusal = records.map(terraformRefusal).find((problem) => problem !== undefined);
  if (refusal) throw new AppErrorException(refusal);
  const names = resourceNames(records);
  let secretsWritten = 0;
  const items: HclItem[] = [];
  records.forEach((record, i) => {
    const name = names[i]!;
    const refs = new Map<SecretField, string>();
    for (const field of neededSecrets(record)) {
      const variable = `${name}_${SECRET_LABELS[field].suffix}`;
      refs.set(field, `var.${variable}`);
      const value = options.secretValues?.(record, field);
      if (value !== undefined) secretsWritten++;
      items.push(
        block(
          'variable',
          [variable],
          [
            attr('description', str(`${SECRET_LABELS[field].describe} of OCI registry "${record.name}" (${record.scope} scope)`)),
            attr('type', expr('string')),
            attr('sensitive', bool(true)),
            ...(value === undefined ? [] : [attr('default', str(value))]),
          ],
        ),
        blank,
      );
    }
    items.push(
      resource(record, name, (field) => refs.get(field) ?? '""'),
      blank,
    );
  });
  items.pop();
  return { content: renderHcl([...header(records.length, options, secretsWritten > 0), ...providerSetup(), ...items]), secretsWritten };
}
