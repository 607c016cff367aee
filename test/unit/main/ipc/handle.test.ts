import { describe, expect, it } from 'vitest';
import { createInvoke, trustOrigin, type Logger } from '../../../../main/ipc/handle';
import { AppErrorException, appError } from '../../../../shared/errors';
import { canarySecret } from '../../../fixtures/canary';
import { basicRecord } from '../../../fixtures/registry-records';

const APP = 'app://regdesk';

function capturingLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, warn: (m) => lines.push(m), error: (m) => lines.push(m) };
}

describe('createInvoke', () => {
  const summary = {
    id: 'r1',
    name: 'harbor',
    scope: 'system' as const,
    type: 'basic' as const,
    endpoint: 'https://harbor.example.test',
    baseContentPath: '',
    validation: { state: 'never' as const },
    tls: { skipVerify: false, privateCa: false },
  };

  it('answers a trusted sender with the handler output in an ok envelope', async () => {
    const invoke = createInvoke('listRegistries', async () => [summary], { isTrustedSender: trustOrigin(APP), log: capturingLog() });
    expect(await invoke(`${APP}/index.html`, { scope: 'system' })).toEqual({ ok: true, data: [summary] });
  });

  it('refuses an untrusted sender before the handler runs', async () => {
    let called = false;
    const log = capturingLog();
    const invoke = createInvoke('listRegistries', async () => ((called = true), []), { isTrustedSender: trustOrigin(APP), log });
    for (const sender of ['https://evil.example', undefined, 'app://regdesk.evil', 'not a url', 'file:///etc/passwd']) {
      const result = await invoke(sender, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    }
    expect(called).toBe(false);
    expect(log.lines).toHaveLength(5);
  });

  it('rejects input that does not match the schema, naming the field', async () => {
    const invoke = createInvoke('listRegistries', async () => [], { isTrustedSender: () => true, log: capturingLog() });
    const result = await invoke(APP, { scope: 'galaxy' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'scope' } });
  });

  it('strips fields the output schema does not name, so secrets cannot leak to the window', async () => {
    const secret = canarySecret('password');
    const invoke = createInvoke('listRegistries', async () => [{ ...summary, password: secret }], {
      isTrustedSender: () => true,
      log: capturingLog(),
    });
    const result = await invoke(APP, {});
    expect(JSON.stringify(result)).not.toContain(secret);
    expect(result).toEqual({ ok: true, data: [summary] });
  });

  it('passes an AppError through as data, fields intact', async () => {
    const error = appError('STORE_UNREADABLE', { remedy: 'Restore /tmp/x.json.bak' });
    const invoke = createInvoke(
      'listRegistries',
      async () => {
        throw new AppErrorException(error);
      },
      { isTrustedSender: () => true, log: capturingLog() },
    );
    expect(await invoke(APP, {})).toEqual({ ok: false, error });
  });

  it('turns an unexpected throw into INTERNAL and never logs the input', async () => {
    const secret = canarySecret('input');
    const log = capturingLog();
    const invoke = createInvoke(
      'listRegistries',
      async () => {
        throw new TypeError('boom');
      },
      { isTrustedSender: () => true, log },
    );
    const result = await invoke(APP, { scope: 'system', extra: secret });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(log.lines.join('\n')).toContain('TypeError: boom');
    expect(log.lines.join('\n')).not.toContain(secret);
  });

  it('reports a handler output that breaks the contract as INTERNAL rather than sending it', async () => {
    const invoke = createInvoke('listRegistries', async () => [basicRecord()] as never, {
      isTrustedSender: () => true,
      log: capturingLog(),
    });
    expect(await invoke(APP, {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe('trustOrigin', () => {
  it('compares scheme and host with a URL parser, not by prefix', () => {
    const trusted = trustOrigin('http://127.0.0.1:5178');
    expect(trusted('http://127.0.0.1:5178/index.html')).toBe(true);
    expect(trusted('http://127.0.0.1:5178')).toBe(true);
    expect(trusted('http://127.0.0.1:51780/')).toBe(false);
    expect(trusted('http://127.0.0.1:5178.evil.test/')).toBe(false);
    expect(trusted('https://127.0.0.1:5178/')).toBe(false);
  });

  it('works for the custom app:// scheme, whose WHATWG origin is "null"', () => {
    const trusted = trustOrigin(APP);
    expect(trusted('app://regdesk/index.html')).toBe(true);
    expect(trusted('app://other/index.html')).toBe(false);
    expect(trustOrigin('app://regdesk')('app://null')).toBe(false);
  });
});
