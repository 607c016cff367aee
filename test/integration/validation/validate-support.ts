import { afterAll, afterEach, beforeAll } from 'vitest';
import { checkRegistry } from '../../../main/services/validation/validate';
import {
  ValidationRequestSchema,
  type StepId,
  type ValidationReport,
  type ValidationRequestInput,
  type ValidationStep,
} from '../../../shared/model/validation';
import { createPki, type Pki } from '../../fixtures/pki';
import { createTempDir, type TempDir } from '../../fixtures/temp-dir';

/** Validates with test-friendly defaults: no proxy from the environment, short deadlines. */
export async function validate(
  input: ValidationRequestInput,
  options: {
    signal?: AbortSignal;
    env?: NodeJS.ProcessEnv;
    onProgress?: (step: ValidationStep) => void;
    onRequestCount?: (n: number) => void;
  } = {},
): Promise<ValidationReport> {
  const request = ValidationRequestSchema.parse({ proxy: { fromEnvironment: false }, connectTimeoutMs: 3000, deadlineMs: 8000, ...input });
  return checkRegistry(request, { env: {}, ...options });
}

export function step(report: ValidationReport, id: StepId) {
  const found = report.steps.find((s) => s.id === id);
  if (!found) throw new Error(`no step ${id}`);
  return found;
}

/** The step that decided the verdict: the failed one, or undefined when validated. */
export function failure(report: ValidationReport) {
  const failed = report.steps.find((s) => s.status === 'fail');
  return failed
    ? { id: failed.id, code: failed.problem?.code, message: failed.problem?.message ?? '', observed: failed.observed }
    : undefined;
}

export function statuses(report: ValidationReport): string {
  return report.steps.map((s) => `${s.id}:${s.status}`).join(' ');
}

/**
 * A file's loopback servers under one test CA made for the run: `track` closes a server after its
 * test (`afterThisTest` runs any other stop), `tls()` is what a server presents, `trust()` what a
 * validation trusts it with.
 */
export function useServerScene(name: string) {
  let dir: TempDir | undefined;
  let pki: Pki | undefined;
  const closers: Array<() => Promise<void>> = [];
  beforeAll(async () => {
    dir = await createTempDir(name);
    pki = await createPki(dir.path);
  });
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
  });
  afterAll(async () => dir?.cleanup());
  const ca = (): Pki => {
    if (!pki) throw new Error('the scene is made in beforeAll');
    return pki;
  };
  return {
    ca,
    afterThisTest: (stop: () => Promise<void>) => void closers.push(stop),
    track: <T extends { close(): Promise<void> }>(server: T): T => (closers.push(() => server.close()), server),
    tls: () => ({ certificate: ca().leaf.fullchain, key: ca().leaf.key }),
    trust: () => ({ tls: { caPem: ca().root.certPem } }),
  };
}
