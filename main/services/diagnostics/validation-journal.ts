import { DIAGNOSTICS_MAX_REPORTS } from '../../../shared/model/diagnostics';
import type { RegistryScope } from '../../../shared/model/registry';
import type { ValidationReport } from '../../../shared/model/validation';
import type { RedactionCounts } from '../redaction/redact';
import type { FinishedValidation } from '../validation/validation-service';

export interface JournalEntry {
  seq: number;
  finishedAt: string;
  source: 'form' | 'stored';
  registry?: { id: string; name: string; scope: RegistryScope };
  /** Already scrubbed by the engine of the request's own secrets and of every credential shape. */
  report: ValidationReport;
  /** What that scrubbing replaced, carried into the diagnostics file's count. */
  redactions: RedactionCounts;
}

/**
 * The last finished validation reports of this session, for the diagnostics file: in memory
 * only and bounded. It listens to the validation service (`record`), which hands it reports the
 * engine has already scrubbed of the request's secrets and of every credential shape.
 */
export function createValidationJournal(options: { capacity?: number; now?: () => Date } = {}) {
  const capacity = options.capacity ?? DIAGNOSTICS_MAX_REPORTS;
  const now = options.now ?? (() => new Date());
  const entries: JournalEntry[] = [];
  let seq = 0;

  return {
    /** Keeps a copy of a finished validation's report. */
    record({ report, registry }: FinishedValidation): void {
      entries.push({
        seq: ++seq,
        finishedAt: now().toISOString(),
        source: registry ? 'stored' : 'form',
        ...(registry ? { registry: { ...registry } } : {}),
        report: structuredClone(report),
        // What the engine removed is in the report as markers; the diagnostics file counts them.
        redactions: markersIn(report),
      });
      if (entries.length > capacity) entries.splice(0, entries.length - capacity);
    },
    /** Entries up to and including `through` (all when absent), oldest first; copies. */
    list(through?: number): JournalEntry[] {
      return entries.filter((e) => through === undefined || e.seq <= through).map((e) => structuredClone(e));
    },
    /** How many reports finished this session (more than the journal keeps, once it is full). */
    finishedCount: () => seq,
  };
}
export type ValidationJournal = ReturnType<typeof createValidationJournal>;

/** The redaction markers already in a report, by kind. */
function markersIn(report: ValidationReport): RedactionCounts {
  const counts: RedactionCounts = {};
  for (const [, kind] of JSON.stringify(report).matchAll(/\[redacted: ([^\]]+)\]/g)) counts[kind!] = (counts[kind!] ?? 0) + 1;
  return counts;
}
