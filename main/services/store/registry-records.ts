import type Conf from 'conf';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppErrorException, appError } from '../../../shared/errors';
import {
  RegistryRecordSchema,
  type RegistryRecord,
  type RegistryScope,
  type RegistrySummary,
  type ValidationSummary,
} from '../../../shared/model/registry';
import type { RegistryDraft } from '../../../shared/model/registry-draft';
import { storedReportWarnings } from '../../../shared/model/verdict';
import { configFingerprint } from './config-fingerprint';
import { firstFreeName, nameKey, scopedNameKey, ScopedNameIndex } from './registry-names';
import { tlsSummary } from './registry-tls-summary';
import type { StoreShape } from './store-options';

const RecordsSchema = z.array(RegistryRecordSchema);

export interface ValidationOutcome {
  ok: boolean;
  at: string;
  /** The fingerprint of the configuration that was validated, taken before the validation began. */
  configFingerprint: string;
  /** The validator's report (plain JSON; never holds a secret). */
  report?: NonNullable<RegistryRecord['lastValidation']>['report'];
}

/**
 * The registries in the store file: read and checked on every call (another process may have
 * written it), written whole through conf (atomic). Synchronous; the repository serializes calls.
 */
export function createRegistryRecords(store: Conf<StoreShape>, now: () => Date) {
  function readAll(): RegistryRecord[] {
    let raw: unknown;
    try {
      raw = store.get('registries');
    } catch {
      throw unreadable(store.path);
    }
    const parsed = RecordsSchema.safeParse(raw);
    if (!parsed.success) throw unreadable(store.path);
    return parsed.data;
  }

  function writeAll(records: RegistryRecord[]): void {
    // Never write what we could not read back: a bug here must not damage the file.
    const checked = RecordsSchema.parse(records);
    try {
      store.set('registries', checked);
    } catch (error) {
      // A store this version may only read says so itself (store-layout.ts).
      if (error instanceof AppErrorException) throw error;
      // conf reads the file before writing it; a file damaged meanwhile is reported as such.
      if (error instanceof Error && error.name === 'SyntaxError') throw unreadable(store.path);
      throw new AppErrorException(appError('STORE_WRITE_FAILED'));
    }
  }

  function find(all: RegistryRecord[], id: string): RegistryRecord {
    const record = all.find((r) => r.id === id);
    if (!record) throw notFound();
    return record;
  }

  function assertNameFree(all: RegistryRecord[], name: string, scope: RegistryScope, exceptId: string | undefined, field: string): void {
    const clash = all.some((r) => r.id !== exceptId && scopedNameKey(r) === scopedNameKey({ scope, name }));
    if (clash) throw new AppErrorException(appError('REGISTRY_NAME_TAKEN', { field }));
  }

  function replace(all: RegistryRecord[], record: RegistryRecord): RegistryRecord {
    writeAll(all.map((r) => (r.id === record.id ? record : r)));
    return record;
  }

  return {
    list(scope?: RegistryScope): RegistryRecord[] {
      const all = readAll();
      return scope ? all.filter((record) => record.scope === scope) : all;
    },

    get(id: string): RegistryRecord {
      return find(readAll(), id);
    },

    create(draft: RegistryDraft): RegistryRecord {
      const all = readAll();
      assertNameFree(all, draft.name, draft.scope, undefined, 'name');
      const at = now().toISOString();
      const record: RegistryRecord = { ...draft, id: randomUUID(), createdAt: at, updatedAt: at };
      writeAll([...all, record]);
      return record;
    },

    /** Replaces the configuration; the last validation is kept and goes stale only if the fingerprint moved. */
    update(id: string, draft: RegistryDraft): RegistryRecord {
      const all = readAll();
      const existing = find(all, id);
      assertNameFree(all, draft.name, draft.scope, id, 'draft.name');
      const { createdAt, lastValidation, secretsRevision } = existing;
      return replace(all, { ...draft, id, createdAt, updatedAt: now().toISOString(), lastValidation, secretsRevision });
    },

    /** A new registry with the same configuration, named "<name> (copy)" unless told otherwise, never validated. */
    duplicate(id: string, name?: string): RegistryRecord {
      const all = readAll();
      const { lastValidation: _dropped, ...source } = find(all, id);
      const taken = new Set(all.filter((r) => r.scope === source.scope).map((r) => nameKey(r.name)));
      if (name !== undefined) assertNameFree(all, name, source.scope, undefined, 'name');
      const copyName = name ?? firstFreeName(source.name, taken, (n) => (n === 2 ? ' (copy)' : ` (copy ${n - 1})`), 2);
      const at = now().toISOString();
      const record: RegistryRecord = { ...source, id: randomUUID(), name: copyName, createdAt: at, updatedAt: at };
      writeAll([...all, record]);
      return record;
    },

    /**
     * New and replaced registries in one write, checked in order against the file as it is now:
     * all of them are stored or none is (an import must never stop halfway). Each result says
     * what it replaced, so the caller need not read the file again per record.
     */
    applyBatch(changes: ReadonlyArray<{ draft: RegistryDraft; replaceId?: string | undefined }>): BatchResult[] {
      const all = readAll();
      const at = now().toISOString();
      // Indexed once: an import of a thousand replacements stays linear, not a scan of the file per record.
      const stored = firstById(all);
      // Every registry to replace must still be there, before any name is checked.
      for (const { replaceId } of changes) if (replaceId !== undefined && !stored.has(replaceId)) throw notFound();
      const replacements = new Map<string, RegistryRecord>();
      const names = new ScopedNameIndex(all);
      const created: RegistryRecord[] = [];
      const done = changes.map(({ draft, replaceId }, index): BatchResult => {
        if (names.takenByOther(draft, replaceId))
          throw new AppErrorException(appError('REGISTRY_NAME_TAKEN', { field: `registries.${index}.name` }));
        if (replaceId === undefined) {
          const record: RegistryRecord = { ...draft, id: randomUUID(), createdAt: at, updatedAt: at };
          created.push(record);
          names.set(record);
          return { record };
        }
        const replaced = stored.get(replaceId)!;
        const { createdAt, lastValidation, secretsRevision } = replaced;
        const record: RegistryRecord = { ...draft, id: replaceId, createdAt, updatedAt: at, lastValidation, secretsRevision };
        replacements.set(replaceId, record);
        names.set(record);
        return { record, replaced };
      });
      writeAll([...all.map((r) => replacements.get(r.id) ?? r), ...created]);
      return done;
    },

    remove(id: string): RegistryRecord {
      const all = readAll();
      const record = find(all, id);
      writeAll(all.filter((r) => r.id !== id));
      return record;
    },

    recordValidation(id: string, outcome: ValidationOutcome): RegistryRecord {
      const all = readAll();
      const { ok, at, configFingerprint, report } = outcome;
      return replace(all, { ...find(all, id), lastValidation: { ok, at, configFingerprint, ...(report === undefined ? {} : { report }) } });
    },

    /** A secret changed: part of the fingerprint, so the last validation goes stale. */
    bumpSecretsRevision(id: string): void {
      const all = readAll();
      const record = find(all, id);
      replace(all, { ...record, secretsRevision: (record.secretsRevision ?? 0) + 1 });
    },

    /** Called on every change of the file, including changes made by other processes. */
    onChange(listener: () => void): () => void {
      return store.onDidChange('registries', () => listener());
    },
  };
}
export type RegistryRecords = ReturnType<typeof createRegistryRecords>;

