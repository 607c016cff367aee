import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppErrorException, appError } from '../../../shared/errors';
import {
  MAX_DRAFT_FILE_BYTES,
  type ImportConflict,
  type ImportPreview,
  type ImportResolution,
  type ImportResult,
  type PickImportResult,
} from '../../../shared/model/import';
import type { RegistryDraft } from '../../../shared/model/registry-draft';
import type { FilePicker, FilePickRequest } from '../file-picker';
import { firstFreeName, nameKey, scopedNameKey } from '../store/registry-names';
import type { RegistryRepository } from '../store/registry-repository';
import { incompleteForPalette } from '../../../shared/model/palette-rules';
import { paletteProblems } from './palette-rules';
import { neededSecrets } from './palette-payloads';
import { parseDraftFile } from './parse-draft-file';

export const IMPORT_PICK_REQUEST: FilePickRequest = {
  title: 'Choose a Pack Registry Desk draft file',
  filters: [
    { name: 'Draft files', extensions: ['json'] },
    { name: 'All files', extensions: ['*'] },
  ],
};

export interface ImportServicePorts {
  registries: RegistryRepository;
  /** Absent where no one can be asked (the command line takes a path argument instead). */
  picker?: FilePicker | undefined;
}

const scopeKey = (draft: Pick<RegistryDraft, 'scope' | 'name'>) => scopedNameKey(draft);

/**
 * `import:pick`, `import:preview` and `import:apply`. Nothing is written until the whole file
 * has been checked and every clash with a stored name has an answer; then every registry is
 * written in one store write, so an import is never half done.
 */
