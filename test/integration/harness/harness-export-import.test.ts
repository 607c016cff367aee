// The browser harness serves export and import as Electron does: the save and open dialogs are
// seams a test drives over HTTP (`/__harness/next-save`, `/__harness/next-pick`), never the page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../harness/server';
import { basicRecord, seedStore } from '../../fixtures/registry-records';
import { createTempDir, type TempDir } from '../../fixtures/temp-dir';

let harness: Harness;
let temp: TempDir;
let origin: string;

beforeAll(async () => {
  temp = await createTempDir('harness-export');
  seedStore(temp.path, [basicRecord({ name: 'harbor-packs', username: '' })]);
  harness = await startHarness({ dataDir: temp.path });
  origin = new URL(harness.url).origin;
});
afterAll(async () => {
  await harness?.close();
  await temp?.cleanup();
});

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: response.headers.get('content-type')?.startsWith('application/json') ? (JSON.parse(text) as unknown) : text,
  };
}
const call = (channel: string, input?: unknown) => post(`/ipc/${channel}`, { input }, { origin });

describe('export and import through the harness', () => {
  it('saves where the test "chose" in the save dialog, and opens what it "chose" in the open dialog', async () => {
    const ids = ((await call('registries:list', {})).body as { data: Array<{ id: string }> }).data.map((r) => r.id);
    const path = join(temp.path, 'export.drafts.json');
    expect(await post('/__harness/next-save', { path })).toEqual({ status: 200, body: { queued: true } });
    expect((await call('export:save', { ids, format: 'draft' })).body).toMatchObject({ ok: true, data: { canceled: false, path } });
    expect(harness.fileSaver.lastRequest()).toMatchObject({ defaultName: 'harbor-packs.drafts.json' });

    await post('/__harness/next-pick', { path });
    const picked = (await call('import:pick')).body as {
      ok: boolean;
      data: { content: string; preview: { conflicts: Array<{ proposedName: string }> } };
    };
    expect(picked.data.content).toBe(readFileSync(path, 'utf8'));
    expect(picked.data.preview.conflicts.map((c) => c.proposedName)).toEqual(['harbor-packs (imported)']);
    const applied = await call('import:apply', {
      content: picked.data.content,
      resolutions: [{ index: 0, action: 'rename', name: 'harbor-packs (imported)' }],
    });
    expect(applied.body).toMatchObject({
      ok: true,
      data: { imported: [{ name: 'harbor-packs (imported)', action: 'renamed', needsSecrets: [] }] },
    });
  });

  it('refuses to let a page queue a dialog answer', async () => {
    expect((await post('/__harness/next-save', { path: '/etc/passwd' }, { origin })).status).toBe(403);
  });
});
