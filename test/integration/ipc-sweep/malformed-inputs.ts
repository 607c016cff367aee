import fc from 'fast-check';

/**
 * Values the renderer could send over Electron IPC. ipcRenderer.invoke serializes with the
 * structured clone algorithm: plain data, Date, typed arrays, Map, Set, BigInt and boxed
 * primitives cross; functions, getters, toJSON and prototypes do not. Every generated value is
 * passed through structuredClone, so main sees exactly what it would see from a real window.
 */

export const ONE_MIB_STRING = 'x'.repeat(1024 * 1024 + 1);
const TEN_KIB_KEY = 'k'.repeat(10 * 1024);

export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

const hostileStrings = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\t\n',
    '../../etc/passwd',
    '..\\..\\Windows\\System32\\config',
    '/etc/passwd',
    'a\u0000b',
    '\u0000',
    '\u001b[31mred\u001b[0m',
    '\u202egnp.exe',
    '%00',
    'not-a-uuid',
    '7b0c6a8e-3f5d-4c61-9a2e-2d7f0b7c9e4g',
    '{{7*7}}',
    '${process.env}',
    ...PROTOTYPE_KEYS,
    ONE_MIB_STRING,
  ),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

const hostileNumbers = fc.oneof(
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1, -0, 0.5, 1e308, 2 ** 53 + 2, Number.MIN_VALUE),
  fc.double(),
  fc.integer({ min: -1_000_000, max: -1 }),
);

/** Arrays nested this deep are legal to clone and a classic way to blow a recursive parser. */
const deepNesting = fc.integer({ min: 100, max: 2000 }).map((depth) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { nested: value };
  return value;
});

const objectKeys = fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS, 'id', 'type', 'name', 'content', 'runId'), fc.string({ maxLength: 12 }));

/** Anything structured clone carries, prototype-pollution keys included. */
export const anyClonable = fc.anything({
  key: objectKeys,
  maxDepth: 4,
  maxKeys: 6,
  values: [hostileStrings, hostileNumbers, fc.boolean(), fc.constant(null), fc.constant(undefined)],
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withTypedArray: true,
  withSparseArray: true,
});

/** A value put where a valid one was. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileStrings, weight: 4 },
  { arbitrary: hostileNumbers, weight: 3 },
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.bigInt(),
  fc.date({ noInvalidDate: false }),
  fc.uint8Array({ maxLength: 16 }),
  fc.constant([]),
  fc.constant({}),
  deepNesting,
  anyClonable,
);

/** The name of a key that should not be there. */
export const unknownKey = fc.oneof(
  fc.constantFrom(...PROTOTYPE_KEYS, 'password', 'secretAccessKey', 'isAdmin', TEN_KIB_KEY, '\u0000', '\u001b[2J'),
  fc.string({ minLength: 1, maxLength: 16 }),
);

type Path = ReadonlyArray<string | number>;

/** Every place in a value a mutation can hit: the root, and each key of each object or array in it. */
export function pathsOf(value: unknown, path: Path = []): Path[] {
  const paths: Path[] = [path];
  if (Array.isArray(value)) value.forEach((item, i) => paths.push(...pathsOf(item, [...path, i])));
  else if (isPlainObject(value)) for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...path, key]));
  return paths;
}

export type Mutation =
  | { kind: 'drop'; pick: number }
  | { kind: 'replace'; pick: number; value: unknown }
  | { kind: 'add-key'; pick: number; key: string; value: unknown }
  | { kind: 'wrap'; how: 'array' | 'json' | 'nested' };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), pick: fc.nat() }),
  { arbitrary: fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), value: hostileValue }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('add-key' as const), pick: fc.nat(), key: unknownKey, value: hostileValue }), weight: 2 },
  fc.record({ kind: fc.constant('wrap' as const), how: fc.constantFrom('array' as const, 'json' as const, 'nested' as const) }),
);

/** Applies a mutation to a copy of a valid input; the caller keeps only what the schema refuses. */
export function mutate(valid: unknown, change: Mutation): unknown {
  const root = structuredClone(valid);
  if (change.kind === 'wrap') {
    if (change.how === 'array') return [root];
    if (change.how === 'json') return JSON.stringify(root ?? null);
    return { input: root };
  }
  const paths = pathsOf(root);
  if (change.kind === 'add-key') {
    const objects = paths.filter((p) => isPlainObject(at(root, p)));
    if (objects.length === 0) return { [change.key]: change.value };
    defineOwn(at(root, objects[change.pick % objects.length]!) as object, change.key, change.value);
    return root;
  }
  if (change.kind === 'drop') {
    const keys = paths.filter((p) => p.length > 0);
    if (keys.length === 0) return change.pick % 2 ? null : {};
    const path = keys[change.pick % keys.length]!;
    delete (at(root, path.slice(0, -1)) as Record<string | number, unknown>)[path.at(-1)!];
    return root;
  }
  const path = paths[change.pick % paths.length]!;
  if (path.length === 0) return change.value;
  defineOwn(at(root, path.slice(0, -1)) as object, path.at(-1)!, change.value);
  return root;
}

function at(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root);
}

/** Own data property even for "__proto__", which plain assignment would turn into a prototype change. */
function defineOwn(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value) && !(value instanceof Date);
}

/** What the window's IPC would deliver; undefined when structured clone refuses the value. */
export function overTheWire(value: unknown): { value: unknown } | undefined {
  try {
    return { value: structuredClone(value) };
  } catch {
    return undefined;
  }
}
