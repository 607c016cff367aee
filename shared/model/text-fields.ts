import { z } from 'zod';
import { parseEndpoint } from '../endpoint';
import { nameProblem, refuseUnsafeCharacters } from '../text-rules';

/**
 * The text fields every schema a person, a window or a file goes through shares: one rule each,
 * so the wizard, IPC, draft import and the command line refuse the same strings, with the field
 * named by the issue's path (docs/hostile-input.md).
 */

/** Free text with a length limit: no control, bidi or format character. `what` starts the message. */
export const plainText = (what: string, max: number) => z.string().trim().max(max).superRefine(refuseUnsafeCharacters(what));

/** A registry's name: also no default-ignorable character and no confusable mix of scripts. */
export const RegistryNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter a name.')
  .max(128, 'Use at most 128 characters.')
  .superRefine((name, ctx) => {
    const problem = nameProblem(name);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** An endpoint exactly as validation reads it: the one parser, so import takes only what validation can use. */
export const EndpointInputSchema = z
  .string()
  .trim()
  .min(1, 'Enter the registry endpoint.')
  .max(2048)
  .superRefine((endpoint, ctx) => {
    const parsed = parseEndpoint(endpoint);
    if (!parsed.ok && endpoint !== '') ctx.addIssue({ code: 'custom', message: parsed.error.message });
  });

/** How an ECR registry authenticates, as a draft or request supplies it. */
export const AwsAuthInputSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('credentials'), accessKeyId: plainText('The access key ID', 128) }),
  z.object({ method: z.literal('sts'), roleArn: plainText('The role ARN', 2048), externalId: plainText('The external ID', 1224) }),
]);
