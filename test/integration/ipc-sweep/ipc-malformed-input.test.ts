import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, type MethodName } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import { ID_KEYS, ipcSamples, type ChannelSample } from '../../fixtures/ipc-samples';
import { anyClonable, mutate, mutation, overTheWire, pathsOf } from './malformed-inputs';
import { setNetworkTripwire, type NetworkTripwire } from './network-tripwire';
import { openSweepWorld, type SweepWorld } from './sweep-world';

// Every channel of the contract, discovered from it, so a channel added later is swept too.
const methods = Object.keys(channels) as MethodName[];

// Runs per channel, tuned so the file takes seconds on two cores.
const ANYTHING_RUNS = 150;
const MUTATION_RUNS = 300;
const UNKNOWN_ID_RUNS = 30;

let world: SweepWorld;
let tripwire: NetworkTripwire;
const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();
const cleanPrototype = prototypeKeys();

beforeAll(async () => {
  tripwire = setNetworkTripwire();
  world = await openSweepWorld();
});
afterAll(async () => {
  tripwire?.restore();
  await world?.close();
});

function sampleOf(method: MethodName): ChannelSample<MethodName> {
  const sample: ChannelSample<MethodName> | undefined = ipcSamples[method];
  if (!sample) throw new Error(`test/fixtures/ipc-samples.ts has no sample for ${method}`);
  return sample;
}

/** A refusal as the window must get it: plain data, a stable code, one short sentence. */
function expectCleanRefusal(result: Result<unknown>, code: string): void {
  expect(result).toMatchObject({ ok: false, error: { code } });
  if (result.ok) return;
  const { message, remedy, field } = result.error;
  expect(typeof message).toBe('string');
  expect(message.trim()).not.toBe('');
  expect(message.length).toBeLessThanOrEqual(400);
  expect(message).not.toMatch(/\n\s+at |\[object \w+\]|ZodError|TypeError/);
  // eslint-disable-next-line no-control-regex -- the point is that none gets through
  expect(`${message}${field ?? ''}${remedy ?? ''}`).not.toMatch(/[\u0000-\u001f\u007f]/);
  if (field !== undefined) expect(field.length).toBeLessThanOrEqual(200);
  for (const canary of world.canaries) expect(JSON.stringify(result)).not.toContain(canary);
}

/** What every sweep of one channel must leave behind: the store byte for byte, no dialog, no event, no connection. */
async function expectUntouched(before: Record<string, string>): Promise<void> {
  expect(await world.fingerprint()).toEqual(before);
  expect(world.dialogs).toEqual([]);
  expect(world.emitted).toEqual([]);
  expect(tripwire.attempts).toEqual([]);
  expect(prototypeKeys()).toEqual(cleanPrototype);
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
}

describe('the IPC contract samples', () => {
  it('register() binds every channel of the contract', () => {
    expect(world.bound.sort()).toEqual(methods.map((m) => channels[m].channel).sort());
  });

  it.each(methods)('%s has a valid sample that lists every registry id it holds', (method) => {
    const sample = sampleOf(method);
    const valid = sample.valid(world.store);
    const parsed = channels[method].input.safeParse(valid);
    expect(parsed.success, parsed.error?.message).toBe(true);
    const holdsId = (path: ReadonlyArray<string | number>) =>
      typeof at(valid, path) === 'string' &&
      (ID_KEYS.has(String(path.at(-1))) || (typeof path.at(-1) === 'number' && ID_KEYS.has(String(path.at(-2)))));
    const idPaths = pathsOf(valid)
      .filter(holdsId)
      .map((path) => path.join('.'));
    expect([...(sample.idPaths ?? [])].sort()).toEqual(idPaths.sort());
  });
});

describe('malformed input on every channel', () => {
  it.each(methods)('%s answers INVALID_INPUT and changes nothing', async (method) => {
    const schema = channels[method].input;
    const valid = sampleOf(method).valid(world.store);
    const refusedBySchema = (value: unknown) => !schema.safeParse(value).success;
    const wire = <T>(arbitrary: fc.Arbitrary<T>) =>
      arbitrary
        .map(overTheWire)
        .filter((sent): sent is { value: unknown } => sent !== undefined && refusedBySchema(sent.value))
        .map((sent) => sent.value);
    const before = await world.fingerprint();

    const check = async (input: unknown) => {
      let result: Result<unknown>;
      try {
        result = await world.invoke(method, input);
      } catch (error) {
        throw new Error(`${method}: the invoke rejected instead of answering`, { cause: error });
      }
      expectCleanRefusal(result, 'INVALID_INPUT');
    };
    await fc.assert(fc.asyncProperty(wire(anyClonable), check), { numRuns: ANYTHING_RUNS });
    await fc.assert(fc.asyncProperty(wire(mutation.map((change) => mutate(valid, change))), check), { numRuns: MUTATION_RUNS });
    await expectUntouched(before);
    expect(world.logged).toEqual([]);
  });
});

describe('valid input that this store must refuse', () => {
  const idTaking = methods.filter((m) => (ipcSamples[m]?.idPaths ?? []).length > 0);
  const withHostile = methods.filter((m) => ipcSamples[m]?.hostile !== undefined);

  it('sweeps the id-taking channels', () => {
    // A guard against a samples table that silently lost its ids.
    expect(idTaking.length).toBeGreaterThanOrEqual(10);
  });

  it.each(idTaking)('%s answers REGISTRY_NOT_FOUND for ids the store does not hold', async (method) => {
    const sample = sampleOf(method);
    const valid = sample.valid(world.store);
    const stored = new Set([world.store.basicId, world.store.ecrId]);
    const { basicId } = world.store;
    const unknownId = fc
      .oneof(
        fc.uuid(),
        fc.constantFrom(
          '__proto__',
          'constructor',
          'prototype',
          'toString',
          'hasOwnProperty',
          '../../etc/passwd',
          '..',
          '*',
          'registries',
          'secrets',
          basicId.toUpperCase(),
          ` ${basicId}`,
          `${basicId}\n`,
          basicId.slice(0, -1),
          `${basicId}\u0000`,
        ),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 64 }),
      )
      .filter((id) => id.length >= 1 && id.length <= 64 && !stored.has(id));
    const before = await world.fingerprint();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...sample.idPaths!), unknownId, async (path, id) => {
        const input = withValueAt(valid, path, id);
        expect(channels[method].input.safeParse(input).success).toBe(true);
        expectCleanRefusal(await world.invoke(method, input), 'REGISTRY_NOT_FOUND');
      }),
      { numRuns: UNKNOWN_ID_RUNS },
    );
    await expectUntouched(before);
    expect(world.logged).toEqual([]);
  });

  it.each(withHostile)('%s refuses requests this store cannot carry out, with their own code', async (method) => {
    const before = await world.fingerprint();
    for (const { why, input, code } of sampleOf(method).hostile!(world.store)) {
      expect(channels[method].input.safeParse(input).success, why).toBe(true);
      const result = await world.invoke(method, input);
      expect(result, why).toMatchObject({ ok: false, error: { code } });
      expectCleanRefusal(result, code);
    }
    await expectUntouched(before);
    expect(world.logged).toEqual([]);
  });
});

function at(root: unknown, path: ReadonlyArray<string | number>): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root);
}

function withValueAt(valid: unknown, dotted: string, value: unknown): unknown {
  const copy = structuredClone(valid);
  const path = dotted.split('.').map((key) => (/^\d+$/.test(key) ? Number(key) : key));
  (at(copy, path.slice(0, -1)) as Record<string | number, unknown>)[path.at(-1)!] = value;
  return copy;
}
