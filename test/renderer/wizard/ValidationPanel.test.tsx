import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ValidationReport, ValidationStep } from '../../../shared/model/validation';
import { ValidationPanel } from '../../../renderer/src/features/wizard/Validate/ValidationPanel';
import type { ValidationState } from '../../../renderer/src/features/wizard/Validate/use-validation';
import { render } from '../render';

const passed: ValidationStep = { id: 'endpoint', title: 'Endpoint', status: 'ok', durationMs: 1, observed: [] };
const failed: ValidationStep = {
  id: 'auth',
  title: 'Authentication',
  status: 'fail',
  durationMs: 5,
  observed: [],
  problem: { code: 'AUTH_REJECTED', message: 'The registry refused the username or password.', remedy: 'Check the robot account.' },
};

function done(steps: ValidationStep[]): ValidationState {
  const report = { ok: !steps.some((s) => s.status === 'fail'), endpoint: 'https://harbor.corp.example', durationMs: 42, steps };
  return { status: 'done', runId: 'r1', report: report as unknown as ValidationReport, steps, request: SHOWN_FOR };
}

/** The values the result in `done()` was computed for. */
const SHOWN_FOR = { endpoint: 'https://harbor.corp.example', baseContentPath: 'packs' };

/** `current`: the form still holds the values the result was computed for. */
function panel(state: ValidationState, current = true) {
  const onValidate = vi.fn();
  const onCancel = vi.fn();
  const request = current ? SHOWN_FOR : { ...SHOWN_FOR, endpoint: 'https://other.corp.example' };
  render(<ValidationPanel state={state} request={request} onValidate={onValidate} onCancel={onCancel} />);
  return { onValidate, onCancel };
}

describe('ValidationPanel', () => {
  it('says what it will check before the first run, and Validate starts one', async () => {
    const { onValidate } = panel({ status: 'idle' });
    expect(screen.getByText(/Checks DNS, TCP, TLS, the registry API/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Validate' }));
    expect(onValidate).toHaveBeenCalledOnce();
  });

  it('offers Cancel only while running', async () => {
    const { onCancel } = panel({ status: 'running', steps: [{ ...passed, status: 'running' }] });
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it('names the failed step with its sentence and remedy', () => {
    panel(done([passed, failed]));
    expect(screen.getByText('Authentication: The registry refused the username or password.')).toBeTruthy();
    expect(screen.getAllByText(/Check the robot account\./).length).toBeGreaterThan(0);
    expect(screen.queryByText('Credentials validated')).toBeNull();
  });

  it('says Credentials validated for a pass, with the endpoint and the time it took', () => {
    panel(done([passed]));
    expect(screen.getByText('Credentials validated')).toBeTruthy();
    expect(screen.getByText('https://harbor.corp.example answered as an OCI registry in 42 ms.')).toBeTruthy();
  });

  it('after an edit, the result is titled as one for the earlier values and greyed', () => {
    panel(done([passed]), false);
    expect(screen.getByText('Result for https://harbor.corp.example — the endpoint has changed since')).toBeTruthy();
    expect(document.querySelector('[data-outdated]')).not.toBeNull();
  });

  it('while the form holds the same values, the result is not marked out of date', () => {
    panel(done([passed]));
    expect(screen.queryByText(/has changed since/)).toBeNull();
    expect(document.querySelector('[data-outdated]')).toBeNull();
  });

  it('shows an error main returned, with its remedy', () => {
    panel({ status: 'error', message: 'Main refused the request.', remedy: 'Restart the app.' });
    expect(screen.getByText('Main refused the request.')).toBeTruthy();
    expect(screen.getByText('Restart the app.')).toBeTruthy();
  });
});
