import { describe, expect, it } from 'vitest';
import { validateMany } from '../../../../../main/services/validation/validate-batch';
import type { RegistryCheck } from '../../../../../main/services/validation/validate';
import { ValidationRequestSchema, type ValidationReport, type ValidationRequest } from '../../../../../shared/model/validation';

const requests = (count: number): ValidationRequest[] =>
  Array.from({ length: count }, (_, i) => ValidationRequestSchema.parse({ endpoint: `https://registry-${i}.example.test` }));

const reportFor = (request: ValidationRequest, code?: 'CANCELLED'): ValidationReport => ({
  ok: code === undefined,
  endpoint: request.endpoint,
  startedAt: new Date().toISOString(),
  durationMs: 0,
  steps: code
    ? [{ id: 'registry-api', title: 'Registry API (/v2/)', status: 'fail', durationMs: 0, observed: [], problem: { code, message: code } }]
    : [],
  presentedChain: [],
  proxy: null,
  packs: [],
  packCount: 0,
});

/** A validation that runs until the test settles it, or until its signal aborts (then it reports CANCELLED, as the engine does). */
function controllableRun() {
  const running = new Map<string, { settle: () => void; signal: AbortSignal }>();
  const started: string[] = [];
  let active = 0;
  let peak = 0;
  const run: RegistryCheck = (request, { signal }) =>
    new Promise((resolve) => {
      started.push(request.endpoint);
      active += 1;
      peak = Math.max(peak, active);
      const finish = (report: ValidationReport) => {
        active -= 1;
        running.delete(request.endpoint);
        resolve(report);
      };
      running.set(request.endpoint, { settle: () => finish(reportFor(request)), signal: signal! });
      signal?.addEventListener('abort', () => finish(reportFor(request, 'CANCELLED')), { once: true });
    });
  return {
    run,
    started,
    running,
    get active() {
      return active;
    },
    get peak() {
      return peak;
    },
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('validateMany', () => {
  it('never runs more than `concurrency` at once, keeps every slot busy, and keeps the order of the items', async () => {
    const items = requests(23);
    const engine = controllableRun();
    const reported: number[] = [];
    const batch = validateMany(items, { concurrency: 4, run: engine.run, onReport: (index) => reported.push(index) });
    // Settle the running ones newest first, so completion order differs from item order.
    while (engine.started.length < items.length || engine.running.size > 0) {
      await tick();
      expect(engine.active).toBeLessThanOrEqual(4);
      if (engine.started.length < items.length) expect(engine.active).toBe(4);
      [...engine.running.values()].at(-1)?.settle();
    }
    const results = await batch;
    expect(engine.peak).toBe(4);
    expect(results.map((r) => (r.status === 'reported' ? r.report.endpoint : r.status))).toEqual(items.map((i) => i.endpoint));
    expect(reported).toHaveLength(23);
    expect(reported).not.toEqual([...reported].sort((a, b) => a - b));
  });

  it('on cancel, starts nothing more and aborts the running validations', async () => {
    const items = requests(10);
    const engine = controllableRun();
    const controller = new AbortController();
    const batch = validateMany(items, { concurrency: 3, run: engine.run, signal: controller.signal });
    await tick();
    engine.running.get(items[0]!.endpoint)?.settle();
    await tick();
    expect(engine.started).toHaveLength(4);
    const runningSignals = [...engine.running.values()].map((r) => r.signal);
    controller.abort();
    const results = await batch;
    expect(runningSignals.every((signal) => signal.aborted)).toBe(true);
    expect(engine.started).toHaveLength(4);
    expect(results[0]).toMatchObject({ status: 'reported', report: { ok: true } });
    for (const index of [1, 2, 3]) {
      expect(results[index]).toMatchObject({ status: 'reported', report: { ok: false, endpoint: items[index]!.endpoint } });
      const result = results[index];
      expect(result?.status === 'reported' && result.report.steps[0]?.problem?.code).toBe('CANCELLED');
    }
    expect(results.slice(4).every((r) => r.status === 'not-started')).toBe(true);
  });

  it('starts nothing when already cancelled', async () => {
    const engine = controllableRun();
    const results = await validateMany(requests(5), { concurrency: 2, run: engine.run, signal: AbortSignal.abort() });
    expect(engine.started).toEqual([]);
    expect(results.every((r) => r.status === 'not-started')).toBe(true);
  });

  it('stops the batch and rethrows when a validation throws, once the running ones have settled', async () => {
    const items = requests(8);
    const engine = controllableRun();
    const bug = new Error('engine bug');
    const run: RegistryCheck = (request, options) => (request === items[2] ? Promise.reject(bug) : engine.run(request, options));
    await expect(validateMany(items, { concurrency: 3, run })).rejects.toBe(bug);
    expect(engine.started).toEqual([items[0]!.endpoint, items[1]!.endpoint]);
    expect(engine.active).toBe(0);
  });

  it('refuses a concurrency that is not a whole number of at least 1', async () => {
    for (const concurrency of [0, -1, 1.5, Number.NaN]) {
      await expect(validateMany(requests(1), { concurrency })).rejects.toThrow(RangeError);
    }
  });

  it('runs the real engine by default', async () => {
    const [report] = await validateMany([ValidationRequestSchema.parse({ endpoint: 'https://exa mple.test' })], { concurrency: 1 });
    if (report?.status !== 'reported') throw new Error('the validation was not run');
    expect(report.report.ok).toBe(false);
    expect(report.report.steps[0]).toMatchObject({ id: 'endpoint', status: 'fail', problem: { code: 'ENDPOINT_INVALID' } });
  });
});
