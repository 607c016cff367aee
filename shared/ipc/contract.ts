import { z } from 'zod';
import { AppInfoSchema } from '../model/app-info';
import { ListRegistriesInputSchema, RegistryDetailSchema, RegistrySummarySchema } from '../model/registry';
import { DuplicateRegistryInputSchema, RegistryIdInputSchema } from '../model/registry-draft';
import { SecretStatusInputSchema, SecretStatusSchema } from '../model/secrets';
import { SaveRegistryInputSchema } from '../model/registry-save';
import { NetworkEnvironmentSchema, SettingsSchema, SettingsUpdateSchema } from '../model/settings';
import { ValidationReportSchema, ValidationRequestSchema, ValidationStepSchema } from '../model/validation';
import { FetchPresentedChainInputSchema, PickCertificateResultSchema, PresentedChainSchema } from '../model/certificate';
import { ExportRequestSchema, ExportResultSchema, SaveExportResultSchema } from '../model/export';
import {
  ImportApplyInputSchema,
  ImportContentSchema,
  ImportPreviewSchema,
  ImportResultSchema,
  PickImportResultSchema,
} from '../model/import';
import {
  PaletteComparisonSchema,
  PaletteConnectionSchema,
  PublishInputSchema,
  PublishPreviewSchema,
  PublishResultSchema,
  PublishStepSchema,
  SyncInputSchema,
  SyncResultSchema,
  SyncStatusInputSchema,
} from '../model/publish';
import { DiagnosticsOptionsSchema, DiagnosticsRenderingSchema, SaveDiagnosticsResultSchema } from '../model/diagnostics';
import type { Result } from './result';

/**
 * The one IPC contract. Every request channel has a zod schema for its input (parsed in main,
 * because the renderer is untrusted) and for its output (parsed in main too, so a field that is
 * not in the schema — a secret, say — can never leak to the window). Channel strings live only
 * here: the preload, the harness and the renderer work with the method names.
 */
