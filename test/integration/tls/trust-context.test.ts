// The shared TLS contexts: one per CA set, reused, and trusting exactly what trustedCaCertificates says.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { connect, type SecureContext } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registryTrust, trustedSecureContext } from '../../../main/services/tls/trust';
import { createPki, type Pki } from '../../fixtures/pki';
import { createTempDir, type TempDir } from '../../fixtures/temp-dir';

let dir: TempDir;
let pki: Pki;
let other: Pki;
let server: Server;
let port: number;

beforeAll(async () => {
  dir = await createTempDir('trust-context');
  pki = await createPki(`${dir.path}/a`);
  other = await createPki(`${dir.path}/b`);
  server = createServer({ cert: await readFile(pki.leaf.fullchain), key: await readFile(pki.leaf.key) }, (_req, res) => res.end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await dir.cleanup();
});

function handshake(secureContext: SecureContext): Promise<{ authorized: boolean; error: string | undefined }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, servername: 'localhost', secureContext, rejectUnauthorized: false }, () => {
      const error = socket.authorizationError;
      resolve({ authorized: socket.authorized, error: error === null ? undefined : String(error) });
      socket.destroy();
    });
    socket.once('error', reject);
  });
}

describe('trustedSecureContext', () => {
  it('builds one context per CA set and hands the same one back', () => {
    const first = trustedSecureContext({ caPem: pki.root.certPem });
    expect(trustedSecureContext({ caPem: pki.root.certPem })).toBe(first);
    expect(trustedSecureContext({ caPem: other.root.certPem })).not.toBe(first);
    expect(trustedSecureContext({ caPem: pki.root.certPem, trustOnlySupplied: true })).not.toBe(first);
    expect(trustedSecureContext({})).not.toBe(first);
  });

  it('trusts the supplied CA, and nothing it did not issue when told to trust only it', async () => {
    expect(await handshake(trustedSecureContext({ caPem: pki.root.certPem }))).toEqual({ authorized: true, error: undefined });
    expect(await handshake(trustedSecureContext({ caPem: pki.root.certPem, trustOnlySupplied: true }))).toEqual({
      authorized: true,
      error: undefined,
    });
    const wrongCa = await handshake(trustedSecureContext({ caPem: other.root.certPem, trustOnlySupplied: true }));
    expect(wrongCa.authorized).toBe(false);
    expect(wrongCa.error).toMatch(/UNABLE_TO_GET_ISSUER_CERT|SELF_SIGNED|UNABLE_TO_VERIFY/);
    // The system and Node roots do not know a CA made for this test run.
    expect((await handshake(trustedSecureContext({}))).authorized).toBe(false);
  });
});

describe('registryTrust', () => {
  it('checks the registry against the supplied CA alone until told to widen, then against everything', async () => {
    const trust = registryTrust({ caPem: pki.root.certPem });
    expect(trust.registry()).toBe(trustedSecureContext({ caPem: pki.root.certPem, trustOnlySupplied: true }));
    expect(trust.full()).toBe(trustedSecureContext({ caPem: pki.root.certPem }));
    expect((await handshake(trust.registry())).authorized).toBe(true);
    expect(trust.widen()).toBe(true);
    expect(trust.registry()).toBe(trust.full());
    expect(trust.widen()).toBe(false);
  });

  it('has nothing narrower without a supplied CA, or when only the supplied CA is trusted anyway', () => {
    const none = registryTrust({});
    expect(none.registry()).toBe(none.full());
    expect(none.widen()).toBe(false);
    const only = registryTrust({ caPem: other.root.certPem, trustOnlySupplied: true });
    expect(only.registry()).toBe(only.full());
    expect(only.widen()).toBe(false);
  });
});
