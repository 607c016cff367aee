import { z } from 'zod';
import { AppErrorSchema } from '../ipc/result';
import { AppInfoSchema, SecureStorageStatusSchema, StorageNoticeSchema } from './app-info';
import { RegistryScopeSchema, RegistryTypeSchema, ValidationStateSchema } from './registry';
import { SecretStatusSchema } from './secrets';
import { SettingsSchema } from './settings';
import { StepIdSchema, StepStatusSchema, ValidationStepSchema } from './validation';

/**
 * The diagnostics file: what support needs to understand a problem, and nothing that
 * would let anyone sign in anywhere. Main builds it field by field from this schema (never by
 * spreading a record), sweeps every string for credentials, and parses the result with this
 * schema, which drops any field it does not name.
 */
export const DIAGNOSTICS_FORMAT = 'pack-registry-desk/diagnostics';

/** How many finished validation reports of this session the file carries, newest last. */
export const DIAGNOSTICS_MAX_REPORTS = 20;

/** Palette's auth choices as one word each: what a registry signs in with. */
export const AuthTypeSchema = z.enum(['basic', 'anonymous', 'ecr-credentials', 'ecr-sts', 'ecr-public', 'ecr-unconfigured']);
export type AuthType = z.infer<typeof AuthTypeSchema>;

const CountsByAuthSchema = z.record(AuthTypeSchema, z.number().int().nonnegative());

/** A CA the admin chose to trust, by what identifies it; the PEM itself is left out (it may sit beside a key). */
export const DiagnosticsCaSchema = z.object({
  subject: z.string(),
  issuer: z.string(),
  fingerprintSha256: z.string(),
  validTo: z.iso.datetime(),
  isCa: z.boolean(),
});

