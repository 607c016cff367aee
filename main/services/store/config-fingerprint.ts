import { createHash } from 'node:crypto';
import type { RegistryRecord } from '../../../shared/model/registry';

/**
 * A hash of everything that decides whether a validation still holds. Names, timestamps and
 * the stored result itself are left out: renaming a registry does not make its validation stale.
 */
export function configFingerprint(record: RegistryRecord): string {
  const { id: _id, name: _name, createdAt: _c, updatedAt: _u, lastValidation: _l, ...config } = record;
  return createHash('sha256').update(canonicalJson(config)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
