import { AppErrorException, appError, type AppError } from '../../../shared/errors';
import { arnPartition, incompleteForPalette, partitionRefusal, type PalettePartition } from '../../../shared/model/palette-rules';
import type { RegistryRecord } from '../../../shared/model/registry';
import { parseEcrHost } from '../validation/ecr/ecr-host';

type EcrRecord = Extract<RegistryRecord, { type: 'ecr' }>;

/** The host of an ECR endpoint as stored (with or without scheme, port or path). */
function ecrHostOf(endpoint: string): string {
  return endpoint
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/[/:].*$/, '');
}

/**
 * The AWS partition Palette must use for a protected ECR registry, for both credential types:
 * the endpoint's when it is an ECR host name, else the role ARN's, else Palette's default `aws`.
 * Refused (with the reason) when Palette has no such partition or the two disagree.
 */
export function ecrPartition(record: EcrRecord): { partition: PalettePartition } | { problem: AppError } {
  const host = parseEcrHost(ecrHostOf(record.endpoint));
  const fromEndpoint = host.kind === 'private' ? host.partition : undefined;
  const fromArn = record.awsAuth?.method === 'sts' ? arnPartition(record.awsAuth.roleArn) : undefined;
  if (fromEndpoint && fromArn && fromEndpoint !== fromArn) {
    const message = `The role of "${record.name}" is in partition ${fromArn}, its registry in ${fromEndpoint}: Palette assumes the role in one partition.`;
    return { problem: appError('PALETTE_PARTITION_UNSUPPORTED', { message, field: 'roleArn' }) };
  }
  const partition = fromEndpoint ?? fromArn ?? 'aws';
  const refusal = partitionRefusal(partition);
  if (refusal) return { problem: appError('PALETTE_PARTITION_UNSUPPORTED', { message: `"${record.name}": ${refusal}` }) };
  return { partition: partition as PalettePartition };
}

/** What keeps Palette from taking this registry as it is; empty when it can be published. */
export function paletteProblems(record: RegistryRecord): AppError[] {
  const problems: AppError[] = [];
  if (incompleteForPalette(record).length > 0) {
    problems.push(
      appError('PALETTE_BASE_PATH_REQUIRED', {
        message: `"${record.name}" has no base content path. ${appError('PALETTE_BASE_PATH_REQUIRED').message}`,
        field: 'baseContentPath',
      }),
    );
  }
  if (record.type === 'ecr' && record.isPrivate) {
    const verdict = ecrPartition(record);
    if ('problem' in verdict) problems.push(verdict.problem);
  }
  return problems;
}

/** Throws the first problem: for a request that must not reach Palette in a shape it refuses. */
export function assertForPalette(records: readonly RegistryRecord[]): void {
  const problem = records.flatMap(paletteProblems)[0];
  if (problem) throw new AppErrorException(problem);
}
