import { AppErrorException, appError } from '../../../shared/errors';
import type { ExportFormat, ExportNote, ExportRequest, ExportResult, ExportedFile, SaveExportResult } from '../../../shared/model/export';
import { DRAFT_LIMITS_TEXT, MAX_DRAFT_FILE_BYTES, MAX_DRAFT_REGISTRIES } from '../../../shared/model/import';
import type { RegistryRecord } from '../../../shared/model/registry';
import type { SecretField } from '../../../shared/model/secrets';
import type { FileSaver } from '../file-saver';
import { writeNewFile } from '../write-new-file';
import type { RegistrySecrets } from '../secrets/registry-secrets';
import type { RegistryRepository } from '../store/registry-repository';
import { nameKey } from '../store/registry-names';
import { renderDraftFile } from './draft-export';
import { identifier } from './hcl';
import { neededSecrets, paletteRequests, SECRET_PLACEHOLDERS } from './palette-payloads';
import { assertForPalette } from './palette-rules';
import { renderTerraform } from './terraform';

export const PALETTE_REQUESTS_FORMAT = 'pack-registry-desk/palette-requests';

export interface ExportServicePorts {
  registries: RegistryRepository;
  secrets: RegistrySecrets;
  /** Absent where no one can be asked (the command line writes to stdout instead). */
  saver?: FileSaver | undefined;
  now: () => Date;
}

const FORMAT_FILES: Record<ExportFormat, { suffix: string; mediaType: string; filter: { name: string; extensions: string[] } }> = {
  palette: { suffix: '.palette.json', mediaType: 'application/json', filter: { name: 'Palette API requests', extensions: ['json'] } },
  terraform: { suffix: '.tf', mediaType: 'text/plain', filter: { name: 'Terraform', extensions: ['tf'] } },
  draft: { suffix: '.drafts.json', mediaType: 'application/json', filter: { name: 'Pack Registry Desk drafts', extensions: ['json'] } },
};

const FIELD_NAMES: Record<SecretField, string> = { password: 'password', awsSecretAccessKey: 'AWS secret access key' };

/** A stable order whatever order the ids came in: by name, then scope. */
function byName(a: RegistryRecord, b: RegistryRecord): number {
  const [ka, kb] = [nameKey(a.name), nameKey(b.name)];
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a.scope < b.scope ? -1 : a.scope > b.scope ? 1 : 0;
}

/** What a preview for the window shows where the saved file will hold a secret. */
export const SECRET_ON_SAVE: Record<SecretField, string> = {
  password: '<password: written when saved>',
  awsSecretAccessKey: '<secret-key: written when saved>',
};

/**
 * `export:render` (`preview`) and `export:save`. Secrets are revealed only when asked for, inside
 * main. The window never receives one (docs/architecture.md#secrets): its preview holds a placeholder where
 * each secret goes, and `save` writes the real values into the file main's own dialog chose. Only
 * `render`, for the command line, returns them. A secret that cannot be read becomes a placeholder
 * and a note.
 */
