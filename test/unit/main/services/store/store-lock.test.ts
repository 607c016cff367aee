import Conf from 'conf';
import { existsSync, mkdirSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppErrorException } from '../../../../../shared/errors';
import { createServices } from '../../../../../main/services';
import { createStoreLock, STORE_LOCK_NAME } from '../../../../../main/services/store/store-lock';
import { storeOptions, type StoreShape } from '../../../../../main/services/store/store-options';
import { basicRecord, seedStore } from '../../../../fixtures/registry-records';
import { createTempDir, type TempDir } from '../../../../fixtures/temp-dir';

let temp: TempDir;
beforeEach(async () => {
  temp = await createTempDir('store-lock');
});
afterEach(() => temp.cleanup());

/** Resolves once `hold` has the lock, with a function that lets it go. */
async function holdUntilReleased(dir: string): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await new Promise<void>((entered) => void createStoreLock(dir).hold(() => (entered(), released)));
  return release;
}

describe('the data folder lock', () => {
  it('makes a writer that cannot get it in time say so, without running its change', async () => {
    const release = await holdUntilReleased(temp.path);
    let ran = false;
    const attempt = createStoreLock(temp.path, { waitMs: 150 }).hold(() => (ran = true));
    await expect(attempt).rejects.toSatisfy(
      (error) =>
        error instanceof AppErrorException && error.appError.code === 'STORE_BUSY' && /nothing was changed/.test(error.appError.message),
    );
    expect(ran).toBe(false);
    release();
  });

  it('lets the next writer in as soon as the holder is done', async () => {
    const release = await holdUntilReleased(temp.path);
    const order: string[] = [];
    const next = createStoreLock(temp.path).hold(() => order.push('next'));
    order.push('released');
    release();
    await next;
    expect(order).toEqual(['released', 'next']);
    expect(existsSync(join(temp.path, STORE_LOCK_NAME))).toBe(false);
  });

  it('recovers a lock left by a process that died holding it', async () => {
    // What a SIGKILLed holder leaves: the lock folder, no longer refreshed.
    const lockDir = join(temp.path, STORE_LOCK_NAME);
    mkdirSync(lockDir);
    const longAgo = new Date(Date.now() - 60_000);
    utimesSync(lockDir, longAgo, longAgo);
    await expect(createStoreLock(temp.path, { waitMs: 1_000 }).hold(() => 'written')).resolves.toBe('written');
    expect(createStoreLock(temp.path, { waitMs: 1_000 }).holdSync(() => 'opened')).toBe('opened');
  });

  it('makes every change of the services wait while another process holds the folder', async () => {
    const dataDir = join(temp.path, 'data');
    seedStore(dataDir, [basicRecord({ name: 'kept' })]);
    const services = createServices({
      appInfo: { name: 'test', version: '0.0.0', platform: process.platform, host: 'cli' },
      store: new Conf<StoreShape>({ ...storeOptions(dataDir), watch: false }),
    });
    const release = await holdUntilReleased(dataDir);
    const pending = services.registries.delete(services.registries.list()[0]!.id);
    // The delete waits for the lock rather than racing the holder: nothing has changed yet.
    await new Promise((resolve) => setImmediate(resolve));
    expect(services.registries.list().map((r) => r.name)).toEqual(['kept']);
    release();
    await pending;
    expect(services.registries.list()).toEqual([]);
  });
});