export const DiagnosticsRegistrySchema = z.object({
  id: z.string(),
  name: z.string(),
  scope: RegistryScopeSchema,
  type: RegistryTypeSchema,
  authType: AuthTypeSchema,
  /** Origin and path prefix only: never credentials, query or fragment. The raw text when it does not parse. */
  endpoint: z.string(),
  endpointValid: z.boolean(),
  baseContentPath: z.string(),
  tls: z.object({
    insecureSkipVerify: z.boolean(),
    trustOnlySuppliedCa: z.boolean(),
    caCertificates: z.array(DiagnosticsCaSchema),
    /** PEM blocks in the stored CA text that are not certificates (a private key pasted by mistake): counted, never copied. */
    otherPemBlocksLeftOut: z.number().int().nonnegative(),
  }),
  aws: z
    .object({
      protected: z.boolean(),
      method: z.enum(['credentials', 'sts']).optional(),
      /** Masked as AKIA…WXYZ: enough to tell keys apart. */
      accessKeyId: z.string().optional(),
      roleArn: z.string().optional(),
      externalIdSet: z.boolean().optional(),
    })
    .optional(),
  /** Whether each secret is stored, where and whether it decrypts here; never the secret. */
  secrets: z.array(SecretStatusSchema.pick({ field: true, stored: true, where: true, usable: true })),
  secretsProblem: AppErrorSchema.shape.code.optional(),
  lastValidation: z.object({
    state: ValidationStateSchema,
    at: z.iso.datetime().optional(),
    ok: z.boolean().optional(),
    steps: z.array(z.object({ id: StepIdSchema, status: StepStatusSchema, code: z.string().optional() })).optional(),
  }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type DiagnosticsRegistry = z.infer<typeof DiagnosticsRegistrySchema>;

export const DiagnosticsReportSchema = z.object({
  /** Order in this session, from 1. */
  seq: z.number().int().positive(),
  finishedAt: z.iso.datetime(),
  /** `form`: a validation from the wizard; `stored`: a stored registry validated from the list. */
  source: z.enum(['form', 'stored']),
  registry: z.object({ id: z.string(), name: z.string(), scope: RegistryScopeSchema }).optional(),
  ok: z.boolean(),
  endpoint: z.string(),
  startedAt: z.iso.datetime(),
  durationMs: z.number().nonnegative(),
  proxy: z.string().nullable(),
  // A report's steps as the window shows them (already swept of secrets by the time they are here).
  steps: z.array(ValidationStepSchema),
  presentedChain: z.array(DiagnosticsCaSchema.extend({ selfSigned: z.boolean() })),
  packCount: z.number().int().nonnegative(),
  packs: z.array(z.object({ name: z.string(), versions: z.array(z.string()) })),
  ecrTokenExpiresAt: z.iso.datetime().optional(),
});
export type DiagnosticsReport = z.infer<typeof DiagnosticsReportSchema>;

/** How many values were replaced by a `[redacted: kind]` marker, in all and by kind. */
export const RedactionSummarySchema = z.object({
  total: z.number().int().nonnegative(),
  byKind: z.record(z.string(), z.number().int().positive()),
});
export type RedactionSummary = z.infer<typeof RedactionSummarySchema>;

/**
 * One safety check of the data folder (main/services/store/folder-checks.ts): store files that are
 * not symbolic links, and on POSIX a folder the user owns that no one else may write.
 */
export const StoreCheckSchema = z.object({
  check: z.enum(['registries-file-not-link', 'secrets-file-not-link', 'folder-owner', 'folder-not-shared-writable']),
  ok: z.boolean(),
  /** What is wrong, naming no path. */
  problem: z.string().optional(),
  remedy: z.string().optional(),
});
export type StoreCheck = z.infer<typeof StoreCheckSchema>;

export const DiagnosticsDocumentSchema = z.object({
  format: z.literal(DIAGNOSTICS_FORMAT),
  version: z.literal(1),
  createdAt: z.iso.datetime(),
  notice: z.string(),
  app: AppInfoSchema.pick({ name: true, version: true, host: true }),
  /** process.versions where known: Electron and Chromium only in the desktop app. */
  runtime: z.object({ electron: z.string().optional(), chromium: z.string().optional(), node: z.string(), v8: z.string() }),
  os: z.object({ platform: z.string(), release: z.string(), arch: z.string() }),
  locale: z.string(),
  keychain: SecureStorageStatusSchema,
  storageNotices: z.array(StorageNoticeSchema),
  /** The data folder's safety checks as they stand when the file is made; a failed one says what to do. */
  storeChecks: z.array(StoreCheckSchema),
  settings: SettingsSchema,
  registryCounts: z.object({ total: z.number().int().nonnegative(), system: CountsByAuthSchema, tenant: CountsByAuthSchema }),
  registries: z.array(DiagnosticsRegistrySchema),
  validationReports: z.object({
    /** Reports finished this session (the app keeps the last DIAGNOSTICS_MAX_REPORTS). */
    finishedThisSession: z.number().int().nonnegative(),
    reports: z.array(DiagnosticsReportSchema),
  }),
  redactions: RedactionSummarySchema,
});
export type DiagnosticsDocument = z.infer<typeof DiagnosticsDocumentSchema>;

/**
 * What `diagnostics:render` and `diagnostics:save` take. The window passes back the preview's
 * time stamp and last report number, so the saved file is the file it showed.
 */
export const DiagnosticsOptionsSchema = z
  .strictObject({
    createdAt: z.iso.datetime().optional(),
    reportsThrough: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .optional();
export type DiagnosticsOptions = z.output<typeof DiagnosticsOptionsSchema>;

export const DiagnosticsRenderingSchema = z.object({
  /** A suggested file name, never a path. */
  fileName: z.string(),
  content: z.string(),
  bytes: z.number().int().nonnegative(),
  redactions: RedactionSummarySchema,
  createdAt: z.iso.datetime(),
  reportsThrough: z.number().int().nonnegative(),
});
export type DiagnosticsRendering = z.infer<typeof DiagnosticsRenderingSchema>;

/** `diagnostics:save`: main shows the save dialog and writes the file; the window learns where. */
export const SaveDiagnosticsResultSchema = z.discriminatedUnion('canceled', [
  z.object({ canceled: z.literal(true) }),
  z.object({ canceled: z.literal(false), path: z.string(), bytes: z.number().int().nonnegative(), redactions: RedactionSummarySchema }),
]);
export type SaveDiagnosticsResult = z.infer<typeof SaveDiagnosticsResultSchema>;
