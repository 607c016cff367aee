// A run in which a step warned passed, but it is "validated with warnings", never a plain pass; and a
// stored report of any age is read leniently without letting a malformed step count as a warning.
import { describe, expect, it } from 'vitest';
import { reportVerdict, reportWarnings, storedReportWarnings, VERDICT_TITLES } from '../../../../shared/model/verdict';

const ok = (title: string) => ({ title, status: 'ok' });
const warn = (title: string, code = 'EMPTY_BASE_CONTENT_PATH', message = `${title} looks wrong`) => ({
  title,
  status: 'warn',
  problem: { code, message },
});
const fail = (title: string) => ({ title, status: 'fail', problem: { code: 'UNREACHABLE', message: 'no answer' } });

describe('reportVerdict', () => {
  it('is a plain pass only when no step warned', () => {
    expect(reportVerdict({ ok: true, steps: [ok('Endpoint'), ok('Authentication')] })).toBe('validated');
    expect(reportVerdict({ ok: true, steps: [] })).toBe('validated');
  });

  it('a pass with one warning, wherever it is, is validated with warnings', () => {
    expect(reportVerdict({ ok: true, steps: [ok('Endpoint'), warn('Base content path')] })).toBe('warnings');
    expect(reportVerdict({ ok: true, steps: [warn('Transport'), ok('Endpoint'), ok('Packs')] })).toBe('warnings');
  });

  it('a report that is not ok has failed, warnings or not', () => {
    expect(reportVerdict({ ok: false, steps: [ok('Endpoint'), fail('Authentication')] })).toBe('failed');
    expect(reportVerdict({ ok: false, steps: [warn('Transport'), fail('Authentication')] })).toBe('failed');
    expect(reportVerdict({ ok: false, steps: [] })).toBe('failed');
  });

  it('counts only a warn status as a warning', () => {
    for (const status of ['pending', 'running', 'ok', 'fail', 'skipped', 'WARN', 'warning']) {
      expect(reportVerdict({ ok: true, steps: [{ title: 'Step', status }] })).toBe('validated');
    }
  });
});

describe('VERDICT_TITLES', () => {
  it('says each verdict as the window and the command line show it', () => {
    expect(VERDICT_TITLES).toEqual({ validated: 'Validated', warnings: 'Validated with warnings', failed: 'Not validated' });
  });
});

describe('reportWarnings', () => {
  it('lists the warned steps only, in step order, with their code and message', () => {
    const steps = [warn('Transport', 'CLEAR_TEXT_PASSWORD', 'sent over http'), ok('Endpoint'), fail('Auth'), warn('Base content path')];
    expect(reportWarnings({ steps })).toEqual([
      { step: 'Transport', code: 'CLEAR_TEXT_PASSWORD', message: 'sent over http' },
      { step: 'Base content path', code: 'EMPTY_BASE_CONTENT_PATH', message: 'Base content path looks wrong' },
    ]);
  });

  it('names a warning without a problem WARNING, with an empty message', () => {
    expect(reportWarnings({ steps: [{ title: 'Packs', status: 'warn' }] })).toEqual([{ step: 'Packs', code: 'WARNING', message: '' }]);
  });

  it('is empty when nothing warned', () => {
    expect(reportWarnings({ steps: [ok('Endpoint'), fail('Auth')] })).toEqual([]);
  });
});

describe('storedReportWarnings', () => {
  it('reads the warnings of a stored report as of a fresh one', () => {
    const report = { ok: true, steps: [ok('Endpoint'), warn('Transport', 'CLEAR_TEXT_PASSWORD', 'sent over http')] };
    expect(storedReportWarnings(JSON.parse(JSON.stringify(report)))).toEqual([
      { step: 'Transport', code: 'CLEAR_TEXT_PASSWORD', message: 'sent over http' },
    ]);
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'warn'],
    ['a number', 1],
    ['no steps', { ok: true }],
    ['steps that are not a list', { ok: true, steps: { 0: { title: 'T', status: 'warn' } } }],
    ['steps as text', { ok: true, steps: 'warn' }],
  ])('an unreadable report (%s) has no warnings', (_, report) => {
    expect(storedReportWarnings(report)).toEqual([]);
  });

  it('skips a step that is not an object or lacks a text title or status, and keeps the readable ones', () => {
    const steps = [
      null,
      'warn',
      7,
      { status: 'warn' },
      { title: 3, status: 'warn' },
      { title: 'No status' },
      { title: 'Numeric status', status: 1 },
      { title: 'Readable', status: 'warn', problem: { code: 'C', message: 'M' } },
    ];
    expect(storedReportWarnings({ steps })).toEqual([{ step: 'Readable', code: 'C', message: 'M' }]);
  });

  it.each([
    ['no problem', undefined],
    ['a problem that is text', 'broken'],
    ['a problem without a code', { message: 'M' }],
    ['a problem without a message', { code: 'C' }],
    ['a numeric code', { code: 1, message: 'M' }],
    ['a numeric message', { code: 'C', message: 1 }],
  ])('a warned step with %s still warns, as WARNING with no message', (_, problem) => {
    expect(storedReportWarnings({ steps: [{ title: 'Packs', status: 'warn', problem }] })).toEqual([
      { step: 'Packs', code: 'WARNING', message: '' },
    ]);
  });
});
