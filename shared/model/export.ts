import { z } from 'zod';
import { AppErrorSchema } from '../ipc/result';
import { RegistryScopeSchema } from './registry';

/**
 * `palette`: the request bodies of Palette's API (docs/palette-api.md#operations-spec); `terraform`: resources of the
 * Spectro Cloud provider (§3); `draft`: the app's own file, which another workstation imports.
 */
export const ExportFormatSchema = z.enum(['palette', 'terraform', 'draft']);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

const RegistryIdSchema = z.string().min(1).max(64);
const MAX_EXPORT_IDS = 100_000;

export const ExportRequestSchema = z.object({
  // A bound on what the window may send, far above any store; the draft format's own limit is the service's to say.
  ids: z
    .array(RegistryIdSchema)
    .min(1, 'Choose at least one registry to export.')
    .max(MAX_EXPORT_IDS, 'An export holds at most 100,000 registries: export each scope on its own.'),
  format: ExportFormatSchema,
  /** Secrets are left out (placeholders, Terraform variables) unless this is set; the output then says so. */
  includeSecrets: z.boolean().default(false),
  /** The time stamp to write; the window sends the preview's, so the saved file is the file it showed. */
  exportedAt: z.iso.datetime().optional(),
});
export type ExportRequest = z.output<typeof ExportRequestSchema>;

export const ExportedFileSchema = z.object({
  /** A suggested file name, never a path. */
  name: z.string(),
  mediaType: z.string(),
  content: z.string(),
});
export type ExportedFile = z.infer<typeof ExportedFileSchema>;

/** Something the admin should know about one exported registry (a placeholder written, a gap). */
export const ExportNoteSchema = z.object({
  registry: z.string(),
  scope: RegistryScopeSchema,
  problem: AppErrorSchema,
});
export type ExportNote = z.infer<typeof ExportNoteSchema>;

export const ExportResultSchema = z.object({
  files: z.array(ExportedFileSchema),
  /**
   * True only when secrets were asked for and at least one is written into the files. A preview
   * for the window (`export:render`) then shows a placeholder where each goes; `export:save` writes them.
   */
  secretsIncluded: z.boolean(),
  notes: z.array(ExportNoteSchema),
  /**
   * Terraform only: how many system registries the file creates in the tenant of the API key
   * instead (the provider manages tenant registries only), for the window and the CLI to say so.
   */
  systemAsTenant: z.number().int().nonnegative().default(0),
});
export type ExportResult = z.infer<typeof ExportResultSchema>;

/** `export:save`: main shows the save dialog and writes the file; the window learns where. */
export const SaveExportResultSchema = z.discriminatedUnion('canceled', [
  z.object({ canceled: z.literal(true) }),
  z.object({ canceled: z.literal(false), path: z.string(), secretsIncluded: z.boolean(), notes: z.array(ExportNoteSchema) }),
]);
export type SaveExportResult = z.infer<typeof SaveExportResultSchema>;
