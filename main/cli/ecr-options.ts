import type { EcrValidationInput } from '../../shared/model/ecr-validation';
import type { RegistryDraft } from '../../shared/model/registry-draft';

/** `regdesk validate` options for ECR registries (Palette's ECR tab). */
export const ECR_OPTIONS = {
  'aws-auth': { type: 'string' },
  'aws-access-key-id': { type: 'string' },
  'aws-secret-stdin': { type: 'boolean', default: false },
  'role-arn': { type: 'string' },
  'external-id': { type: 'string' },
  'aws-profile': { type: 'string' },
  'aws-region': { type: 'string' },
  'aws-api-endpoint': { type: 'string' },
  'aws-sts-endpoint': { type: 'string' },
} as const;

export const ECR_USAGE = `
ECR registries (Palette's ECR tab):
  --aws-auth METHOD             credentials, sts, or none (not Protected)
  --aws-access-key-id ID        Access key (or AWS_ACCESS_KEY_ID; AWS_SESSION_TOKEN with it)
  --aws-secret-stdin            Read the secret access key from standard input
                                (or set AWS_SECRET_ACCESS_KEY; --password-stdin works too)
  --role-arn ARN                STS: the role Palette assumes
  --external-id ID              STS: the external ID Palette shows
  --aws-profile NAME            STS: try AssumeRole as this AWS profile (else the access
                                key above, if any; else only what Palette must check)
  --aws-region REGION           API region, for endpoints that do not name one
  --aws-api-endpoint URL        ECR API endpoint override (VPC endpoint)
  --aws-sts-endpoint URL        STS endpoint override
`;

export interface EcrValues {
  'aws-auth'?: string | undefined;
  'aws-access-key-id'?: string | undefined;
  'aws-secret-stdin': boolean;
  'role-arn'?: string | undefined;
  'external-id'?: string | undefined;
  'aws-profile'?: string | undefined;
  'aws-region'?: string | undefined;
  'aws-api-endpoint'?: string | undefined;
  'aws-sts-endpoint'?: string | undefined;
}

/** What an ECR draft file says; the flags it covers may not be given again. */
export type EcrDraft = Pick<Extract<RegistryDraft, { type: 'ecr' }>, 'isPrivate' | 'awsAuth'>;
export const ECR_DRAFT_FLAGS = ['aws-auth', 'aws-access-key-id', 'role-arn', 'external-id'] as const;

/** An ECR flag given on a registry that is not ECR, for the usage error. */
export function strayEcrFlag(values: EcrValues): string | undefined {
  const names = Object.keys(ECR_OPTIONS) as Array<keyof EcrValues>;
  return names.find((name) => (name === 'aws-secret-stdin' ? values[name] : values[name] !== undefined));
}

/**
 * The request's ecr block from the flags, a draft and the environment (the AWS CLI's variable
 * names). `secret` is what standard input held, if it was asked for.
 */
export function ecrRequest(
  values: EcrValues,
  draft: EcrDraft | undefined,
  env: NodeJS.ProcessEnv,
  secret: string | undefined,
): { ecr: EcrValidationInput } | { error: string } {
  const method = values['aws-auth'] ?? (draft ? (draft.isPrivate ? (draft.awsAuth?.method ?? 'credentials') : 'none') : 'none');
  if (method !== 'credentials' && method !== 'sts' && method !== 'none') return { error: '--aws-auth takes credentials, sts or none' };
  // Given empty, these are mistakes to report, not options to drop: the schema and the override check say what is wrong.
  const emptyOverride = (['aws-api-endpoint', 'aws-sts-endpoint'] as const).find((flag) => values[flag]?.trim() === '');
  if (emptyOverride) return { error: `--${emptyOverride} needs a URL, https://host[:port]` };
  const common = {
    ...(values['aws-region'] !== undefined ? { region: values['aws-region'] } : {}),
    ...(values['aws-api-endpoint'] !== undefined ? { apiEndpoint: values['aws-api-endpoint'] } : {}),
    ...(values['aws-sts-endpoint'] !== undefined ? { stsEndpoint: values['aws-sts-endpoint'] } : {}),
  };
  const stsOnly = (['role-arn', 'external-id', 'aws-profile'] as const).find((flag) => values[flag] !== undefined);
  if (method === 'none') {
    const authFlag =
      values['aws-access-key-id'] !== undefined ? 'aws-access-key-id' : values['aws-secret-stdin'] ? 'aws-secret-stdin' : stsOnly;
    return authFlag
      ? { error: `--${authFlag} does not go with --aws-auth none (not Protected)` }
      : { ecr: { isPrivate: false, ...common } };
  }
  const draftKeyId = draft?.awsAuth?.method === 'credentials' ? draft.awsAuth.accessKeyId : undefined;
  const keyIdFromEnv = values['aws-access-key-id'] === undefined && draftKeyId === undefined;
  const accessKeyId = values['aws-access-key-id'] ?? draftKeyId ?? env['AWS_ACCESS_KEY_ID'] ?? '';
  const secretAccessKey = secret ?? env['AWS_SECRET_ACCESS_KEY'] ?? '';
  // A session token belongs to the environment's key only, never to a key given otherwise.
  const sessionToken = keyIdFromEnv ? (env['AWS_SESSION_TOKEN'] ?? '') : '';
  if (method === 'credentials') {
    if (stsOnly) return { error: `--${stsOnly} goes with --aws-auth sts` };
    if (!accessKeyId) return { error: 'give the access key ID with --aws-access-key-id (or AWS_ACCESS_KEY_ID)' };
    if (!secretAccessKey) return { error: 'give the secret access key on standard input (--aws-secret-stdin) or in AWS_SECRET_ACCESS_KEY' };
    return { ecr: { isPrivate: true, method, accessKeyId, secretAccessKey, sessionToken, ...common } };
  }
  const role = draft?.awsAuth?.method === 'sts' ? draft.awsAuth : undefined;
  const roleArn = values['role-arn'] ?? role?.roleArn ?? '';
  const externalId = values['external-id'] ?? role?.externalId ?? '';
  if (!roleArn || !externalId) return { error: '--aws-auth sts needs --role-arn and --external-id' };
  if (values['aws-profile'] !== undefined) {
    if (values['aws-access-key-id'] !== undefined)
      return { error: 'give --aws-profile or --aws-access-key-id as the source identity, not both' };
    return { ecr: { isPrivate: true, method, roleArn, externalId, sourceProfile: values['aws-profile'], ...common } };
  }
  if (values['aws-access-key-id'] !== undefined && !secretAccessKey) {
    return {
      error: 'give the secret access key of --aws-access-key-id on standard input (--aws-secret-stdin) or in AWS_SECRET_ACCESS_KEY',
    };
  }
  const keys = accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey, sessionToken } : {};
  return { ecr: { isPrivate: true, method, roleArn, externalId, ...keys, ...common } };
}
