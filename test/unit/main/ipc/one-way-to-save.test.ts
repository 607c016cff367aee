// registries:save changes a registry and its secret together, or neither. The channels that once
// saved one half on its own must stay gone: each would be a second way to save, and more surface
// for a compromised window.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trustOrigin, type Invoke } from '../../../../main/ipc/handle';
import { register } from '../../../../main/ipc/register';
import { buildApi } from '../../../../shared/ipc/build-api';
import { channels } from '../../../../shared/ipc/contract';
import { openTestServices, type TestServices } from '../../../fixtures/storage-services';
import { createTempDir, type TempDir } from '../../../fixtures/temp-dir';

const REMOVED = {
  createRegistry: 'registries:create',
  updateRegistry: 'registries:update',
  setSecret: 'secrets:set',
  clearSecret: 'secrets:clear',
};

let temp: TempDir;
let app: TestServices;
const bound = new Map<string, Invoke>();

beforeAll(async () => {
  temp = await createTempDir('one-way-to-save');
  app = openTestServices(temp.path);
  register({ handle: (channel, invoke) => bound.set(channel, invoke), emit: () => {} }, app.services, {
    isTrustedSender: trustOrigin('app://regdesk'),
    log: { warn: () => {}, error: () => {} },
  });
});
afterAll(async () => {
  app?.close();
  await temp?.cleanup();
});

describe('the window has one way to save a registry or a secret', () => {
  it('the contract names none of the removed methods or channels', () => {
    const names = Object.values(channels).map((spec) => spec.channel);
    for (const [method, channel] of Object.entries(REMOVED)) {
      expect(Object.keys(channels)).not.toContain(method);
      expect(names).not.toContain(channel);
    }
  });

  it('main binds no handler for them, and binds registries:save', () => {
    expect(bound.has(channels.saveRegistry.channel)).toBe(true);
    for (const channel of Object.values(REMOVED)) expect(bound.has(channel)).toBe(false);
  });

  it('the preload API offers no function for them', () => {
    const api = buildApi({ invoke: async () => ({ ok: true, data: undefined }), subscribe: () => () => {} });
    for (const method of Object.keys(REMOVED)) expect(api).not.toHaveProperty(method);
  });
});