export const channels = {
  appInfo: { channel: 'app:info', input: z.undefined(), output: AppInfoSchema },
  listRegistries: {
    channel: 'registries:list',
    input: ListRegistriesInputSchema,
    output: z.array(RegistrySummarySchema),
  },
  getRegistry: { channel: 'registries:get', input: RegistryIdInputSchema, output: RegistryDetailSchema },
  /**
   * The window's only way to create or change a registry or its secret: both are stored, or
   * neither. Secrets go in here and never come out.
   */
  saveRegistry: { channel: 'registries:save', input: SaveRegistryInputSchema, output: RegistryDetailSchema },
  duplicateRegistry: { channel: 'registries:duplicate', input: DuplicateRegistryInputSchema, output: RegistryDetailSchema },
  /** Deletes the registry and every secret stored for it. */
  deleteRegistry: { channel: 'registries:delete', input: RegistryIdInputSchema, output: z.object({ id: z.string() }) },
  /** Whether each secret is stored and usable, never the secret; `reveal` is main-side only. */
  secretStatus: { channel: 'secrets:status', input: SecretStatusInputSchema, output: z.array(SecretStatusSchema) },
  getSettings: { channel: 'settings:get', input: z.undefined(), output: SettingsSchema },
  updateSettings: { channel: 'settings:update', input: SettingsUpdateSchema, output: SettingsSchema },
  /** The environment's proxy variables (never a proxy's credentials), for the Settings dialog. */
  settingsEnvironment: { channel: 'settings:environment', input: z.undefined(), output: NetworkEnvironmentSchema },
  /** Validates a registry as Palette would use it; progress streams as validationProgress events. */
  runValidation: {
    channel: 'validation:run',
    input: z.object({
      runId: z.uuid(),
      request: ValidationRequestSchema,
      /**
       * Editing a stored registry: an empty password means "the stored one", filled in by main, and
       * only when the request's endpoint has the origin the secret was entered for (else SECRET_ENDPOINT_CHANGED).
       */
      secretsFrom: z.string().min(1).max(64).optional(),
    }),
    output: ValidationReportSchema,
  },
  /** Validates a stored registry with its stored secrets and records the result with it. */
  validateRegistry: {
    channel: 'registries:validate',
    input: z.object({ runId: z.uuid(), id: z.string().min(1).max(64) }),
    output: z.object({ report: ValidationReportSchema, registry: RegistryDetailSchema }),
  },
  cancelValidation: {
    channel: 'validation:cancel',
    input: z.object({ runId: z.uuid() }),
    output: z.object({ cancelled: z.boolean() }),
  },
  /** Opens the native open dialog in main and answers with what the chosen file holds, never its path or bytes. */
  pickCertificateFile: { channel: 'certs:pick', input: z.undefined(), output: PickCertificateResultSchema },
  /** Connects without verifying and answers with the chain the server presents and how it compares with the CA. */
  fetchPresentedChain: { channel: 'certs:fetch-presented', input: FetchPresentedChainInputSchema, output: PresentedChainSchema },
  /**
   * The export's preview (Palette requests, Terraform or draft file). Never a secret: with
   * includeSecrets it shows a placeholder where each one goes, and only export:save writes them.
   */
  renderExport: { channel: 'export:render', input: ExportRequestSchema, output: ExportResultSchema },
  /** Renders the export, asks where to save it with the native dialog in main, and writes it, secrets included when asked for. */
  saveExport: { channel: 'export:save', input: ExportRequestSchema, output: SaveExportResultSchema },
  /** Opens the native open dialog in main and answers with the draft file's text and its preview, never its path. */
  pickImportFile: { channel: 'import:pick', input: z.undefined(), output: PickImportResultSchema },
  /** Checks a draft file: what it holds, the names that clash with stored ones, and every error with where and why. */
  previewImport: { channel: 'import:preview', input: ImportContentSchema, output: ImportPreviewSchema },
  /** Imports a draft file with an answer for each clash; all of it or, on any problem, nothing. */
  applyImport: { channel: 'import:apply', input: ImportApplyInputSchema, output: ImportResultSchema },
  /** Creates a stored registry in Palette and reports Palette's answers; the sign-in is used once, never stored. */
  publishRegistry: { channel: 'publish:send', input: PublishInputSchema, output: PublishResultSchema },
  /** The diagnostics file as text, for the window to show before saving: versions, settings, reports, every secret redacted. */
  renderDiagnostics: { channel: 'diagnostics:render', input: DiagnosticsOptionsSchema, output: DiagnosticsRenderingSchema },
  /** Renders the diagnostics, asks where to save them with the native dialog in main, and writes them. */
  saveDiagnostics: { channel: 'diagnostics:save', input: DiagnosticsOptionsSchema, output: SaveDiagnosticsResultSchema },

  // The round trip with Palette (docs/palette-api.md): the sign-in is used for the call at hand, never stored.
  /** What a publish would do, read from Palette without writing: absent, the same, or which fields differ. */
  comparePublish: {
    channel: 'publish:compare',
    input: PublishInputSchema,
    output: PublishPreviewSchema.extend({ steps: z.array(PublishStepSchema) }),
  },
  /** One read of a registry's sync status in Palette, as the Terraform provider reads it. */
  paletteSyncStatus: { channel: 'publish:sync-status', input: SyncStatusInputSchema, output: SyncResultSchema },
  /** "Sync now": asks Palette to synchronize the registry again, then reads its status once. */
  paletteSyncNow: { channel: 'publish:sync-now', input: SyncInputSchema, output: SyncResultSchema },
  /** What Palette holds for the signed-in scope beside the local registries. */
  paletteView: { channel: 'publish:palette-view', input: PaletteConnectionSchema, output: PaletteComparisonSchema },
} as const satisfies Record<string, { channel: `${string}:${string}`; input: z.ZodType; output: z.ZodType }>;

/** Main → renderer notifications. */
export const events = {
  /** The stored registries changed, possibly from another process (`regdesk import`). */
  registriesChanged: { channel: 'registries:changed', payload: z.object({}) },
  /** One step of a running validation changed (started, finished or skipped). */
  validationProgress: { channel: 'validation:progress', payload: z.object({ runId: z.uuid(), step: ValidationStepSchema }) },
} as const satisfies Record<string, { channel: `${string}:${string}`; payload: z.ZodType }>;

export type Channels = typeof channels;
export type MethodName = keyof Channels;
export type EventName = keyof typeof events;
export type InputOf<M extends MethodName> = z.input<Channels[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Channels[M]['input']>;
export type OutputOf<M extends MethodName> = z.output<Channels[M]['output']>;
export type PayloadOf<E extends EventName> = z.output<(typeof events)[E]['payload']>;

type Method<M extends MethodName> = [InputOf<M>] extends [undefined]
  ? () => Promise<Result<OutputOf<M>>>
  : undefined extends InputOf<M>
    ? (input?: InputOf<M>) => Promise<Result<OutputOf<M>>>
    : (input: InputOf<M>) => Promise<Result<OutputOf<M>>>;

export type EventSubscriberName<E extends EventName> = `on${Capitalize<E>}`;

/** What `window.regdesk` is: one named function per channel, one `onXxx` per event. */
export type RegdeskApi = { [M in MethodName]: Method<M> } & {
  [E in EventName as EventSubscriberName<E>]: (listener: (payload: PayloadOf<E>) => void) => () => void;
};
