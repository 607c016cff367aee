import { z } from 'zod';
import { parseEndpoint } from '../endpoint';
import { nameProblem, refuseUnsafeCharacters } from '../text-rules';

/**
 * The text fields every schema a person, a window or a file goes through shares: one rule each,
 * so the wizard, IPC, draft import and the command line refuse the same strings, with the field
 * named by the issue's path (docs/hostile-input.md).
 */

/**
 * How long each field may be, one number for every schema that carries it: the form, drafts and
 * draft files, the validation request and the stored record.
 */
export const FIELD_LIMITS = {
  name: 128,
  endpoint: 2048,
  baseContentPath: 1024,
  username: 1024,
  password: 16_384,
  accessKeyId: 128,
  secretAccessKey: 1024,
  roleArn: 2048,
  externalId: 1224,
} as const;

/** Free text with a length limit: no control, bidi or format character. `what` starts the message. */
export const plainText = (what: string, max: number) => z.string().trim().max(max).superRefine(refuseUnsafeCharacters(what));

export const BaseContentPathInputSchema = plainText('The base content path', FIELD_LIMITS.baseContentPath);
export const UsernameInputSchema = plainText('The username', FIELD_LIMITS.username);
export const AccessKeyIdInputSchema = plainText('The access key ID', FIELD_LIMITS.accessKeyId);
export const RoleArnInputSchema = plainText('The role ARN', FIELD_LIMITS.roleArn);
export const ExternalIdInputSchema = plainText('The external ID', FIELD_LIMITS.externalId);

/** A registry's name: also no default-ignorable character and no confusable mix of scripts. */
export const RegistryNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter a name.')
  .max(FIELD_LIMITS.name, `Use at most ${FIELD_LIMITS.name} characters.`)
  .superRefine((name, ctx) => {
    const problem = nameProblem(name);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** An endpoint exactly as validation reads it: the one parser, so import takes only what validation can use. */
export const EndpointInputSchema = z
  .string()
  .trim()
  .min(1, 'Enter the registry endpoint.')
  .max(FIELD_LIMITS.endpoint)
  .superRefine((endpoint, ctx) => {
    const parsed = parseEndpoint(endpoint);
    if (!parsed.ok && endpoint !== '') ctx.addIssue({ code: 'custom', message: parsed.error.message });
  });

/** How an ECR registry authenticates, as a draft or request supplies it. */
export const AwsAuthInputSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('credentials'), accessKeyId: AccessKeyIdInputSchema }),
  z.object({ method: z.literal('sts'), roleArn: RoleArnInputSchema, externalId: ExternalIdInputSchema }),
]);
