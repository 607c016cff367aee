import { DraftFileSchema } from '../../shared/model/draft-file';
import { DRAFT_LIMITS_TEXT, MAX_DRAFT_FILE_BYTES } from '../../shared/model/import';
import type { RegistryDraft } from '../../shared/model/registry-draft';
import { printable, quoted } from './io';
import { readInputFile } from './read-input-file';

/** One registry from a draft file, chosen by name when the file holds several. */
export async function readDraftFile(path: string, name: string | undefined): Promise<{ draft: RegistryDraft } | { error: string }> {
  const file = await readInputFile(path, MAX_DRAFT_FILE_BYTES);
  if (!file.ok) {
    if (file.problem === 'too-large')
      return { error: `--file ${printable(path)} is larger than ${DRAFT_LIMITS_TEXT.bytes}, the most a draft file may hold` };
    if (file.problem === 'not-a-file') return { error: `--file ${printable(path)} is not a regular file` };
    return { error: `cannot read --file ${printable(path)}: ${file.code}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(file.text);
  } catch (error) {
    return { error: `--file ${printable(path)} is not JSON: ${(error as Error).message}` };
  }
  const parsed = DraftFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    return { error: `--file ${printable(path)}${where}: ${issue?.message ?? 'not a draft file'}` };
  }
  const { registries } = parsed.data;
  const names = registries.map((r) => quoted(r.name)).join(', ');
  if (name === undefined) {
    if (registries.length === 1) return { draft: registries[0]! };
    return { error: `--file ${printable(path)} holds ${registries.length} registries (${names}); choose one with --name` };
  }
  const draft = registries.find((r) => r.name === name);
  return draft ? { draft } : { error: `--file ${printable(path)} holds no registry named ${quoted(name)} (it has ${names})` };
}