export interface BatchResult {
  record: RegistryRecord;
  /** The stored registry it took the place of, as it was before the batch. */
  replaced?: RegistryRecord;
}

/** Each id's record as `find` sees it: the first, should a hand-edited file repeat an id. */
function firstById(records: readonly RegistryRecord[]): Map<string, RegistryRecord> {
  const byId = new Map<string, RegistryRecord>();
  for (const record of records) if (!byId.has(record.id)) byId.set(record.id, record);
  return byId;
}

function notFound(): AppErrorException {
  return new AppErrorException(appError('REGISTRY_NOT_FOUND'));
}

function unreadable(path: string): AppErrorException {
  return new AppErrorException(appError('STORE_UNREADABLE', { remedy: `Check or restore ${path}.` }));
}

export function validationSummary(record: RegistryRecord): ValidationSummary {
  const last = record.lastValidation;
  if (!last) return { state: 'never' };
  if (last.configFingerprint !== configFingerprint(record)) return { state: 'stale', at: last.at };
  if (!last.ok) return { state: 'failed', at: last.at };
  const warnings = storedReportWarnings(last.report);
  return { state: 'validated', at: last.at, ...(warnings.length > 0 ? { warnings } : {}) };
}

export function toSummary(record: RegistryRecord): RegistrySummary {
  const { id, name, scope, type, endpoint, baseContentPath } = record;
  const validation = validationSummary(record);
  return { id, name, scope, type, endpoint, baseContentPath, validation, tls: tlsSummary(record, validation.state) };
}
