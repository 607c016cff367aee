import { readFile } from 'node:fs/promises';
import { DraftFileSchema } from '../../shared/model/draft-file';
import type { RegistryDraft } from '../../shared/model/registry-draft';

const MAX_DRAFT_BYTES = 5 * 1024 * 1024;

/** One registry from a draft file, chosen by name when the file holds several. */
export async function readDraftFile(path: string, name: string | undefined): Promise<{ draft: RegistryDraft } | { error: string }> {
  let text: string;
  try {
    const bytes = await readFile(path);
    if (bytes.length > MAX_DRAFT_BYTES) return { error: `--file ${path} is larger than 5 MiB; it is not a draft file` };
    text = bytes.toString('utf8');
  } catch (error) {
    return { error: `cannot read --file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { error: `--file ${path} is not JSON: ${(error as Error).message}` };
  }
  const parsed = DraftFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    return { error: `--file ${path}${where}: ${issue?.message ?? 'not a draft file'}` };
  }
  const { registries } = parsed.data;
  const names = registries.map((r) => `"${r.name}"`).join(', ');
  if (name === undefined) {
    if (registries.length === 1) return { draft: registries[0]! };
    return { error: `--file ${path} holds ${registries.length} registries (${names}); choose one with --name` };
  }
  const draft = registries.find((r) => r.name === name);
  return draft ? { draft } : { error: `--file ${path} holds no registry named "${name}" (it has ${names})` };
}