export function createImportService(ports: ImportServicePorts) {
  function conflictsOf(drafts: RegistryDraft[]): ImportConflict[] {
    const stored = new Map(ports.registries.list().map((r) => [scopeKey(r), r]));
    // Names taken per scope (stored and in the file), kept as sets: a thousand clashes stay linear.
    const taken = { system: new Set<string>(), tenant: new Set<string>() };
    for (const r of [...stored.values(), ...drafts]) taken[r.scope].add(nameKey(r.name));
    return drafts.flatMap((draft, index) => {
      const existing = stored.get(scopeKey(draft));
      if (!existing) return [];
      const proposedName = firstFreeName(draft.name, taken[draft.scope], (n) => (n === 2 ? ' (imported)' : ` (imported ${n - 1})`), 2);
      taken[draft.scope].add(nameKey(proposedName));
      return [
        {
          index,
          name: draft.name,
          scope: draft.scope,
          existing: { id: existing.id, type: existing.type, endpoint: existing.endpoint },
          proposedName,
        },
      ];
    });
  }

  function preview(content: string): ImportPreview {
    const parsed = parseDraftFile(content);
    if (parsed.errors.length > 0) return { registries: [], conflicts: [], errors: parsed.errors };
    return {
      registries: parsed.drafts.map(({ name, scope, type, endpoint }, index) => ({ index, name, scope, type, endpoint })),
      conflicts: conflictsOf(parsed.drafts),
      errors: [],
      ...(parsed.exportedAt ? { exportedAt: parsed.exportedAt } : {}),
    };
  }

  /** The changes to write, or the first reason not to write anything. */
  function plan(drafts: RegistryDraft[], resolutions: ImportResolution[]) {
    const byIndex = new Map<number, ImportResolution>();
    resolutions.forEach((resolution, k) => {
      if (resolution.index >= drafts.length || byIndex.has(resolution.index)) {
        throw new AppErrorException(
          appError('INVALID_INPUT', {
            message: `resolutions.${k}: no registry ${resolution.index} in the file, or a second answer for it.`,
            field: `resolutions.${k}.index`,
          }),
        );
      }
      byIndex.set(resolution.index, resolution);
    });
    const conflicts = new Map(conflictsOf(drafts).map((c) => [c.index, c]));
    const changes: Array<{ index: number; draft: RegistryDraft; replaceId?: string; action: 'created' | 'renamed' | 'replaced' }> = [];
    const skipped: ImportResult['skipped'] = [];
    drafts.forEach((draft, index) => {
      const resolution = byIndex.get(index);
      const conflict = conflicts.get(index);
      if (conflict && !resolution) {
        throw new AppErrorException(
          appError('IMPORT_CONFLICT_UNRESOLVED', {
            message: `registries.${index}.name: "${draft.name}" is already a ${draft.scope} registry here; choose to rename, skip or replace it.`,
            field: `registries.${index}.name`,
          }),
        );
      }
      if (resolution?.action === 'skip') return void skipped.push({ index, name: draft.name, scope: draft.scope });
      if (resolution?.action === 'replace') {
        if (!conflict)
          throw new AppErrorException(
            appError('INVALID_INPUT', {
              message: `registries.${index}: there is no stored "${draft.name}" to replace.`,
              field: `resolutions`,
            }),
          );
        return void changes.push({ index, draft, replaceId: conflict.existing.id, action: 'replaced' });
      }
      if (resolution?.action === 'rename')
        return void changes.push({ index, draft: { ...draft, name: resolution.name }, action: 'renamed' });
      changes.push({ index, draft, action: 'created' });
    });
    // The names as they will be: unique among the imported ones and against what stays stored.
    const replaced = new Set(changes.flatMap((c) => (c.replaceId ? [c.replaceId] : [])));
    const taken = new Map(
      ports.registries
        .list()
        .filter((r) => !replaced.has(r.id))
        .map((r) => [scopeKey(r), `the stored "${r.name}"`]),
    );
    for (const { index, draft } of changes) {
      const clash = taken.get(scopeKey(draft));
      if (clash) {
        throw new AppErrorException(
          appError('IMPORT_RENAME_INVALID', {
            message: `registries.${index}.name: "${draft.name}" is already taken in the ${draft.scope} scope by ${clash}.`,
            field: `registries.${index}.name`,
          }),
        );
      }
      taken.set(scopeKey(draft), `registries.${index}`);
    }
    return { changes, skipped };
  }

  async function apply(content: string, resolutions: ImportResolution[]): Promise<ImportResult> {
    const parsed = parseDraftFile(content);
    const [first] = parsed.errors;
    if (first) {
      const more = parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more)` : '';
      const where = first.path ? `${first.path}: ` : '';
      throw new AppErrorException(
        appError(first.code, { message: `${where}${first.message}${more}`, ...(first.path ? { field: first.path } : {}) }),
      );
    }
    const { changes, skipped } = plan(parsed.drafts, resolutions);
    const stored = changes.length > 0 ? await ports.registries.importBatch(changes) : [];
    const imported = stored.map((record, k) => {
      const { index, action } = changes[k]!;
      return {
        index,
        id: record.id,
        name: record.name,
        scope: record.scope,
        type: record.type,
        action,
        needsSecrets: neededSecrets(record),
        // Kept, as an offline draft may be; said, because Palette will refuse it as it is.
        incomplete: [
          ...incompleteForPalette(record),
          ...paletteProblems(record)
            .filter((p) => p.code !== 'PALETTE_BASE_PATH_REQUIRED')
            .map((p) => p.message),
        ],
      };
    });
    return { imported, skipped };
  }

  return {
    preview,
    apply,

    /** Main opens the dialog and reads the file; the window gets the text and its preview, never a path to open. */
    async pick(): Promise<PickImportResult> {
      if (!ports.picker) throw new AppErrorException(appError('INTERNAL', { message: 'This host cannot show a file dialog.' }));
      const choice = await ports.picker.pickFile(IMPORT_PICK_REQUEST);
      if (choice.canceled) return { canceled: true };
      const fileName = basename(choice.path);
      let content: string;
      try {
        if ((await stat(choice.path)).size > MAX_DRAFT_FILE_BYTES) {
          return {
            canceled: false,
            fileName,
            content: '',
            preview: {
              registries: [],
              conflicts: [],
              errors: [{ path: '', code: 'IMPORT_TOO_LARGE', message: appError('IMPORT_TOO_LARGE').message }],
            },
          };
        }
        content = await readFile(choice.path, 'utf8');
      } catch (error) {
        throw new AppErrorException(
          appError('IMPORT_FILE_UNREADABLE', {
            message: `The draft file could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
          }),
        );
      }
      return { canceled: false, fileName, content, preview: preview(content) };
    },
  };
}
export type ImportService = ReturnType<typeof createImportService>;
