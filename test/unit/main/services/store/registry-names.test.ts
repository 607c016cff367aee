// The name rules behind "names are unique per scope": which names clash, and the free name
// proposed for a copy or an import, cut to the 128-character limit without a dangling space.
import { describe, expect, it } from 'vitest';
import { firstFreeName, nameKey, scopedNameKey, ScopedNameIndex } from '../../../../../main/services/store/registry-names';

const copy = (n: number) => (n === 2 ? ' (copy)' : ` (copy ${n - 1})`);

describe('scopedNameKey', () => {
  it('is the same for one name however it is written, in one scope', () => {
    expect(scopedNameKey({ scope: 'tenant', name: ' Harbor ' })).toBe(scopedNameKey({ scope: 'tenant', name: 'HARBOR' }));
  });

  it('differs between the scopes, where the same name may be used twice', () => {
    expect(scopedNameKey({ scope: 'system', name: 'harbor' })).not.toBe(scopedNameKey({ scope: 'tenant', name: 'harbor' }));
  });

  it('keeps the scope apart from the name, so no name can pose as another scope', () => {
    expect(scopedNameKey({ scope: 'system', name: 'Harbor' })).toBe('system\u0000harbor');
  });
});

describe('nameKey', () => {
  it.each([
    ['Harbor', 'harbor'],
    ['  Harbor\t', 'harbor'],
    ['\nZOT Packs ', 'zot packs'],
    ['inner  spaces', 'inner  spaces'],
  ])('%j → %j', (name, key) => {
    expect(nameKey(name)).toBe(key);
  });

  it('makes names that differ only in case or surrounding spaces clash, and no others', () => {
    expect(nameKey('Harbor ')).toBe(nameKey(' harbor'));
    expect(nameKey('Harbor 2')).not.toBe(nameKey('Harbor'));
  });
});

describe('firstFreeName', () => {
  it('keeps the name when it is free, counting from the first', () => {
    expect(firstFreeName('Harbor', new Set(['zot']), (n) => ` (${n})`)).toBe('Harbor');
  });

  it('takes the first free suffix, comparing with the keys of the taken names', () => {
    expect(firstFreeName('Harbor', new Set(['harbor']), (n) => ` (${n})`)).toBe('Harbor (2)');
    expect(firstFreeName('Harbor', new Set(['harbor', 'harbor (2)', 'harbor (3)']), (n) => ` (${n})`)).toBe('Harbor (4)');
    expect(firstFreeName('Harbor', new Set(['harbor (copy)']), copy, 2)).toBe('Harbor (copy 2)');
  });

  it('starts at the given number: a copy is never named like its source', () => {
    expect(firstFreeName('Harbor', new Set(), copy, 2)).toBe('Harbor (copy)');
  });

  it('cuts a long name so name and suffix fit in 128 characters', () => {
    const long = 'a'.repeat(200);
    expect(firstFreeName(long, new Set(), (n) => ` (${n})`)).toBe('a'.repeat(128));
    const copied = firstFreeName(long, new Set(), copy, 2);
    expect(copied).toBe(`${'a'.repeat(121)} (copy)`);
    expect(copied).toHaveLength(128);
    const exact = 'b'.repeat(128);
    expect(firstFreeName(exact, new Set(), (n) => ` (${n})`)).toBe(exact);
    expect(firstFreeName(exact, new Set([exact]), (n) => ` (${n})`)).toBe(`${'b'.repeat(124)} (2)`);
  });

  it('trims the space a cut leaves at the end of the base, so the suffix stays single-spaced', () => {
    const base = `${'c'.repeat(120)} word and more`;
    expect(firstFreeName(base, new Set(), copy, 2)).toBe(`${'c'.repeat(120)} (copy)`);
    expect(firstFreeName('Harbor  ', new Set(['harbor']), (n) => ` (${n})`)).toBe('Harbor (2)');
  });

  it('sees a clash that only a cut makes', () => {
    const base = 'd'.repeat(130);
    const taken = new Set([nameKey('d'.repeat(128))]);
    expect(firstFreeName(base, taken, (n) => ` (${n})`)).toBe(`${'d'.repeat(124)} (2)`);
  });
});

describe('ScopedNameIndex', () => {
  const harbor = { id: 'h', scope: 'system' as const, name: 'Harbor' };

  it('finds a name taken by another registry, as scopedNameKey compares them, and not by the one being replaced', () => {
    const index = new ScopedNameIndex([harbor]);
    expect(index.takenByOther({ scope: 'system', name: ' harbor ' }, undefined)).toBe(true);
    expect(index.takenByOther({ scope: 'system', name: 'harbor' }, 'other')).toBe(true);
    expect(index.takenByOther({ scope: 'system', name: 'harbor' }, 'h')).toBe(false);
    expect(index.takenByOther({ scope: 'tenant', name: 'harbor' }, undefined)).toBe(false);
  });

  it('frees the old name when a registry is renamed, and takes the new one', () => {
    const index = new ScopedNameIndex([harbor]);
    index.set({ ...harbor, name: 'zot' });
    expect(index.takenByOther({ scope: 'system', name: 'Harbor' }, undefined)).toBe(false);
    expect(index.takenByOther({ scope: 'system', name: 'ZOT' }, undefined)).toBe(true);
  });

  it('frees every name of a repeated id when it is set, as a replacement takes the place of every copy', () => {
    const index = new ScopedNameIndex([harbor, { ...harbor, name: 'harbor-copy' }]);
    index.set({ ...harbor, name: 'zot' });
    expect(index.takenByOther({ scope: 'system', name: 'harbor' }, undefined)).toBe(false);
    expect(index.takenByOther({ scope: 'system', name: 'harbor-copy' }, undefined)).toBe(false);
  });
});
