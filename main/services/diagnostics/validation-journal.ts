import { DIAGNOSTICS_MAX_REPORTS } from '../../../shared/model/diagnostics';
import type { RegistryDetail, RegistryScope } from '../../../shared/model/registry';
import type { ValidationReport, ValidationRequest, ValidationStep } from '../../../shared/model/validation';
import { parseProxyUrl } from '../oci/proxy';
import type { ValidationService } from '../oci/validation-service';
import { createRedactor, type RedactionCounts } from './redact';

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
) => Promise<{ report: ValidationReport; registry: RegistryDetail }>;

/**
 * The last finished validation reports of this session, for the diagnostics file: in memory
 * only and bounded.
 *
 * Reports quote what servers answer (redirect paths, page titles, challenges), so a hostile server
 * can echo the credentials it was sent back into one. The wrapped service therefore scrubs what
 * leaves the engine, the report and each progress step, of the request's own secrets: the window,
 * the store (a stored registry keeps its last report) and this journal never hold them, and the
 * journal keeps a secret typed into the wizard out even though the vault never knew it.
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
      redactions: redactor.counts(),
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
        async validateStored(runId: string, registryId: string, onProgress: (step: ValidationStep) => void) {
          const result = await registryValidation.validateStored(runId, registryId, onProgress);
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

/** Every secret a request carries: the password, the AWS secret and session token, a proxy password. */
function requestSecrets(request: ValidationRequest): string[] {
  const secrets = [request.password, request.ecr?.secretAccessKey ?? '', request.ecr?.sessionToken ?? ''];
  if (request.proxy.url) {
    try {
      secrets.push(decodeURIComponent(parseProxyUrl(request.proxy.url).password));
    } catch {
      // Not a URL: the validation said so; the pattern sweep still covers user:pass@ in it.
    }
  }
  return secrets.filter((s) => s !== '');
}
