import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ValidationStep } from '../../../shared/model/validation';
import { StepList } from '../../../renderer/src/components/StepList/StepList';
import { render } from '../render';

const steps: ValidationStep[] = [
  { id: 'endpoint', title: 'Endpoint', status: 'ok', durationMs: 1, observed: ['https://harbor.corp.example:443'] },
  {
    id: 'tls',
    title: 'TLS',
    status: 'fail',
    durationMs: 12,
    observed: ['chain ends at corp-root'],
    problem: {
      code: 'TLS_UNKNOWN_CA',
      message: 'The certificate was issued by a CA this workstation does not trust.',
      remedy: 'Upload the CA.',
    },
  },
  {
    id: 'auth',
    title: 'Authentication',
    status: 'ok',
    durationMs: 3,
    observed: [],
    // A passed step keeps its note, not a remedy: there is nothing to do.
    problem: { code: 'CREDENTIALS_UNENCRYPTED', message: 'Sent over plain http.', remedy: 'Use https.' },
  },
  { id: 'packs', title: 'Packs', status: 'skipped', durationMs: 0, observed: ['not reached: an earlier step failed'] },
];

describe('StepList', () => {
  it('names each step with its status, for screen readers as for the eye', () => {
    render(<StepList steps={steps} />);
    const list = screen.getByRole('list', { name: 'Validation steps' });
    const names = within(list)
      .getAllByRole('listitem')
      .map((item) => item.getAttribute('aria-label'))
      .filter(Boolean);
    expect(names).toEqual(['Endpoint: passed', 'TLS: failed', 'Authentication: passed', 'Packs: skipped']);
  });

  it('shows a failure with its code, sentence, remedy and what was observed', () => {
    render(<StepList steps={steps} />);
    const tls = screen.getByRole('listitem', { name: 'TLS: failed' });
    expect(tls.textContent).toContain('TLS_UNKNOWN_CA The certificate was issued by a CA this workstation does not trust.');
    expect(tls.textContent).toContain('→ Upload the CA.');
    expect(tls.textContent).toContain('chain ends at corp-root');
    expect(tls.textContent).toContain('12 ms');
  });

  it('gives no remedy for a step that passed', () => {
    render(<StepList steps={steps} />);
    const auth = screen.getByRole('listitem', { name: 'Authentication: passed' });
    expect(auth.textContent).toContain('Sent over plain http.');
    expect(auth.textContent).not.toContain('Use https.');
  });
});
