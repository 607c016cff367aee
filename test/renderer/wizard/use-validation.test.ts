// The Validate button's hook against a stand-in for window.regdesk (the preload's object): only
// the current run's progress and answer count, and main's errors keep their remedy.
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RegdeskApi } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import type { ValidationReport, ValidationRequestInput, ValidationStep } from '../../../shared/model/validation';
import { useValidation } from '../../../renderer/src/features/wizard/Validate/use-validation';

type Progress = { runId: string; step: ValidationStep };
const request: ValidationRequestInput = {
  endpoint: 'https://harbor.corp.example',
  baseContentPath: 'palette',
  username: '',
  password: '',
  tls: { insecureSkipVerify: false },
};

function reportFor(endpoint: string): ValidationReport {
  return { ok: true, endpoint, durationMs: 1, steps: [] } as unknown as ValidationReport;
}

/** A window.regdesk whose validations answer only when the test says so. */
function fakeBridge() {
  const answers: Array<(result: Result<ValidationReport>) => void> = [];
  const runIds: string[] = [];
  let progress: ((payload: Progress) => void) | undefined;
  const api = {
    runValidation: vi.fn(({ runId }: { runId: string }) => {
      runIds.push(runId);
      return new Promise<Result<ValidationReport>>((resolve) => answers.push(resolve));
    }),
    cancelValidation: vi.fn(async () => ({ ok: true, data: { cancelled: true } })),
    onValidationProgress: (listener: (payload: Progress) => void) => {
      progress = listener;
      return () => (progress = undefined);
    },
  };
  window.regdesk = api as unknown as RegdeskApi;
  return { api, answers, runIds, emit: (payload: Progress) => progress?.(payload) };
}

afterEach(() => {
  delete window.regdesk;
});

const step = (status: ValidationStep['status']): ValidationStep => ({
  id: 'dns',
  title: 'DNS lookup',
  status,
  durationMs: 0,
  observed: [],
});

describe('useValidation', () => {
  it('follows the progress of its own run and ignores any other', async () => {
    const bridge = fakeBridge();
    const { result } = renderHook(() => useValidation());
    act(() => void result.current.run({ request }));
    const [runId = ''] = bridge.runIds;

    act(() => bridge.emit({ runId: crypto.randomUUID(), step: step('fail') }));
    const dns = () => (result.current.state.status === 'running' ? result.current.state.steps.find((s) => s.id === 'dns') : undefined);
    expect(dns()?.status).toBe('pending');

    act(() => bridge.emit({ runId, step: step('ok') }));
    expect(dns()?.status).toBe('ok');
  });

  it('keeps the latest run when an earlier one answers late', async () => {
    const bridge = fakeBridge();
    const { result } = renderHook(() => useValidation());
    act(() => void result.current.run({ request }));
    act(() => void result.current.run({ request }));
    await act(async () => bridge.answers[1]?.({ ok: true, data: reportFor('second') }));
    await act(async () => bridge.answers[0]?.({ ok: true, data: reportFor('first') }));
    expect(result.current.state).toMatchObject({ status: 'done', runId: bridge.runIds[1], report: { endpoint: 'second' } });
  });

  it("shows main's refusal with its remedy", async () => {
    const bridge = fakeBridge();
    const { result } = renderHook(() => useValidation());
    act(() => void result.current.run({ request }));
    const error = { code: 'SECRET_ENDPOINT_CHANGED', message: 'The password was entered for another address.', remedy: 'Type it again.' };
    await act(async () => bridge.answers[0]?.({ ok: false, error } as Result<ValidationReport>));
    // The error remembers the values it answered, so a later edit can mark it out of date.
    expect(result.current.state).toMatchObject({
      status: 'error',
      message: error.message,
      remedy: 'Type it again.',
      request: { endpoint: 'https://harbor.corp.example' },
    });
  });

  it('cancels exactly the run it started', async () => {
    const bridge = fakeBridge();
    const { result } = renderHook(() => useValidation());
    act(() => void result.current.run({ request }));
    await act(() => result.current.cancel());
    expect(bridge.api.cancelValidation).toHaveBeenCalledWith({ runId: bridge.runIds[0] });
  });
});
