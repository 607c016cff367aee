import { describe, expect, it } from 'vitest';
import { createValidationJournal } from '../../../../../main/services/diagnostics/validation-journal';
import { withoutSecrets, type RegistryCheck } from '../../../../../main/services/validation/validate';
import { createValidationService } from '../../../../../main/services/validation/validation-service';
import {
  ValidationRequestSchema,
  type ValidationReport,
  type ValidationRequest,
  type ValidationStep,
} from '../../../../../shared/model/validation';
import { basicRecord } from '../../../../fixtures/registry-records';
import { canarySecret } from '../../../../fixtures/canary';

/** A report whose observed lines echo whatever the request carried, as a hostile server could. */
const echoingRegistry: RegistryCheck = async (request, { onProgress }) => {
  const echoed = Buffer.from(`${request.username}:${request.password}`).toString('base64');
  const step: ValidationStep = {
    id: 'auth',
    title: 'Authentication',
    status: 'fail',
    durationMs: 3,
    observed: [`server said: you sent ${echoed}`, `and ${request.ecr?.secretAccessKey ?? ''}`],
    problem: { code: 'AUTH_REJECTED', message: 'rejected' },
  };
  onProgress?.(step);
  return {
    ok: false,
    endpoint: request.endpoint,
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 5,
    steps: [step],
    presentedChain: [],
    proxy: null,
    packs: [],
    packCount: 0,
  } satisfies ValidationReport;
};

/** The validation service over the engine's own redaction, the journal listening as in createServices. */
function journalled(options: Parameters<typeof createValidationJournal>[0] = {}) {
  const journal = createValidationJournal(options);
  const service = createValidationService({ check: withoutSecrets(echoingRegistry) });
  service.onFinished((finished) => journal.record(finished));
  return { journal, service };
}

const request = (input: Record<string, unknown>): ValidationRequest =>
  ValidationRequestSchema.parse({ endpoint: 'https://r.example', proxy: { fromEnvironment: false }, ...input });

describe('the validation journal', () => {
  it('keeps a copy of each finished report, scrubbed with its progress steps of the secrets the request carried', async () => {
    const { journal, service } = journalled({ now: () => new Date('2026-02-03T04:05:06.000Z') });
    const password = canarySecret('typed');
    const awsSecret = canarySecret('aws');
    const proxyPassword = canarySecret('proxy');
    const progress: string[] = [];
    const report = await service.run(
      'run-1',
      request({
        username: 'robot',
        password,
        proxy: { url: `http://alice:${encodeURIComponent(proxyPassword)}@proxy:3128`, fromEnvironment: false },
        ecr: { secretAccessKey: awsSecret },
      }),
      (step) => progress.push(JSON.stringify(step)),
    );
    // The caller (the window, the store) gets the scrubbed report, and so do progress events.
    expect(report.steps[0]!.observed[1]).toBe('and [redacted: stored secret]');
    expect(progress).toHaveLength(1);
    expect(progress[0]).toContain('and [redacted: stored secret]');
    expect(progress[0]).not.toContain(awsSecret);
    const [entry] = journal.list();
    expect(entry).toMatchObject({ seq: 1, finishedAt: '2026-02-03T04:05:06.000Z', source: 'form' });
    const kept = JSON.stringify(entry);
    for (const secret of [password, awsSecret, Buffer.from(`robot:${password}`).toString('base64')]) expect(kept).not.toContain(secret);
    // "cm9i" is base64 of "rob": the encoded user name before the secret's first whole group stays.
    expect(entry!.report.steps[0]!.observed).toEqual([
      'server said: you sent cm9i[redacted: stored secret]',
      'and [redacted: stored secret]',
    ]);
    expect(entry!.redactions).toEqual({ 'stored secret': 2 });
  });

  it('keeps only the newest reports, numbered in order, and lists up to a given number', async () => {
    const { journal, service } = journalled({ capacity: 3 });
    for (let i = 0; i < 5; i++) await service.run(`run-${i}`, request({ endpoint: `https://r${i}.example` }), () => undefined);
    expect(journal.finishedCount()).toBe(5);
    expect(journal.list().map((e) => [e.seq, e.report.endpoint])).toEqual([
      [3, 'https://r2.example'],
      [4, 'https://r3.example'],
      [5, 'https://r4.example'],
    ]);
    expect(journal.list(4).map((e) => e.seq)).toEqual([3, 4]);
    // Copies: a caller cannot change what the journal holds, through a listing or the report it was handed.
    journal.list()[0]!.report.endpoint = 'changed';
    const last = await service.run('run-6', request({ endpoint: 'https://r5.example' }), () => undefined);
    last.endpoint = 'changed';
    expect(journal.list().map((e) => e.report.endpoint)).toEqual(['https://r3.example', 'https://r4.example', 'https://r5.example']);
  });

  it('names the registry of a stored run', async () => {
    const { journal, service } = journalled();
    const record = basicRecord({ name: 'harbor-packs', scope: 'tenant' });
    await service.run('form-run', request({}), () => undefined);
    await service.run('stored-run', request({}), () => undefined, { id: record.id, name: record.name, scope: record.scope });
    expect(journal.list().map((e) => [e.source, e.registry])).toEqual([
      ['form', undefined],
      ['stored', { id: record.id, name: 'harbor-packs', scope: 'tenant' }],
    ]);
  });
});
