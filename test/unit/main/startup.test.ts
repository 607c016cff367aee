import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failStartup, startupProblem, startWhenReady, type StartupShell } from '../../../main/startup';
import { openAppStorage } from '../../../main/services/store/app-storage';
import { AppErrorException, appError, errorCatalog } from '../../../shared/errors';
import { createTempDir, type TempDir } from '../../fixtures/temp-dir';

/** Records what start-up asked of Electron's app and dialog, in order. */
function recordingShell(ready: Promise<void> = Promise.resolve()) {
  const calls: string[] = [];
  const boxes: Array<{ title: string; content: string }> = [];
  const errors: string[] = [];
  const shell: StartupShell = {
    app: {
      whenReady: () => ready,
      releaseSingleInstanceLock: () => void calls.push('releaseSingleInstanceLock'),
      exit: (code?: number) => void calls.push(`exit ${code}`),
    },
    dialog: {
      showErrorBox: (title, content) => {
        calls.push('showErrorBox');
        boxes.push({ title, content });
      },
    },
    log: { error: (message) => void errors.push(message) },
  };
  return { shell, calls, boxes, errors };
}

/** The store opened the way main/index.ts opens it, on a data folder the test damages. */
function openStorage(dataDir: string): void {
  openAppStorage(dataDir, { open: (options) => new Conf(options), watch: false });
}

if (process.getuid?.() === 0) {
  console.warn('\n*** SKIPPED: the EACCES start-up case: root reads files whatever their mode. EISDIR takes the same path and runs. ***\n');
}

describe('startWhenReady', () => {
  let temp: TempDir;
  beforeEach(async () => {
    temp = await createTempDir('startup');
  });
  afterEach(() => temp.cleanup());

  it('runs start once ready and touches nothing else when it succeeds', async () => {
    const { shell, calls } = recordingShell();
    let started = 0;
    await startWhenReady(shell, () => void (started += 1));
    expect(started).toBe(1);
    expect(calls).toEqual([]);
  });

  it('a store path that is a folder (EISDIR): one dialog with cause and remedy, lock released, exit 1', async () => {
    mkdirSync(join(temp.path, 'registries.json'));
    const { shell, calls, boxes, errors } = recordingShell();
    await startWhenReady(shell, () => openStorage(temp.path));
    expect(calls).toEqual(['showErrorBox', 'releaseSingleInstanceLock', 'exit 1']);
    expect(boxes[0]?.title).toBe(errorCatalog.DATA_FOLDER_UNUSABLE.message);
    expect(boxes[0]?.content).toContain('EISDIR');
    expect(boxes[0]?.content).toContain(errorCatalog.DATA_FOLDER_UNUSABLE.remedy);
    expect(boxes[0]?.content).toContain('[DATA_FOLDER_UNUSABLE]');
    expect(errors).toHaveLength(1);
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable store (EACCES) ends the same way', async () => {
    const file = join(temp.path, 'registries.json');
    writeFileSync(file, '{}', { mode: 0o000 });
    const { shell, calls, boxes } = recordingShell();
    await startWhenReady(shell, () => openStorage(temp.path));
    expect(calls).toEqual(['showErrorBox', 'releaseSingleInstanceLock', 'exit 1']);
    expect(boxes[0]?.content).toContain('EACCES');
  });

  it('an async failure inside start is caught too', async () => {
    const { shell, calls, boxes } = recordingShell();
    await startWhenReady(shell, async () => {
      await Promise.resolve();
      throw new AppErrorException(appError('STORE_UNREADABLE', { message: 'The saved registries could not be read (damaged).' }));
    });
    expect(calls).toEqual(['showErrorBox', 'releaseSingleInstanceLock', 'exit 1']);
    expect(boxes[0]?.content).toContain('(damaged)');
    expect(boxes[0]?.content).toContain('[STORE_UNREADABLE]');
  });
});

describe('startupProblem', () => {
  it('names a load failure as the window failing to load, with Chromium’s error', () => {
    const error = Object.assign(new Error("ERR_FILE_NOT_FOUND (-6) loading 'app://regdesk/index.html'"), {
      code: 'ERR_FILE_NOT_FOUND',
      errno: -6,
    });
    expect(startupProblem(error)).toMatchObject({ code: 'WINDOW_LOAD_FAILED', cause: expect.stringContaining('ERR_FILE_NOT_FOUND') });
  });

  it('a file-system error names the path when Node gives one', () => {
    const error = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES', path: '/home/u/.config/x/registries.json' });
    expect(startupProblem(error)).toMatchObject({
      code: 'DATA_FOLDER_UNUSABLE',
      cause: 'EACCES: permission denied (/home/u/.config/x/registries.json)',
    });
  });

  it('anything else is a start-up failure with the error’s name and message, control characters escaped', () => {
    const problem = startupProblem(new TypeError('bad\u001b[2Jthing'));
    expect(problem).toMatchObject({ code: 'STARTUP_FAILED', message: errorCatalog.STARTUP_FAILED.message });
    expect(problem.cause).toBe('TypeError: bad\\u001b[2Jthing');
    expect(startupProblem('a string')).toMatchObject({ code: 'STARTUP_FAILED' });
  });

  it('failStartup works before ready as well (Linux prints the box to stderr then)', () => {
    const { shell, calls } = recordingShell(new Promise(() => {}));
    failStartup(shell, new Error('x'));
    expect(calls).toEqual(['showErrorBox', 'releaseSingleInstanceLock', 'exit 1']);
  });
});
