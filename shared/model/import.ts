import { z } from 'zod';
import { RegistryDraftSchema } from './registry-draft';
import { RegistryScopeSchema, RegistryTypeSchema } from './registry';
import { SecretFieldSchema } from './secrets';
import { AppErrorSchema } from '../ipc/result';

/** The same rules as a name typed in the wizard. */
const RegistryNameSchema = RegistryDraftSchema.options[0].shape.name;
const ErrorCodeSchema = AppErrorSchema.shape.code;

/**
 * How many registries a draft file may hold: ten times the 1,000 the app is measured with. Export
 * refuses to write a larger draft file than import reads, so what the app writes it reads back.
 */
export const MAX_DRAFT_REGISTRIES = 10_000;

/**
 * Draft files above this size are refused unread. 1,000 registries take ~300 KiB, and ~2 MiB when
 * each carries a CA certificate: 10,000 with their CAs stay under it.
 */
export const MAX_DRAFT_FILE_BYTES = 32 * 1024 * 1024;

/** How the limits read in a sentence, with the way round them. */
export const DRAFT_LIMITS_TEXT = {
  registries: '10,000 registries',
  bytes: '32 MiB',
  wayRound: 'export each scope on its own (or fewer registries) into separate files and import them one after the other',
} as const;

/** The text of a draft file. A little over the limit is let through so the service can say "too large" precisely. */
export const ImportContentSchema = z.object({
  content: z.string().max(MAX_DRAFT_FILE_BYTES + 1024, `The file is larger than ${DRAFT_LIMITS_TEXT.bytes}.`),
});

/** One thing wrong with the file: where (`registries.2.endpoint`, or '' for the whole file) and why. */
export const ImportIssueSchema = z.object({ path: z.string(), code: ErrorCodeSchema, message: z.string() });
export type ImportIssue = z.infer<typeof ImportIssueSchema>;

export const ImportEntrySchema = z.object({
  /** Position in the file's `registries`; resolutions refer to it. */
  index: z.number().int().nonnegative(),
  name: z.string(),
  scope: RegistryScopeSchema,
  type: RegistryTypeSchema,
  endpoint: z.string(),
});

/** A registry in the file whose name is already used in its scope. */
export const ImportConflictSchema = z.object({
  index: z.number().int().nonnegative(),
  name: z.string(),
  scope: RegistryScopeSchema,
  existing: z.object({ id: z.string(), type: RegistryTypeSchema, endpoint: z.string() }),
  /** A free name to offer for "import as a copy". */
  proposedName: z.string(),
});
export type ImportConflict = z.infer<typeof ImportConflictSchema>;

export const ImportPreviewSchema = z.object({
  registries: z.array(ImportEntrySchema),
  conflicts: z.array(ImportConflictSchema),
  /** Empty when the file can be imported (after the conflicts are resolved). */
  errors: z.array(ImportIssueSchema),
  exportedAt: z.string().optional(),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export const ImportResolutionSchema = z.discriminatedUnion('action', [
  z.object({ index: z.number().int().nonnegative(), action: z.literal('rename'), name: RegistryNameSchema }),
  z.object({ index: z.number().int().nonnegative(), action: z.literal('skip') }),
  /** The stored registry keeps its id and secrets; its configuration becomes the file's. */
  z.object({ index: z.number().int().nonnegative(), action: z.literal('replace') }),
]);
export type ImportResolution = z.infer<typeof ImportResolutionSchema>;

export const ImportApplyInputSchema = ImportContentSchema.extend({
  resolutions: z.array(ImportResolutionSchema).max(MAX_DRAFT_REGISTRIES).default([]),
});

export const ImportResultSchema = z.object({
  imported: z.array(
    z.object({
      index: z.number().int().nonnegative(),
      id: z.string(),
      name: z.string(),
      scope: RegistryScopeSchema,
      type: RegistryTypeSchema,
      action: z.enum(['created', 'renamed', 'replaced']),
      /** Secrets never travel in a draft file: these are the ones to enter for the registry to work. */
      needsSecrets: z.array(SecretFieldSchema),
      /** Why Palette would refuse the registry as imported (no base content path, say); empty when it is complete. */
      incomplete: z.array(z.string()).default([]),
    }),
  ),
  skipped: z.array(z.object({ index: z.number().int().nonnegative(), name: z.string(), scope: RegistryScopeSchema })),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

/** `import:pick`: main shows the open dialog and reads the file; the window gets its text and preview. */
export const PickImportResultSchema = z.discriminatedUnion('canceled', [
  z.object({ canceled: z.literal(true) }),
  z.object({ canceled: z.literal(false), fileName: z.string(), content: z.string(), preview: ImportPreviewSchema }),
]);
export type PickImportResult = z.infer<typeof PickImportResultSchema>;
