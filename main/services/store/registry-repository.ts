import type Conf from 'conf';
import { z } from 'zod';
import { AppErrorException, appError } from '../../../shared/errors';
import {
  RegistryRecordSchema,
  type RegistryRecord,
  type RegistryScope,
  type RegistrySummary,
  type ValidationState,
} from '../../../shared/model/registry';
import { configFingerprint } from './config-fingerprint';
import type { StoreShape } from './store-options';

const RecordsSchema = z.array(RegistryRecordSchema);

export function createRegistryRepository(store: Conf<StoreShape>) {
  function readAll(): RegistryRecord[] {
    const parsed = RecordsSchema.safeParse(store.get('registries'));
    if (!parsed.success) {
      throw new AppErrorException(appError('STORE_UNREADABLE', { remedy: `Check or restore ${store.path}.` }));
    }
    return parsed.data;
  }

  return {
    list(scope?: RegistryScope): RegistryRecord[] {
      const all = readAll();
      return scope ? all.filter((record) => record.scope === scope) : all;
    },

    listSummaries(scope?: RegistryScope): RegistrySummary[] {
      return this.list(scope)
        .map(toSummary)
        .sort((a, b) => a.name.localeCompare(b.name));
    },

    /** Called on every change of the file, including changes made by other processes. */
    onChange(listener: () => void): () => void {
      return store.onDidChange('registries', () => listener());
    },
  };
}
export type RegistryRepository = ReturnType<typeof createRegistryRepository>;

function validationState(record: RegistryRecord): ValidationState {
  const last = record.lastValidation;
  if (!last) return 'never';
  if (last.configFingerprint !== configFingerprint(record)) return 'stale';
  return last.ok ? 'validated' : 'failed';
}

function toSummary(record: RegistryRecord): RegistrySummary {
  return {
    id: record.id,
    name: record.name,
    scope: record.scope,
    type: record.type,
    endpoint: record.endpoint,
    baseContentPath: record.baseContentPath,
    validation: {
      state: validationState(record),
      ...(record.lastValidation ? { at: record.lastValidation.at } : {}),
    },
  };
}
