import { z } from 'zod';
import type { ErrorCode } from '../../../shared/errors';
import { DRAFT_FILE_FORMAT } from '../../../shared/model/draft-file';
import { DRAFT_LIMITS_TEXT, MAX_DRAFT_FILE_BYTES, MAX_DRAFT_REGISTRIES, type ImportIssue } from '../../../shared/model/import';
import { RegistryDraftSchema, type RegistryDraft } from '../../../shared/model/registry-draft';
import { scopedNameKey } from '../store/registry-names';

export interface ParsedDraftFile {
  drafts: RegistryDraft[];
  exportedAt?: string;
  /** Every problem found, each with where and why; the file is importable only when this is empty. */
  errors: ImportIssue[];
}

const MAX_ISSUES = 100;
/** Keys a hand-edited file might carry a secret in: refused with a sentence that says why. */
const SECRET_LIKE = /pass(word)?|secret|token|apikey/i;

/**
 * The envelope of a draft file, strict: a field this version does not know may be one a newer
 * version relies on, and silently dropping it would import something other than what was exported.
 */
const EnvelopeSchema = z.strictObject({
  format: z.literal(DRAFT_FILE_FORMAT),
  version: z.literal(1),
  exportedAt: z.iso.datetime({ error: 'Expected a date and time such as 2025-01-31T12:00:00.000Z.' }).optional(),
  registries: z
    .array(z.unknown())
    .min(1, 'The draft file holds no registry.')
    .max(
      MAX_DRAFT_REGISTRIES,
      `A draft file holds at most ${DRAFT_LIMITS_TEXT.registries}, and this one holds more: ${DRAFT_LIMITS_TEXT.wayRound}.`,
    ),
});

/**
 * Checks a draft file completely before anything is written: the size, JSON, the format and
 * version, then every registry against the same schema the wizard's drafts use, refusing unknown
 * fields (the shared schema strips them, which is right for the window but not for a file) and
 * names repeated within the file. Files it accepts are also accepted by `regdesk validate --file`.
 */
export function parseDraftFile(content: string): ParsedDraftFile {
  const fail = (path: string, code: ErrorCode, message: string): ParsedDraftFile => ({ drafts: [], errors: [{ path, code, message }] });
  if (Buffer.byteLength(content, 'utf8') > MAX_DRAFT_FILE_BYTES)
    return fail(
      '',
      'IMPORT_TOO_LARGE',
      `The file is larger than ${DRAFT_LIMITS_TEXT.bytes}, the most a draft file may hold: ${DRAFT_LIMITS_TEXT.wayRound}.`,
    );
  let json: unknown;
  try {
    json = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail('', 'IMPORT_NOT_JSON', `The file is not JSON: ${describeJsonError(error, content)}.`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return fail('', 'IMPORT_NOT_DRAFT_FILE', 'The file is JSON but not an object, so not a draft file.');
  const record = json as Record<string, unknown>;
  if (record['format'] !== DRAFT_FILE_FORMAT) {
    return fail('format', 'IMPORT_NOT_DRAFT_FILE', `Not a Pack Registry Desk draft file: "format" must be "${DRAFT_FILE_FORMAT}".`);
  }
  // The version is checked before the rest: a newer version's layout may differ everywhere.
  if (record['version'] !== 1) {
    return fail(
      'version',
      'IMPORT_VERSION_UNSUPPORTED',
      `Version ${JSON.stringify(record['version'] ?? null)} is not supported: this app reads version 1.`,
    );
  }

  const errors: ImportIssue[] = [];
  const envelope = EnvelopeSchema.safeParse(json);
  if (!envelope.success) {
    errors.push(...issuesOf(envelope.error.issues, []));
    // Too many registries is the one thing to fix first: checking each would only bury it.
    const registries = record['registries'];
    if (!Array.isArray(registries) || registries.length > MAX_DRAFT_REGISTRIES) return { drafts: [], errors };
  }
  const items = Array.isArray(record['registries']) ? (record['registries'] as unknown[]) : [];
  const drafts: RegistryDraft[] = [];
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const at = ['registries', index];
    const parsed = RegistryDraftSchema.safeParse(item);
    if (!parsed.success) {
      errors.push(...issuesOf(parsed.error.issues, at));
      return;
    }
    const unknown = unknownFields(item, parsed.data, at);
    errors.push(...unknown);
    const key = scopedNameKey(parsed.data);
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({
        path: `registries.${index}.name`,
        code: 'IMPORT_INVALID',
        message: `"${parsed.data.name}" is already the name of registries.${first} in the ${parsed.data.scope} scope; names are unique per scope.`,
      });
    } else {
      seen.set(key, index);
    }
    if (unknown.length === 0) drafts.push(parsed.data);
  });
  const exportedAt = envelope.success ? envelope.data.exportedAt : undefined;
  if (errors.length > 0) return { drafts: [], errors: errors.slice(0, MAX_ISSUES) };
  return { drafts, ...(exportedAt ? { exportedAt } : {}), errors };
}

function issuesOf(issues: z.core.$ZodIssue[], prefix: Array<string | number>): ImportIssue[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => unknownField([...path, key], key));
    const missing = issue.code === 'invalid_type' && /received undefined$/.test(issue.message);
    return [
      { path: path.join('.'), code: 'IMPORT_INVALID' as const, message: missing ? 'Missing: this field is required.' : issue.message },
    ];
  });
}

function unknownField(path: Array<string | number>, key: string): ImportIssue {
  const message = SECRET_LIKE.test(key)
    ? `Unknown field "${key}": secrets never travel in a draft file; remove it and enter the secret in the app.`
    : `Unknown field "${key}": not part of draft file version 1.`;
  return { path: path.join('.'), code: 'IMPORT_INVALID', message };
}

/** Keys present in the file but dropped by the (stripping) schema: the unknown ones, at any depth. */
function unknownFields(raw: unknown, parsed: unknown, path: Array<string | number>): ImportIssue[] {
  if (Array.isArray(raw) && Array.isArray(parsed)) return raw.flatMap((item, i) => unknownFields(item, parsed[i], [...path, i]));
  if (!isObject(raw) || !isObject(parsed)) return [];
  return Object.keys(raw).flatMap((key) =>
    Object.hasOwn(parsed, key) ? unknownFields(raw[key], parsed[key], [...path, key]) : [unknownField([...path, key], key)],
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** V8's message quotes the text around the fault, which could be anything: keep the cause, add line and column. */
function describeJsonError(error: unknown, content: string): string {
  const message = error instanceof Error ? error.message : 'unreadable';
  const cause = message.replace(/,\s*".*"\s*is not valid JSON$/s, '').replace(/\s*in JSON at position \d+.*$/s, '');
  const position = /position (\d+)/.exec(message)?.[1];
  if (position === undefined) return cause;
  const before = content.slice(0, Number(position)).split('\n');
  return `${cause} (line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1})`;
}
