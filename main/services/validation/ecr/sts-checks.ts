import { appError } from '../../../../shared/errors';
import type { EcrValidation } from '../../../../shared/model/ecr-validation';
import { StepProblem } from '../core/step-problem';
import { maskKeyId } from './aws-error-map';
import type { AwsIdentitySource } from './aws-session';
import type { EcrTarget } from './ecr-target';

/** IAM role ARNs in every partition (the form's AWS_ROLE_ARN covers the three Palette lists). */
const ROLE_ARN = /^arn:(aws(?:-[a-z]+)*):iam::(\d{12}):role\/([\w+=,.@\-/]{1,512})$/;
/** STS ExternalId: 2–1224 of [\w+=,.@:/-] (docs/reference/aws-ecr-sts.md#assumerole). */
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;

/**
 * What a workstation can check of Palette's STS settings without Palette's account: the ARN's
 * syntax, its partition against the endpoint's, and the external ID's syntax.
 */
export function checkRole(ecr: EcrValidation, target: EcrTarget): string[] {
  const match = ROLE_ARN.exec(ecr.roleArn);
  if (!match) {
    const hint = /^arn:[^:]+:iam::\d{12}:user\//.test(ecr.roleArn) ? ' It names a user; STS needs a role.' : '';
    throw new StepProblem(
      appError('STS_ROLE_ARN_INVALID', { message: `The role ARN is not an IAM role ARN.${hint}`, field: 'ecr.roleArn' }),
      [`given: ${JSON.stringify(ecr.roleArn.slice(0, 200))}`],
    );
  }
  const [, partition, account, name] = match as unknown as [string, string, string, string];
  if (partition !== target.partition) {
    throw new StepProblem(
      appError('STS_PARTITION_MISMATCH', {
        message: `The role is in partition ${partition}, the registry in ${target.partition}.`,
        field: 'ecr.roleArn',
      }),
      [`role ${name} of account ${account}`],
    );
  }
  if (!EXTERNAL_ID.test(ecr.externalId)) {
    throw new StepProblem(appError('STS_EXTERNAL_ID_INVALID', { field: 'ecr.externalId' }), [
      `external ID of ${ecr.externalId.length} characters`,
    ]);
  }
  const lines = [
    `role ${name} of account ${account}, partition ${partition}: matches the endpoint`,
    `external ID well-formed (${ecr.externalId.length} characters)`,
  ];
  if (target.registryId && target.registryId !== account)
    lines.push(`the role is in account ${account}, the registry in ${target.registryId}: the registry's policy must admit the role`);
  return lines;
}

/** The identity to try AssumeRole with from here, if the admin gave one. */
export function stsSourceIdentity(ecr: EcrValidation): AwsIdentitySource | undefined {
  if (ecr.accessKeyId && ecr.secretAccessKey) {
    return {
      kind: 'keys',
      keys: {
        accessKeyId: ecr.accessKeyId,
        secretAccessKey: ecr.secretAccessKey,
        ...(ecr.sessionToken ? { sessionToken: ecr.sessionToken } : {}),
      },
    };
  }
  return ecr.sourceProfile ? { kind: 'profile', profile: ecr.sourceProfile } : undefined;
}

export function describeSource(source: AwsIdentitySource): string {
  return source.kind === 'keys' ? `access key ${maskKeyId(source.keys.accessKeyId)}` : `AWS profile "${source.profile}"`;
}

/** What the report says Palette checks and this workstation cannot (docs/reference/palette-registries.md#sts-trust-policy). */
export function paletteOnlyChecks(target: EcrTarget): string {
  return `Palette checks: its AWS account (arn:${target.partition}:iam::<Palette account>:root) may assume the role with sts:ExternalId equal to this external ID, then the role's ECR permissions`;
}
