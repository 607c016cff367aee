import { normalizeBaseContentPath } from './registry-values';

/**
 * What Palette itself requires of an OCI pack registry, said once for the form, the import, the
 * exports and the publish (docs/palette-api.md).
 */

/** Palette's AWS partitions: the enum of `credentials.partition` in its API. */
export const PALETTE_PARTITIONS = ['aws', 'aws-us-gov', 'aws-iso', 'aws-iso-b'] as const;
export type PalettePartition = (typeof PALETTE_PARTITIONS)[number];

export const isPalettePartition = (partition: string): partition is PalettePartition =>
  (PALETTE_PARTITIONS as readonly string[]).includes(partition);

/** Palette's reason, in the provider's words: the API requires the path once synchronization is on. */
export const BASE_PATH_REQUIRED =
  'Palette requires a base content path when synchronization is on, and a pack registry always synchronizes.';

/** The partition an ARN names (`arn:<partition>:…`), whatever it is, or undefined for no ARN. */
export function arnPartition(arn: string): string | undefined {
  return /^arn:([a-z][a-z0-9-]*):/.exec(arn.trim())?.[1];
}

/** Why Palette cannot take this partition, or undefined when it can. */
export function partitionRefusal(partition: string): string | undefined {
  return isPalettePartition(partition)
    ? undefined
    : `Palette has no AWS partition "${partition}": it takes ${PALETTE_PARTITIONS.join(', ')}.`;
}

/**
 * Why a draft is not yet complete for Palette, in the words the form and the import show; empty
 * when it is. An incomplete draft may be saved, validated and kept in a draft file (offline work);
 * the exports for Palette and the publish refuse it.
 */
export function incompleteForPalette(draft: { baseContentPath: string }): string[] {
  return normalizeBaseContentPath(draft.baseContentPath) === '' ? [`No base content path. ${BASE_PATH_REQUIRED}`] : [];
}
