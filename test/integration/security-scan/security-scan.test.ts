// The security-scan gate can fail: run on a fixture app whose window has Node integration on, it must
// report the findings as unexplained and exit non-zero; accepting them takes a written reason each.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const FIXTURE_APP = resolve(import.meta.dirname, 'fixture-app');
const SCRIPT = resolve('scripts/security-scan.mjs');
const configDir = mkdtempSync(join(tmpdir(), 'regdesk-scan-config-'));
const SCAN_TIMEOUT_MS = 120_000;

afterAll(() => rmSync(configDir, { recursive: true, force: true }));

function scan(config: object, name: string) {
  const configFile = join(configDir, `${name}.json`);
  writeFileSync(configFile, JSON.stringify(config));
  const run = spawnSync(process.execPath, [SCRIPT, '--config', configFile, '--root', FIXTURE_APP], {
    encoding: 'utf8',
    timeout: SCAN_TIMEOUT_MS,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

const reason = 'Accepted for this test only, to show that an accepted finding passes the gate.';

describe('scripts/security-scan.mjs', () => {
  it(
    'fails on a window with nodeIntegration: true, naming the unexplained findings',
    () => {
      const { status, output } = scan({ inputs: ['main'] }, 'nothing-accepted');
      expect(status, output).toBe(1);
      expect(output).toMatch(/UNEXPLAINED NODE_INTEGRATION_JS_CHECK main\/window\.js:\d+:\d+/);
      expect(output).toMatch(/UNEXPLAINED CONTEXT_ISOLATION_JS_CHECK main\/window\.js/);
      expect(output).toMatch(/UNEXPLAINED SANDBOX_JS_CHECK main\/window\.js/);
      expect(output).toMatch(/\d+ findings, 0 accepted with a reason, [1-9]\d* unexplained/);
      // It ran offline on purpose: electronegativity's own translation download was refused, not attempted.
      expect(output).toContain('offline: refused its requests to electronegativity-i18n.s3.us-west-2.amazonaws.com');
    },
    SCAN_TIMEOUT_MS,
  );

  it(
    'passes only when every finding is accepted with a reason, and fails again when an accepted one disappears',
    () => {
      const first = scan({ inputs: ['main'] }, 'probe');
      const findings = [...first.output.matchAll(/UNEXPLAINED (\w+) (\S+):\d+:\d+/g)].map(([, check, file]) => ({
        check: check!,
        file: file!,
      }));
      expect(findings.length).toBeGreaterThan(2);
      const counts = new Map<string, { check: string; file: string; count: number }>();
      for (const f of findings) {
        const key = `${f.check} ${f.file}`;
        counts.set(key, { ...f, count: (counts.get(key)?.count ?? 0) + 1 });
      }
      const accepted = [...counts.values()].map((f) => ({ ...f, reason }));

      const all = scan({ inputs: ['main'], accepted }, 'all-accepted');
      expect(all.status, all.output).toBe(0);
      expect(all.output).toContain(`${findings.length} findings, ${findings.length} accepted with a reason, 0 unexplained`);

      const stale = scan(
        { inputs: ['main'], accepted: [...accepted, { check: 'PRELOAD_JS_CHECK', file: 'main/window.js', reason }] },
        'stale',
      );
      expect(stale.status, stale.output).toBe(1);
      expect(stale.output).toContain('accepted PRELOAD_JS_CHECK in main/window.js no longer occurs');
    },
    SCAN_TIMEOUT_MS * 3,
  );

  it('refuses a config whose accepted finding gives no reason, or that excludes an unknown check', () => {
    const noReason = scan(
      { inputs: ['main'], accepted: [{ check: 'NODE_INTEGRATION_JS_CHECK', file: 'main/window.js', reason: 'ok' }] },
      'no-reason',
    );
    expect(noReason.status, noReason.output).toBe(2);
    expect(noReason.output).toContain('needs a reason');
    const unknown = scan({ inputs: ['main'], excludedChecks: [{ check: 'NodeIntegrationCheck', reason }] }, 'unknown-check');
    expect(unknown.status, unknown.output).toBe(2);
    expect(unknown.output).toContain('is not an electronegativity check');
  });

  it('stops a scan that outlives its deadline instead of hanging the test run', () => {
    const slow = scan({ inputs: ['main'], timeoutSeconds: 0.05 }, 'deadline');
    expect(slow.status, slow.output).toBe(1);
    expect(slow.output).toContain('electronegativity did not finish within 0.05s');
  });

  it('says what to do when an input is missing (out/ before a build)', () => {
    const missing = scan({ inputs: ['main', 'out/main'] }, 'missing-input');
    expect(missing.status, missing.output).toBe(2);
    expect(missing.output).toContain('missing scan input: out/main');
  });
});
