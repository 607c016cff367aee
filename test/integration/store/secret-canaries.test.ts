import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, type MethodName } from '../../../shared/ipc/contract';
import { AesGcmTestCipher } from '../../fixtures/aes-gcm-cipher';
import { canarySecret } from '../../fixtures/canary';
import { startHarness, type Harness } from '../../harness/server';

let harness: Harness;
let dataDir: string;
let origin: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'regdesk-canaries-'));
  harness = await startHarness({ dataDir, cipher: new AesGcmTestCipher({ backend: 'gnome_libsecret' }) });
  origin = new URL(harness.url).origin;
});
afterAll(async () => {
  await harness.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Every answer, as the raw text that crossed the boundary. */
const answers: string[] = [];
const called = new Set<string>();

async function call(channel: string, input: unknown): Promise<{ ok: boolean; data?: unknown; error?: { code: string } }> {
  const response = await fetch(`${origin}/ipc/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ input }),
  });
  const text = await response.text();
  answers.push(text);
  called.add(channel);
  return JSON.parse(text) as { ok: boolean; data?: unknown; error?: { code: string } };
}

async function mustSucceed<T>(channel: string, input: unknown): Promise<T> {
  const result = await call(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.data as T;
}

/** The plaintext as bytes, and base64 of it (encoding is not encryption). */
function fingerprintsOf(secret: string): Buffer[] {
  return [Buffer.from(secret, 'utf8'), Buffer.from(Buffer.from(secret, 'utf8').toString('base64'))];
}

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The files (and how many were searched) that contain any of the secrets, byte for byte. */
function filesContaining(directory: string, secrets: string[]): { hits: string[]; searched: number } {
  const files = filesUnder(directory);
  const needles = secrets.flatMap(fingerprintsOf);
  return { hits: files.filter((file) => needles.some((needle) => readFileSync(file).includes(needle))), searched: files.length };
}

const basicDraft = (name: string, extra: Record<string, unknown> = {}) => ({
  type: 'basic',
  name,
  scope: 'system',
  endpoint: 'https://harbor.example.test',
  username: 'robot',
  ...extra,
});

describe('canary secrets', () => {
  it('the file search finds a planted canary (so a clean result means something)', () => {
    const control = mkdtempSync(join(tmpdir(), 'regdesk-canary-control-'));
    const planted = canarySecret('control');
    writeFileSync(join(control, 'nested.json'), `{"a":"${Buffer.from(planted).toString('base64')}"}`);
    expect(filesContaining(control, [planted]).hits).toHaveLength(1);
    rmSync(control, { recursive: true, force: true });
  });

  it('never appear in any IPC answer or event, nor in plain text or base64 anywhere in the data folder', async () => {
    const events = new AbortController();
    const stream = await fetch(`${origin}/events`, { signal: events.signal });
    let eventText = '';
    const reading = (async () => {
      const reader = stream.body!.getReader();
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        eventText += new TextDecoder().decode(value);
      }
    })();

    const canaries = {
      inDraft: canarySecret('draft-password'),
      replaced: canarySecret('replaced-password'),
      basic: canarySecret('basic-password'),
      aws: canarySecret('aws-secret-key'),
      session: canarySecret('session-password'),
      refused: canarySecret('refused'),
    };
    type Detail = { record: { id: string; name: string } };
    const set = (value: string, field = 'password', persistence?: string) => ({ action: 'set', field, value, persistence });
    const ecrDraft = {
      type: 'ecr',
      name: 'ecr-prod',
      scope: 'tenant',
      endpoint: '123456789012.dkr.ecr.us-east-1.amazonaws.com',
      awsAuth: { method: 'credentials', accessKeyId: 'AKIAEXAMPLE' },
    };
    const basic = await mustSucceed<Detail>('registries:save', {
      draft: basicDraft('harbor', { password: canaries.inDraft }),
      secret: set(canaries.replaced),
    });
    const basicId = basic.record.id;
    await mustSucceed('registries:save', { id: basicId, draft: basicDraft('harbor'), secret: set(canaries.basic) });
    const ecr = await mustSucceed<Detail>('registries:save', { draft: ecrDraft, secret: set(canaries.aws, 'awsSecretAccessKey') });
    const session = await mustSucceed<Detail>('registries:save', {
      draft: basicDraft('session-only'),
      secret: set(canaries.session, 'password', 'session'),
    });
    const [ecrId, sessionId] = [ecr.record.id, session.record.id];
    // A refused call must not echo the secret back in its error either.
    expect(await call('registries:save', { id: ecrId, draft: ecrDraft, secret: set(canaries.refused) })).toMatchObject({ ok: false });
    const copy = await mustSucceed<Detail>('registries:duplicate', { id: basicId });
    const spare = await mustSucceed<Detail>('registries:duplicate', { id: basicId });
    const doomed = await mustSucceed<Detail>('registries:duplicate', { id: ecrId });

    // Every channel of the contract, with good input where this test knows it, else with empty input.
    const samples: Partial<Record<MethodName, unknown[]>> = {
      appInfo: [undefined],
      listRegistries: [{}, { scope: 'tenant' }],
      getRegistry: [basicId, ecrId, sessionId, copy.record.id].map((id) => ({ id })),
      secretStatus: [basicId, ecrId, sessionId, copy.record.id].map((registryId) => ({ registryId })),
      saveRegistry: [
        { id: basicId, draft: basicDraft('harbor-renamed', { password: canaries.basic }), secret: set(canaries.basic) },
        { draft: basicDraft('one-more') },
        { id: spare.record.id, draft: basicDraft(spare.record.name), secret: { action: 'clear', field: 'password' } },
      ],
      duplicateRegistry: [{ id: ecrId }],
      deleteRegistry: [{ id: doomed.record.id }],
      getSettings: [undefined],
      updateSettings: [{}],
      runValidation: [
        {
          runId: randomUUID(),
          request: { endpoint: 'https://127.0.0.1:9', username: 'robot', password: canaries.basic, deadlineMs: 3000 },
        },
      ],
    };
    for (const [method, { channel }] of Object.entries(channels) as Array<[MethodName, (typeof channels)[MethodName]]>) {
      for (const input of samples[method] ?? [undefined, {}]) {
        const result = await call(channel, input);
        if (samples[method] && method !== 'runValidation')
          expect(result, `${channel} ${JSON.stringify(input)}`).toMatchObject({ ok: true });
      }
    }
    expect([...called].sort()).toEqual(
      Object.values(channels)
        .map((spec) => spec.channel)
        .sort(),
    );

    events.abort();
    await reading;

    const all = Object.values(canaries);
    const leaks = [...answers, eventText].filter((text) =>
      all.some((secret) => fingerprintsOf(secret).some((f) => text.includes(f.toString()))),
    );
    expect(leaks).toEqual([]);

    const { hits, searched } = filesContaining(dataDir, all);
    expect(hits).toEqual([]);
    expect(searched).toBeGreaterThanOrEqual(2);
    // The secrets are there, encrypted: the search had something to miss.
    const secretsFile = readFileSync(join(dataDir, 'secrets.json'), 'utf8');
    expect(secretsFile).toContain(basicId);
    expect(secretsFile).toContain(ecrId);
    const statuses = (await call('secrets:status', { registryId: basicId })).data;
    expect(statuses).toEqual([{ field: 'password', stored: true, where: 'disk', updatedAt: expect.any(String), usable: true }]);
  });
});