export function createExportService(ports: ExportServicePorts) {
  async function revealAll(records: RegistryRecord[], notes: ExportNote[], forWindow: boolean): Promise<Map<string, string>> {
    const values = new Map<string, string>();
    for (const record of records) {
      for (const field of neededSecrets(record)) {
        try {
          const value = await ports.secrets.reveal({ registryId: record.id, field });
          // Revealed even for the window, so the preview's notes say what the saved file will lack.
          values.set(`${record.id}\u0000${field}`, forWindow ? SECRET_ON_SAVE[field] : value);
        } catch (error) {
          if (!(error instanceof AppErrorException)) throw error;
          const why = error.appError.message.replace(/\.$/, '');
          notes.push({
            registry: record.name,
            scope: record.scope,
            problem: appError('EXPORT_SECRET_UNAVAILABLE', {
              message: `The ${FIELD_NAMES[field]} of "${record.name}" could not be read (${why}), so "${SECRET_PLACEHOLDERS[field]}" was written in its place.`,
            }),
          });
        }
      }
    }
    return values;
  }

  async function render(request: ExportRequest, forWindow: boolean): Promise<ExportResult> {
    const { format, includeSecrets } = request;
    if (format === 'draft' && includeSecrets)
      throw new AppErrorException(appError('EXPORT_SECRETS_NOT_IN_DRAFT', { field: 'includeSecrets' }));
    // One read of the store for the lot: a get() per id would read and check the whole file each time.
    const stored = new Map(ports.registries.list().map((r) => [r.id, r]));
    const records = [...new Set(request.ids)].map((id) => stored.get(id) ?? ports.registries.get(id).record).sort(byName);
    const notes: ExportNote[] = records
      .filter((r) => r.type === 'ecr' && r.isPrivate && !r.awsAuth)
      .map((r) => ({ registry: r.name, scope: r.scope, problem: appError('EXPORT_INCOMPLETE') }));
    // A file meant for Palette never holds a registry Palette would refuse; a draft file may.
    if (format !== 'draft') assertForPalette(records);
    const revealed = includeSecrets ? await revealAll(records, notes, forWindow) : new Map<string, string>();
    const valueOf = (record: RegistryRecord, field: SecretField) => revealed.get(`${record.id}\u0000${field}`);
    const exportedAt = request.exportedAt ?? ports.now().toISOString();
    const secretsIncluded = revealed.size > 0;

    let content: string;
    if (format === 'draft') {
      content = renderDraftFile(records, exportedAt);
      // What the app writes it reads back: never a draft file that import would refuse.
      if (records.length > MAX_DRAFT_REGISTRIES || Buffer.byteLength(content, 'utf8') > MAX_DRAFT_FILE_BYTES)
        throw new AppErrorException(
          appError('EXPORT_TOO_LARGE', {
            message: `A draft file holds at most ${DRAFT_LIMITS_TEXT.registries} and ${DRAFT_LIMITS_TEXT.bytes}; these ${records.length} registries would make a larger one.`,
          }),
        );
    } else if (format === 'terraform') {
      content = renderTerraform(records, { exportedAt, ...(includeSecrets ? { secretValues: valueOf } : {}) }).content;
    } else {
      const document = {
        format: PALETTE_REQUESTS_FORMAT,
        version: 1,
        exportedAt,
        secrets: secretsIncluded ? 'included' : 'placeholders',
        ...(secretsIncluded ? { warning: 'THIS FILE CONTAINS SECRETS. Keep it out of version control and delete it once used.' } : {}),
        registries: records.map((record) => ({
          name: record.name,
          scope: record.scope,
          type: record.type,
          // Palette takes the scope from the sign-in, not from the body (docs/reference/palette-registries.md#the-add-registry-form).
          signIn:
            record.scope === 'system'
              ? 'system console: POST /v1/auth/syslogin, then header Authorization'
              : 'tenant: header ApiKey (OCI registries belong to the tenant, never to a project)',
          ...paletteRequests(record, (field) => valueOf(record, field) ?? SECRET_PLACEHOLDERS[field]),
        })),
      };
      content = `${JSON.stringify(document, null, 2)}\n`;
    }
    const stem = records.length === 1 ? identifier(records[0]!.name).replace(/_/g, '-') : 'pack-registries';
    const file: ExportedFile = { name: `${stem}${FORMAT_FILES[format].suffix}`, mediaType: FORMAT_FILES[format].mediaType, content };
    const systemAsTenant = format === 'terraform' ? records.filter((r) => r.scope === 'system').length : 0;
    return { files: [file], secretsIncluded, notes, systemAsTenant };
  }

  return {
    /** The export with its secrets, for a host that writes it itself (the command line). Never bind this to a channel. */
    render: (request: ExportRequest) => render(request, false),

    /** `export:render`: what the window shows, a placeholder where the saved file will hold each secret. */
    preview: (request: ExportRequest) => render(request, true),

    async save(request: ExportRequest): Promise<SaveExportResult> {
      if (!ports.saver) throw new AppErrorException(appError('INTERNAL', { message: 'This host cannot show a save dialog.' }));
      const result = await render(request, false);
      const file = result.files[0]!;
      const choice = await ports.saver.saveFile({
        title: result.secretsIncluded ? 'Save the export (it contains secrets)' : 'Save the export',
        defaultName: file.name,
        filters: [FORMAT_FILES[request.format].filter, { name: 'All files', extensions: ['*'] }],
      });
      if (choice.canceled) return { canceled: true };
      try {
        // Owner-only when it holds secrets: the export is as sensitive as the keychain entry. A new
        // file renamed into place, never a write into what is there (a link, someone else's file).
        await writeNewFile(choice.path, file.content, result.secretsIncluded ? 0o600 : 0o644);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'error';
        throw new AppErrorException(appError('EXPORT_SAVE_FAILED', { message: `The exported file could not be written (${code}).` }));
      }
      return { canceled: false, path: choice.path, secretsIncluded: result.secretsIncluded, notes: result.notes };
    },
  };
}
export type ExportService = ReturnType<typeof createExportService>;
