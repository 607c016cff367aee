import type { ValidationReport, ValidationRequest, ValidationStep } from '../../../shared/model/validation';
import { describeEndpoint } from '../../../shared/endpoint';
import { describeProxy, parseProxyUrl } from '../net/proxy';
import { createRedactor } from '../redaction/redact';
import { createRun } from './core/run';
import { AbortReason, createStepRunner } from './core/step-runner';
import { runSteps } from './step-list';

export interface CheckOptions {
  /** Aborting it cancels the run; the report then says CANCELLED at the step it reached. */
  signal?: AbortSignal;
  onProgress?: (step: ValidationStep) => void;
  env?: NodeJS.ProcessEnv;
  /**
   * Observation only: how many HTTP requests the run made (registry and AWS API), called once when
   * it ends. The bench and the request budget rely on it (docs/architecture.md, "Budgets").
   */
  onRequestCount?: (count: number) => void;
}

/** The engine's signature, which a caller can wrap (record results, count, test a pool). */
export type RegistryCheck = (request: ValidationRequest, options: CheckOptions) => Promise<ValidationReport>;

/**
 * Decides whether a registry works as Palette would use it, step by step, and says at which
 * step and why it does not. Never throws for a registry problem: every outcome is a report.
 * (Not the `validateRegistry` channel, which validates a stored registry: validation-service.ts.)
 */
export function checkRegistry(request: ValidationRequest, options: CheckOptions = {}): Promise<ValidationReport> {
  return withoutSecrets(runChecks)(request, options);
}

/**
 * The engine's one redaction point. Reports quote what servers answer (redirect paths, error
 * bodies, challenges): a hostile server can echo the credentials it was sent back into one. Every
 * progress step and report leaves the engine with the request's secrets and every credential
 * shape replaced by a marker, whoever asked (the window, the store, the journal, the command line).
 */
export function withoutSecrets(check: RegistryCheck): RegistryCheck {
  return async (request, options) => {
    const redactor = createRedactor(requestSecrets(request));
    const onProgress = options.onProgress;
    const progress = onProgress ? { onProgress: (step: ValidationStep) => onProgress(redactor.value(step)) } : {};
    return redactor.value(await check(request, { ...options, ...progress }));
  };
}

async function runChecks(request: ValidationRequest, options: CheckOptions): Promise<ValidationReport> {
  const startedAt = new Date();
  const started = performance.now();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new AbortReason('DEADLINE_EXCEEDED')), request.deadlineMs);
  const onCancel = () => controller.abort(new AbortReason('CANCELLED'));
  if (options.signal?.aborted) onCancel();
  options.signal?.addEventListener('abort', onCancel, { once: true });

  const { run, requestCount, close } = createRun(request, {
    signal: controller.signal,
    deadline: Date.now() + request.deadlineMs,
    env: options.env ?? process.env,
  });
  const runner = createStepRunner(controller.signal, options.onProgress ?? (() => undefined), () => performance.now());
  try {
    await runSteps(runner, run);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCancel);
    options.onRequestCount?.(requestCount());
    await close();
  }
  const { facts } = run;
  return {
    ok: !runner.failed,
    endpoint: facts.endpoint ? describeEndpoint(facts.endpoint) : request.endpoint,
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(performance.now() - started),
    steps: runner.steps,
    presentedChain: facts.presentedChain,
    proxy: describeProxy(facts.proxy),
    packs: facts.packs,
    packCount: facts.packCount,
    ...(facts.ecrTokenExpiresAt ? { ecrTokenExpiresAt: facts.ecrTokenExpiresAt } : {}),
  };
}

/** Every secret a request carries: the password, the AWS secret and session token, a proxy password. */
export function requestSecrets(request: ValidationRequest): string[] {
  const secrets = [request.password, request.ecr?.secretAccessKey ?? '', request.ecr?.sessionToken ?? ''];
  if (request.proxy.url) {
    try {
      secrets.push(decodeURIComponent(parseProxyUrl(request.proxy.url).password));
    } catch {
      // Not a URL: the validation says so.
    }
  }
  return secrets.filter((s) => s !== '');
}
