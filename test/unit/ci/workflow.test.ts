import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../fixtures/run-command';
import { createTempDir, type TempDir } from '../../fixtures/temp-dir';

const WORKFLOW = '.github/workflows/test.yml';
const VALIDATOR = resolve('node_modules/@action-validator/cli/cli.mjs');

interface Step {
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on': string;
  container?: { image: string };
  strategy?: { matrix: { os: string[] } };
  steps: Step[];
}

function validate(file: string) {
  return runCommand(process.execPath, [VALIDATOR, file], { timeoutMs: 30_000 });
}

describe(`${WORKFLOW} (GitHub Actions)`, () => {
  let temp: TempDir;
  beforeAll(async () => {
    temp = await createTempDir('workflow');
  });
  afterAll(() => temp.cleanup());

  it('is valid against the workflow schema (action-validator)', async () => {
    const result = await validate(WORKFLOW);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
  });

  it('the validator does reject a broken copy', async () => {
    const broken = join(temp.path, 'broken.yml');
    writeFileSync(broken, readFileSync(WORKFLOW, 'utf8').replace('runs-on: ubuntu-latest', 'runs-onn: ubuntu-latest'));
    const result = await validate(broken);
    expect(result.exitCode).not.toBe(0);
    expect(result.stdout + result.stderr).toContain("Additional property 'runs-onn' is not allowed");
    copyFileSync(WORKFLOW, join(temp.path, 'copy.yml'));
    expect((await validate(join(temp.path, 'copy.yml'))).exitCode).toBe(0);
  });

  const jobs = (): Record<string, Job> => (load(readFileSync(WORKFLOW, 'utf8')) as { jobs: Record<string, Job> }).jobs;
  const runs = (job: Job | undefined): string[] => (job?.steps ?? []).flatMap((step) => (step.run ? [step.run] : []));

  it('runs on Linux, macOS and Windows, each with the Electron runtime fetched before the tests', () => {
    const all = Object.values(jobs());
    const systems = all.flatMap((job) => job.strategy?.matrix.os ?? [job['runs-on']]);
    expect(systems.map((os) => os.split('-')[0]).sort()).toEqual(['macos', 'ubuntu', 'windows']);
    for (const job of all) {
      const commands = runs(job);
      const fetch = commands.indexOf('node scripts/electron-runtime.mjs');
      const test = commands.findIndex((command) => /^npm (test|run test:electron)$/.test(command));
      expect(fetch, JSON.stringify(commands)).toBeGreaterThanOrEqual(0);
      expect(test).toBeGreaterThan(fetch);
      expect(job.steps.find((step) => step.uses?.startsWith('actions/setup-node'))?.with?.['node-version']).toBe(24);
    }
  });

  it('Linux runs the whole npm test as root on Debian, where the system packages install and xvfb-run supplies the display', () => {
    const linux = jobs()['linux'];
    expect(linux?.container?.image).toMatch(/^debian:/);
    expect(runs(linux)).toContain('npm test');
  });

  it('fails rather than skips the Electron tests when the runtime is missing', () => {
    const env = (load(readFileSync(WORKFLOW, 'utf8')) as { env?: Record<string, string> }).env;
    expect(env?.['REGDESK_REQUIRE_ELECTRON']).toBe('1');
  });
});
