// Every code in the error catalogue is one the app can actually report, or is named here with the
// reason it stays: codes are stable (scripts read them from `regdesk --json`), so a code nothing
// raises is kept rather than deleted, but never silently.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCatalog } from '../../../shared/errors';

const root = resolve(import.meta.dirname, '../../..');
/** Where a code can be raised: the product, and the harness (a host of the same services). */
const RAISING_DIRS = ['main', 'shared', 'renderer', 'preload', 'test/harness'];
/** The catalogue itself: a code's own entry is not a use of it. */
const CATALOGUE = /^shared\/([a-z]+-)?errors\.ts$/;

const RESERVED: Record<string, string> = {
  AUTH_REALM_OTHER_HOST: "the auth step names the token service's origin in what it observed",
  CERT_CA_MISMATCH: 'the TLS step says where the chain ends in what it observed',
  PUBLISH_SYNC_FAILED: "a failed sync is reported as a sync state with Palette's own message",
};

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(root, path)).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) && !CATALOGUE.test(path) ? [path] : [];
  });
}

describe('the error catalogue', () => {
  const text = RAISING_DIRS.flatMap(sources)
    .map((path) => readFileSync(join(root, path), 'utf8'))
    .join('\n');
  const raised = (code: string) => new RegExp(`\\b${code}\\b`).test(text);

  it('holds only codes something raises, or reserved ones with their reason', () => {
    const unraised = Object.keys(errorCatalog).filter((code) => !raised(code));
    expect(unraised.sort()).toEqual(Object.keys(RESERVED).sort());
  });

  it('reserves only codes that are still in the catalogue and still unraised', () => {
    for (const code of Object.keys(RESERVED)) {
      expect(errorCatalog).toHaveProperty(code);
      expect(raised(code)).toBe(false);
    }
  });
});
