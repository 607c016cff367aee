// `regdesk list`: the TLS column, and warnings ahead of an uploaded CA or the registry's certificate expiring.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../../main/cli/index';
import { EXPIRY_WARNING_DAYS } from '../../../../shared/expiry';
import type { RegistryRecord } from '../../../../shared/model/registry';
import { createPki } from '../../../fixtures/pki';
import { basicRecord, seedStore, withValidation } from '../../../fixtures/registry-records';

const DAY = 24 * 60 * 60 * 1000;

async function regdesk(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { write: (t: string) => (stdout += t) }, { write: (t: string) => (stderr += t) });
  return { code, stdout, stderr };
}

/** Validated now, with the registry's certificate (as presented) valid until `validTo`. */
function validatedWithCertificate(record: RegistryRecord, validTo: Date): RegistryRecord {
  const validated = withValidation(record, true);
  return {
    ...validated,
    lastValidation: { ...validated.lastValidation!, report: { presentedChain: [{ validTo: validTo.toISOString() }] } },
  };
}

let dir: string;
let soonCa: string;
let laterCa: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'regdesk-cli-expiry-'));
  const [soon, later] = await Promise.all([
    createPki(join(dir, 'pki-soon'), { caExpiresInDays: 10 }),
    createPki(join(dir, 'pki-later'), { caExpiresInDays: EXPIRY_WARNING_DAYS + 5 }),
  ]);
  soonCa = soon.root.certPem;
  laterCa = later.root.certPem;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('regdesk list and certificate expiry', () => {
  it('shows each registry’s TLS posture and warns on standard error of what expires within the threshold', async () => {
    const now = Date.now();
    const data = join(dir, 'store');
    const moved = validatedWithCertificate(basicRecord({ name: 'moved-since' }), new Date(now - DAY));
    seedStore(data, [
      basicRecord({ name: 'ca-soon', tls: { insecureSkipVerify: false, caPem: soonCa } }),
      basicRecord({ name: 'ca-later', tls: { insecureSkipVerify: false, caPem: laterCa } }),
      validatedWithCertificate(basicRecord({ name: 'cert-expired' }), new Date(now - 2 * DAY)),
      validatedWithCertificate(basicRecord({ name: 'cert-fine' }), new Date(now + 200 * DAY)),
      // Its certificate was seen before the endpoint changed: it may be another server's now.
      { ...moved, endpoint: 'https://elsewhere.example.test' },
      basicRecord({ name: 'skips', tls: { insecureSkipVerify: true } }),
      basicRecord({ name: 'plain', endpoint: 'http://10.0.0.5:5000' }),
    ]);
    const result = await regdesk('list', '--data-dir', data);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+SCOPE\s+TYPE\s+ENDPOINT\s+BASE PATH\s+TLS\s+VALIDATION$/);
    const tlsOf = Object.fromEntries(
      lines
        .slice(1)
        .map((l) => l.split(/\s{2,}/))
        .map((cells) => [cells[0], cells[5]]),
    );
    expect(tlsOf).toEqual({
      'ca-later': 'private CA',
      'ca-soon': 'private CA',
      'cert-expired': 'system CAs',
      'cert-fine': 'system CAs',
      'moved-since': 'system CAs',
      plain: 'none (http)',
      skips: 'skip-verify',
    });

    const soonDate = new Date(now + 10 * DAY).toISOString().slice(0, 10);
    const expiredDate = new Date(now - 2 * DAY).toISOString().slice(0, 10);
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([
      `warning: "ca-soon" (system): its uploaded CA certificate expires on ${soonDate} (in 10 days). Upload the renewed CA before then.`,
      `warning: "cert-expired" (system): the registry's certificate expired on ${expiredDate} (as its last validation saw it). Have it renewed, then validate again.`,
    ]);
  });

  it('keeps the dates in --json and stays silent when nothing expires soon', async () => {
    const data = join(dir, 'store-json');
    seedStore(data, [basicRecord({ name: 'ca-later', tls: { insecureSkipVerify: false, caPem: laterCa } })]);
    const result = await regdesk('list', '--json', '--data-dir', data);
    expect(result.stderr).toBe('');
    const [listed] = JSON.parse(result.stdout) as Array<{ tls: { privateCa: boolean; skipVerify: boolean; caExpiresAt: string } }>;
    expect(listed!.tls).toMatchObject({ privateCa: true, skipVerify: false });
    const daysLeft = (Date.parse(listed!.tls.caExpiresAt) - Date.now()) / DAY;
    expect(daysLeft).toBeGreaterThan(EXPIRY_WARNING_DAYS);
    expect(daysLeft).toBeLessThan(EXPIRY_WARNING_DAYS + 6);
  });
});
