// What the registry sections stand on: a throwaway folder and PKI, servers started on them, and
// everything stopped afterwards, whatever the section threw.
import { createPki, type Pki } from '../../test/fixtures/pki';
import { createTempDir } from '../../test/fixtures/temp-dir';

/** The one account every bench registry and token server knows. */
export const BENCH_USER = { username: 'alice', password: 'bench-password' };

export interface TlsScene {
  readonly dir: string;
  readonly pki: Pki;
  /** The leaf a bench server presents (full chain to the throwaway root). */
  readonly tls: { certificate: string; key: string };
  /** Stops (closes) these when the section ends, the latest first, before the folder goes. */
  readonly defer: (...cleanups: Array<() => Promise<void>>) => void;
}

export async function withTlsScene<T>(label: string, section: (scene: TlsScene) => Promise<T>): Promise<T> {
  const dir = await createTempDir(label);
  const cleanups: Array<() => Promise<void>> = [dir.cleanup];
  try {
    const pki = await createPki(dir.path);
    const tls = { certificate: pki.leaf.fullchain, key: pki.leaf.key };
    return await section({ dir: dir.path, pki, tls, defer: (...more) => cleanups.unshift(...more) });
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  }
}
