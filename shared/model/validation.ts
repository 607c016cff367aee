import { z } from 'zod';
import { AppErrorSchema } from '../ipc/result';
import { CertificateSummarySchema } from './certificate';
import { ProxySettingsSchema, TlsTrustSchema } from './connection';
import { EcrValidationSchema } from './ecr-validation';
import { FIELD_LIMITS } from './text-fields';
import { STEP_IDS, STEP_TITLES, type StepId } from './steps';

export { STEP_IDS, STEP_TITLES, type StepId };
export const StepIdSchema = z.enum(STEP_IDS);

export const StepStatusSchema = z.enum(['pending', 'running', 'ok', 'warn', 'fail', 'skipped']);
export type StepStatus = z.infer<typeof StepStatusSchema>;

export const ValidationStepSchema = z.object({
  id: StepIdSchema,
  title: z.string(),
  status: StepStatusSchema,
  durationMs: z.number().nonnegative(),
  /** Plain facts, one per line: what was sent where and what came back. Never a secret. */
  observed: z.array(z.string()),
  /** Set when the step failed or warned. */
  problem: AppErrorSchema.optional(),
});
export type ValidationStep = z.infer<typeof ValidationStepSchema>;

export const PackFoundSchema = z.object({ name: z.string(), versions: z.array(z.string()) });
export type PackFound = z.infer<typeof PackFoundSchema>;

export const ValidationReportSchema = z.object({
  ok: z.boolean(),
  endpoint: z.string(),
  startedAt: z.iso.datetime(),
  durationMs: z.number().nonnegative(),
  steps: z.array(ValidationStepSchema),
  /** The chain the server presented, leaf first, when TLS was spoken; ends with the trusted root when one was found. */
  presentedChain: z.array(CertificateSummarySchema),
  /** The proxy that carried the requests, or null when they went direct. */
  proxy: z.string().nullable(),
  packs: z.array(PackFoundSchema),
  /** Total number of pack repositories found, which may exceed the ones listed in `packs`. */
  packCount: z.number().int().nonnegative(),
  /** When the ECR authorization token used by this run expires (ECR registries with AWS authentication). */
  ecrTokenExpiresAt: z.iso.datetime().optional(),
});
export type ValidationReport = z.infer<typeof ValidationReportSchema>;

const MAX_TIMEOUT_MS = 300_000;

/** What to validate: the registry as Palette would use it. Secrets are in here only in transit. */
export const ValidationRequestSchema = z.object({
  endpoint: z.string().min(1, 'Enter the registry endpoint.').max(FIELD_LIMITS.endpoint),
  baseContentPath: z.string().max(FIELD_LIMITS.baseContentPath).default(''),
  username: z.string().max(FIELD_LIMITS.username).default(''),
  password: z.string().max(FIELD_LIMITS.password).default(''),
  tls: TlsTrustSchema,
  proxy: ProxySettingsSchema,
  connectTimeoutMs: z.number().int().min(100).max(MAX_TIMEOUT_MS).default(10_000),
  deadlineMs: z.number().int().min(500).max(MAX_TIMEOUT_MS).default(20_000),
  /** How many pack repositories to list tags for. */
  maxPacks: z.number().int().min(0).max(200).default(20),
  /** Present for an ECR registry: how to authenticate through AWS. */
  ecr: EcrValidationSchema.optional(),
});
export type ValidationRequest = z.output<typeof ValidationRequestSchema>;
export type ValidationRequestInput = z.input<typeof ValidationRequestSchema>;
