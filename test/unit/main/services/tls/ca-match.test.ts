// The match check: did the chosen CA issue the chain a server presents?
import { X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchSuppliedCa } from '../../../../../main/services/tls/ca-match';
import { createPki, type Pki } from '../../../../fixtures/pki';
import { createTempDir, type TempDir } from '../../../../fixtures/temp-dir';

let dir: TempDir;
let pki: Pki;
let otherPki: Pki;
let presented: X509Certificate[];

beforeAll(async () => {
  dir = await createTempDir('ca-match');
  [pki, otherPki] = await Promise.all([createPki(join(dir.path, 'one')), createPki(join(dir.path, 'other'))]);
  presented = [new X509Certificate(pki.leaf.certPem), new X509Certificate(pki.intermediate.certPem)];
});
afterAll(async () => dir.cleanup());

describe('matchSuppliedCa', () => {
  it('recognises the root that issued the intermediate, and the intermediate that issued the leaf', () => {
    expect(matchSuppliedCa(presented, pki.root.certPem)).toEqual({
      issuedByCa: true,
      message: "The chosen CA, Pack Registry Desk Test Root CA, issued Pack Registry Desk Test Intermediate CA, in the server's chain.",
    });
    // Sent by the server or not, the intermediate is what signed the leaf.
    for (const chain of [presented, presented.slice(0, 1)]) {
      expect(matchSuppliedCa(chain, pki.intermediate.certPem)?.message).toBe(
        "The chosen CA, Pack Registry Desk Test Intermediate CA, issued the server's certificate.",
      );
    }
    expect(matchSuppliedCa(presented, pki.leaf.certPem)?.message).toBe(
      "The chosen certificate, localhost, is the server's own certificate.",
    );
  });

  it("says where the chain ends when another PKI's root was chosen, even if it bears the same name", () => {
    // Both test PKIs name their roots alike: only the signature tells them apart.
    expect(matchSuppliedCa(presented, otherPki.root.certPem)).toEqual({
      issuedByCa: false,
      message:
        "This CA did not issue the server's certificate; the chain ends at O=Pack Registry Desk Tests, CN=Pack Registry Desk Test Intermediate CA, " +
        'issued by O=Pack Registry Desk Tests, CN=Pack Registry Desk Test Root CA. The chosen CA: Pack Registry Desk Test Root CA. ' +
        'It bears the issuer’s name but has another key: it is a different CA.',
    });
    // The fixture's common name itself ends in "(self-signed)".
    const selfSigned = [new X509Certificate(pki.selfSignedLeaf.certPem)];
    expect(matchSuppliedCa(selfSigned, pki.root.certPem)?.message).toMatch(
      /the chain ends at O=Pack Registry Desk Tests, CN=localhost \(self-signed\) \(self-signed\)\./,
    );
  });

  it('cannot tell when the server sends its leaf alone and the chosen CA did not sign it directly', () => {
    for (const caPem of [pki.root.certPem, otherPki.root.certPem]) {
      expect(matchSuppliedCa(presented.slice(0, 1), caPem)).toEqual({
        issuedByCa: null,
        message: expect.stringMatching(
          /^The server sends only its own certificate, issued by .*Intermediate CA, without that CA's certificate/,
        ),
      });
    }
  });

  it('has nothing to say without a certificate in the CA text', () => {
    expect(matchSuppliedCa(presented, 'not a certificate')).toBeNull();
  });
});
