import { DIAGNOSTICS_MAX_REPORTS } from '../../../shared/model/diagnostics';
import type { RegistryDetail, RegistryScope } from '../../../shared/model/registry';
import type { ValidationReport, ValidationRequest, ValidationStep } from '../../../shared/model/validation';
import { requestSecrets } from '../oci/validate';
import type { StoredValidationOptions } from '../oci/registry-validation';
import type { ValidationService } from '../oci/validation-service';
import { addCounts, createRedactor, type RedactionCounts } from '../redaction/redact';

export interface JournalEntry {
  seq: number;
  finishedAt: string;
  source: 'form' | 'stored';
  registry?: { id: string; name: string; scope: RegistryScope };
  /** Already scrubbed of the request's own secrets and of every credential shape. */
  report: ValidationReport;
  /** What that scrubbing replaced, carried into the diagnostics file's count. */
  redactions: RedactionCounts;
}

type ValidateStored = (
  runId: string,
  registryId: string,
  onProgress: (step: ValidationStep) => void,
  options?: StoredValidationOptions,
) => Promise<{ report: ValidationReport; registry: RegistryDetail }>;

/**
 * The last finished validation reports of this session, for the diagnostics file: in memory
 * only and bounded.
 *
 * The engine already removes the request's own secrets from what it reports (a hostile server can
 * echo them back); the wrapped service sweeps again, for credential shapes too, before a report
 * reaches the window, the store (a stored registry keeps its last report) or this journal.
 */
export function createValidationJournal(options: { capacity?: number; now?: () => Date } = {}) {
  const capacity = options.capacity ?? DIAGNOSTICS_MAX_REPORTS;
  const now = options.now ?? (() => new Date());
  const entries: JournalEntry[] = [];
  // The report object handed to the caller → its entry, so a stored run can be named afterwards.
  const byReport = new WeakMap<ValidationReport, JournalEntry>();
  let seq = 0;

  /** Keeps a copy of the scrubbed report and returns it for the caller. */
  function record(request: ValidationRequest, raw: ValidationReport): ValidationReport {
    const redactor = createRedactor(requestSecrets(request));
    const report = redactor.value(raw);
    const entry: JournalEntry = {
      seq: ++seq,
      finishedAt: now().toISOString(),
      source: 'form',
      report: structuredClone(report),
      // The engine's own removals (the request's secrets) count too: they are in the file as markers.
      redactions: addCounts(markersIn(raw), redactor.counts()),
    };
    entries.push(entry);
    if (entries.length > capacity) entries.splice(0, entries.length - capacity);
    byReport.set(report, entry);
    return report;
  }

  return {
    /** Entries up to and including `through` (all when absent), oldest first; copies. */
    list(through?: number): JournalEntry[] {
      return entries.filter((e) => through === undefined || e.seq <= through).map((e) => structuredClone(e));
    },
    /** How many reports finished this session (more than the journal keeps, once it is full). */
    finishedCount: () => seq,

    /**
     * The validation service, scrubbing and recording every report it finishes (`validation:run`
     * and, through it, `registries:validate` and `regdesk validate`).
     */
    wrap(validation: ValidationService): ValidationService {
      return {
        ...validation,
        async run(runId, request, onProgress) {
          // Its own redactor: progress steps repeat the report's lines and must not count twice.
          const progress = createRedactor(requestSecrets(request));
          const raw = await validation.run(runId, request, (step) => onProgress(progress.value(step)));
          return record(request, raw);
        },
      };
    },

    /** Names the registry of a stored run, which the validation service alone does not know. */
    attributeStored<T extends { validateStored: ValidateStored }>(registryValidation: T): T {
      return {
        ...registryValidation,
        async validateStored(
          runId: string,
          registryId: string,
          onProgress: (step: ValidationStep) => void,
          options?: StoredValidationOptions,
        ) {
          const result = await registryValidation.validateStored(runId, registryId, onProgress, options);
          const entry = byReport.get(result.report);
          if (entry) {
            const { id, name, scope } = result.registry.record;
            Object.assign(entry, { source: 'stored', registry: { id, name, scope } });
          }
          return result;
        },
      };
    },
  };
}
export type ValidationJournal = ReturnType<typeof createValidationJournal>;

/** The redaction markers already in a report, by kind. */
function markersIn(report: ValidationReport): RedactionCounts {
  const counts: RedactionCounts = {};
  for (const [, kind] of JSON.stringify(report).matchAll(/\[redacted: ([^\]]+)\]/g)) counts[kind!] = (counts[kind!] ?? 0) + 1;
  return counts;
}
