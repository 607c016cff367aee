import { z } from 'zod';
import { RegistryDraftSchema } from './registry-draft';

/**
 * The app's own portable file of registry drafts: what one workstation exports and another
 * imports or validates (`regdesk validate --file`). Never holds a secret.
 */
export const DRAFT_FILE_FORMAT = 'pack-registry-desk/drafts';

export const DraftFileSchema = z.object({
  format: z.literal(DRAFT_FILE_FORMAT, { error: `Not a Pack Registry Desk draft file: "format" must be "${DRAFT_FILE_FORMAT}".` }),
  version: z.literal(1, { error: 'This draft file version is not supported; update Pack Registry Desk.' }),
  exportedAt: z.iso.datetime().optional(),
  registries: z.array(RegistryDraftSchema).min(1, 'The draft file holds no registry.'),
});
export type DraftFile = z.output<typeof DraftFileSchema>;
