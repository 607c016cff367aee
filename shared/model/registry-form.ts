import { z } from 'zod';
import { CaPemInputSchema } from './ca-pem';
import { arnPartition, partitionRefusal } from './palette-rules';
import { RegistryScopeSchema, RegistryTypeSchema } from './registry';
import {
  AccessKeyIdInputSchema,
  BaseContentPathInputSchema,
  EndpointInputSchema,
  ExternalIdInputSchema,
  FIELD_LIMITS,
  RegistryNameSchema,
  RoleArnInputSchema,
  UsernameInputSchema,
} from './text-fields';

/** IAM role ARNs in Palette's AWS partitions (docs/palette-api.md): no aws-cn, which Palette does not have. */
export const AWS_ROLE_ARN = /^arn:(aws|aws-us-gov|aws-iso|aws-iso-b):iam::(\d{12}):role\/[\w+=,.@\-/]{1,512}$/;
/** STS ExternalId: 2–1224 characters of [\w+=,.@:/-] (AWS STS API reference). */
export const AWS_EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;
export const AWS_ACCESS_KEY_ID = /^(AKIA|ASIA|AIDA|AROA)[A-Z0-9]{12,124}$/;

/**
 * The Add Pack Registry form, field for field as Palette shows it. The window validates with it as
 * the admin types; main validates the drafts and requests built from it with its own schemas.
 */
export const RegistryFormSchema = z
  .object({
    name: RegistryNameSchema,
    scope: RegistryScopeSchema,
    type: RegistryTypeSchema,
    endpoint: EndpointInputSchema,
    baseContentPath: BaseContentPathInputSchema.refine(
      (p) => !/(^|\/)spectro-packs(\/|$)/.test(p),
      'Leave out "spectro-packs": Palette adds it itself.',
    ),
    username: UsernameInputSchema,
    password: z.string().max(FIELD_LIMITS.password),
    insecureSkipVerify: z.boolean(),
    caPem: CaPemInputSchema,
    trustOnlySuppliedCa: z.boolean(),
    ecrProtected: z.boolean(),
    awsMethod: z.enum(['credentials', 'sts']),
    accessKeyId: AccessKeyIdInputSchema,
    secretAccessKey: z.string(),
    roleArn: RoleArnInputSchema,
    externalId: ExternalIdInputSchema,
    /** Only for drawing the trust policy: the account Palette assumes the role from. */
    paletteAccountId: z
      .string()
      .trim()
      .refine((id) => id === '' || /^\d{12}$/.test(id), 'An AWS account ID has 12 digits.'),
  })
  .superRefine((form, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (form.type === 'basic' && form.password !== '' && form.username.trim() === '')
      issue('password', 'A password needs a username: enter the username too.');
    if (form.type !== 'ecr' || !form.ecrProtected) return;
    if (form.awsMethod === 'credentials') {
      if (!AWS_ACCESS_KEY_ID.test(form.accessKeyId))
        issue('accessKeyId', 'An access key ID looks like AKIA followed by 16 capitals and digits.');
    } else {
      const refusal = partitionRefusal(arnPartition(form.roleArn) ?? 'aws');
      if (refusal) issue('roleArn', refusal);
      else if (!AWS_ROLE_ARN.test(form.roleArn)) issue('roleArn', 'Enter a role ARN: arn:aws:iam::<12-digit account>:role/<name>.');
      if (!AWS_EXTERNAL_ID.test(form.externalId))
        issue('externalId', 'Enter the external ID Palette shows: 2 or more of letters, digits and +=,.@:/-');
      if (form.accessKeyId !== '' && !AWS_ACCESS_KEY_ID.test(form.accessKeyId))
        issue('accessKeyId', 'An access key ID looks like AKIA followed by 16 capitals and digits.');
    }
  });
export type RegistryForm = z.infer<typeof RegistryFormSchema>;

export const emptyRegistryForm = (scope: RegistryForm['scope'] = 'system'): RegistryForm => ({
  name: '',
  scope,
  type: 'basic',
  endpoint: '',
  baseContentPath: '',
  username: '',
  password: '',
  insecureSkipVerify: false,
  caPem: '',
  trustOnlySuppliedCa: false,
  ecrProtected: true,
  awsMethod: 'credentials',
  accessKeyId: '',
  secretAccessKey: '',
  roleArn: '',
  externalId: '',
  paletteAccountId: '',
});

/** The trust policy Palette's account needs on the role (docs/reference/palette-registries.md#sts-trust-policy). */
export function stsTrustPolicy(roleArn: string, paletteAccountId: string, externalId: string): string {
  const partition = AWS_ROLE_ARN.exec(roleArn)?.[1] ?? 'aws';
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:${partition}:iam::${paletteAccountId || '<PALETTE-ACCOUNT-ID>'}:root` },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'sts:ExternalId': externalId || '<EXTERNAL-ID>' } },
        },
      ],
    },
    null,
    2,
  );
}
