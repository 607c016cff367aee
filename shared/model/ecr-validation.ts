import { z } from 'zod';
import { FIELD_LIMITS } from './text-fields';

/**
 * The ECR part of a validation request (Palette's ECR tab, docs/reference/palette-registries.md#the-add-registry-form). Secrets
 * (secretAccessKey, sessionToken) are in here only in transit, like the Basic password: no report,
 * log or stored record ever holds them.
 */
export const EcrValidationSchema = z.object({
  /** Palette's "Protected" toggle (spec.isPrivate): without it the registry is checked anonymously. */
  isPrivate: z.boolean().default(true),
  /** Palette's "AWS Authentication Method": static keys (credentialType "secret") or STS. */
  method: z.enum(['credentials', 'sts']).default('credentials'),
  /** Credentials: the key Palette uses. STS: an optional source identity to try AssumeRole with. */
  accessKeyId: z.string().trim().max(FIELD_LIMITS.accessKeyId).default(''),
  secretAccessKey: z.string().max(FIELD_LIMITS.secretAccessKey).default(''),
  /** For temporary (ASIA…) keys only. */
  sessionToken: z.string().max(8192).default(''),
  roleArn: z.string().trim().max(FIELD_LIMITS.roleArn).default(''),
  externalId: z.string().trim().max(FIELD_LIMITS.externalId).default(''),
  /** STS: a named profile as the source identity, resolved by the AWS SDK's default credential chain. */
  sourceProfile: z.string().trim().min(1).max(256).optional(),
  /** Override of the ECR API endpoint (VPC endpoint, private partition), https://host[:port]. */
  apiEndpoint: z.string().trim().min(1).max(2048).optional(),
  /** Override of the STS endpoint, https://host[:port]. */
  stsEndpoint: z.string().trim().min(1).max(2048).optional(),
  /** The API region, when the endpoint does not name one (or to override it). */
  region: z
    .string()
    .trim()
    .regex(/^[a-z]{2,4}(-[a-z0-9]+)+-\d{1,2}$/, 'An AWS region looks like us-east-1.')
    .optional(),
});
export type EcrValidation = z.output<typeof EcrValidationSchema>;
export type EcrValidationInput = z.input<typeof EcrValidationSchema>;
