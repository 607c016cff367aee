import { AppErrorException, appError, type ErrorCode } from '../../../shared/errors';
import {
  DiagnosticsDocumentSchema,
  type DiagnosticsOptions,
  type DiagnosticsRendering,
  type RedactionSummary,
  type SaveDiagnosticsResult,
  type StoreCheck,
} from '../../../shared/model/diagnostics';
import type { RegistryRecord } from '../../../shared/model/registry';
import { secretFieldsByType, type SecretStatus } from '../../../shared/model/secrets';
import type { Settings } from '../../../shared/model/settings';
import type { AppInfoService } from '../app-info';
import type { FileSaver } from '../file-saver';
import type { RegistrySecrets } from '../secrets/registry-secrets';
import type { RegistryRepository } from '../store/registry-repository';
import { buildDiagnosticsDocument } from './diagnostics-document';
import { addCounts, createRedactor, type RedactionCounts } from '../redaction/redact';
import { currentRuntime, type RuntimeFacts } from './runtime-facts';
import type { ValidationJournal } from './validation-journal';
import { writeNewFile } from '../write-new-file';

export interface DiagnosticsServicePorts {
  app: AppInfoService;
  settings: { get(): Settings };
  registries: RegistryRepository;
  secrets: RegistrySecrets;
  journal: ValidationJournal;
  /** Absent where no one can be asked (the command line writes to a file or stdout itself). */
  saver?: FileSaver | undefined;
  runtime?: () => RuntimeFacts;
  /** The data folder's safety checks, run when the file is made. */
  storeChecks: () => StoreCheck[];
  now: () => Date;
}

/** Names the file after its time stamp, colons left out for Windows: regdesk-diagnostics-2026-11-27T10-00-00Z.json. */
export function diagnosticsFileName(createdAt: string): string {
  return `regdesk-diagnostics-${createdAt.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}.json`;
}

/**
 * `diagnostics:render` and `diagnostics:save`. Stored secrets are decrypted here, in
 * main, only to be blanked wherever they appear; without a keychain (the command line) that
 * part is skipped and the pattern sweep still applies. If a known secret survives the sweep
 * anyway, nothing is produced at all.
 */
export function createDiagnosticsService(ports: DiagnosticsServicePorts) {
  const runtime = ports.runtime ?? currentRuntime;

  async function knownSecrets(records: readonly RegistryRecord[]): Promise<string[]> {
    const values: string[] = [];
    for (const record of records) {
      for (const field of secretFieldsByType[record.type]) {
        try {
          values.push(await ports.secrets.reveal({ registryId: record.id, field }));
        } catch (error) {
          // Not stored, or not decryptable here (no keychain): nothing to blank for it.
          if (!(error instanceof AppErrorException)) throw error;
        }
      }
    }
    return values;
  }

  async function secretStatuses(records: readonly RegistryRecord[]): Promise<Map<string, SecretStatus[] | { problem: ErrorCode }>> {
    const statuses = new Map<string, SecretStatus[] | { problem: ErrorCode }>();
    for (const record of records) {
      try {
        statuses.set(record.id, await ports.secrets.status(record.id));
      } catch (error) {
        if (!(error instanceof AppErrorException)) throw error;
        statuses.set(record.id, { problem: error.appError.code });
      }
    }
    return statuses;
  }

  async function render(options: DiagnosticsOptions = undefined): Promise<DiagnosticsRendering> {
    const createdAt = options?.createdAt ?? ports.now().toISOString();
    const reportsThrough = options?.reportsThrough ?? ports.journal.finishedCount();
    const records = ports.registries.list();
    const reports = ports.journal.list(reportsThrough);
    const document = buildDiagnosticsDocument({
      createdAt,
      info: await ports.app.info(),
      runtime: runtime(),
      settings: ports.settings.get(),
      records,
      validationById: new Map(ports.registries.listSummaries().map((s) => [s.id, s.validation])),
      secretsById: await secretStatuses(records),
      reports,
      finishedThisSession: ports.journal.finishedCount(),
      storeChecks: ports.storeChecks(),
    });
    const redactor = createRedactor(await knownSecrets(records));
    const swept = redactor.value(document);
    const redactions = summarize(addCounts(redactor.counts(), ...reports.map((r) => r.redactions)));
    // The schema drops any field it does not name: a second allowlist behind the builder's.
    const final = DiagnosticsDocumentSchema.parse({ ...swept, redactions });
    const content = `${JSON.stringify(final, null, 2)}\n`;
    if (redactor.leaks(final) || /-----BEGIN [A-Z0-9 ]*PRIVATE KEY/.test(content)) {
      throw new AppErrorException(appError('DIAGNOSTICS_REDACTION_FAILED'));
    }
    return { fileName: diagnosticsFileName(createdAt), content, bytes: Buffer.byteLength(content), redactions, createdAt, reportsThrough };
  }

  return {
    render,

    async save(options: DiagnosticsOptions = undefined): Promise<SaveDiagnosticsResult> {
      if (!ports.saver) throw new AppErrorException(appError('INTERNAL', { message: 'This host cannot show a save dialog.' }));
      const rendering = await render(options);
      const choice = await ports.saver.saveFile({
        title: 'Save diagnostics for support',
        defaultName: rendering.fileName,
        filters: [
          { name: 'Diagnostics (JSON)', extensions: ['json'] },
          { name: 'All files', extensions: ['*'] },
        ],
      });
      if (choice.canceled) return { canceled: true };
      await writeDiagnosticsFile(choice.path, rendering.content);
      return { canceled: false, path: choice.path, bytes: rendering.bytes, redactions: rendering.redactions };
    },
  };
}
export type DiagnosticsService = ReturnType<typeof createDiagnosticsService>;

/** Owner-only: the file names hosts, users' folders and settings, even with every secret gone. */
export async function writeDiagnosticsFile(path: string, content: string): Promise<void> {
  try {
    // A new file renamed into place: never a write through a link or into someone else's file.
    await writeNewFile(path, content, 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new AppErrorException(appError('DIAGNOSTICS_SAVE_FAILED', { message: `The diagnostics file could not be written (${code}).` }));
  }
}

function summarize(counts: RedactionCounts): RedactionSummary {
  const byKind = Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
  return { total: Object.values(byKind).reduce((sum, n) => sum + n, 0), byKind };
}
