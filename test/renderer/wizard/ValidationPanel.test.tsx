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
  return { status: 'done', runId: 'r1', report: report as unknown as ValidationReport, steps };
}

function panel(state: ValidationState, current = true) {
  const onValidate = vi.fn();
  const onCancel = vi.fn();
  render(<ValidationPanel state={state} current={current} onValidate={onValidate} onCancel={onCancel} />);
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

  it('after an edit, a pass asks to validate again', () => {
    panel(done([passed]), false);
    expect(screen.getByText('The values changed since: validate again.')).toBeTruthy();
    expect(screen.queryByText(/answered as an OCI registry/)).toBeNull();
  });

  it('shows an error main returned, with its remedy', () => {
    panel({ status: 'error', message: 'Main refused the request.', remedy: 'Restart the app.' });
    expect(screen.getByText('Main refused the request.')).toBeTruthy();
    expect(screen.getByText('Restart the app.')).toBeTruthy();
  });
});
