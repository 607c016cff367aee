// A private key handed to a CA field is refused by every schema a person or a draft file goes through.
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CaPemInputSchema } from '../../../../shared/model/ca-pem';
import { TlsTrustSchema } from '../../../../shared/model/connection';
import { DRAFT_FILE_FORMAT, DraftFileSchema } from '../../../../shared/model/draft-file';
import { RegistryDraftSchema } from '../../../../shared/model/registry-draft';
import { RegistryRecordSchema } from '../../../../shared/model/registry';
import { GOLDEN_CA_PEM } from '../../../fixtures/export-variants';

const CA = GOLDEN_CA_PEM;
const pemOf = (label: string, der: Buffer) => `-----BEGIN ${label}-----\n${der.toString('base64')}\n-----END ${label}-----\n`;
const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const keys = [
  '-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49\n-----END PRIVATE KEY-----\n',
  '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\n',
  '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIA\n-----END EC PRIVATE KEY-----\n',
  '-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHDBOBgkq\n-----END ENCRYPTED PRIVATE KEY-----\n',
  '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEA\n-----END OPENSSH PRIVATE KEY-----\n',
  'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\n',
];

describe('CA certificates as supplied', () => {
  it('takes certificates and keeps them re-encoded, whatever their line ends, wrapping and surrounding text', () => {
    expect(CaPemInputSchema.parse(CA)).toBe(CA);
    expect(CaPemInputSchema.parse(CA + CA)).toBe(CA + CA);
    const body = CA.split('\n').slice(1, -2).join('');
    const messy = `subject=CN = Pack Registry Desk Golden Test CA\r\n  -----BEGIN X509 CERTIFICATE-----\r\n${body}\r\n-----END X509 CERTIFICATE-----  \r\n`;
    expect(CaPemInputSchema.parse(messy)).toBe(CA);
    expect(CaPemInputSchema.parse('  \n')).toBe('');
  });

  it.each([
    ['bare base64', CA.split('\n').slice(1, -2).join('\n')],
    ['junk', 'EOT\nresource "terraform_data" "x" {}\n'],
    ['a public key', pemOf('PUBLIC KEY', publicKey.export({ format: 'der', type: 'spki' }))],
    ['a key in DER inside a CERTIFICATE block', pemOf('CERTIFICATE', privateKey.export({ format: 'der', type: 'pkcs8' }))],
    ['a SEC1 key inside a CERTIFICATE block', pemOf('CERTIFICATE', privateKey.export({ format: 'der', type: 'sec1' }))],
    [
      'a certificate with bytes after it',
      pemOf('CERTIFICATE', Buffer.concat([Buffer.from(CA.split('\n').slice(1, -2).join(''), 'base64'), Buffer.from([0])])),
    ],
    ['a cut-short certificate', CA.replace('-----END CERTIFICATE-----\n', '')],
    ['a block that is not base64', CA.replace('MIIB4z', 'MIIB4*')],
    ['a certificate among other blocks', `${CA}${pemOf('PUBLIC KEY', publicKey.export({ format: 'der', type: 'spki' }))}`],
  ])('refuses %s', (_what, text) => {
    const result = CaPemInputSchema.safeParse(text);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/certificate|private key|base64|END line/i);
  });

  it('refuses a key handed over in any label', () => {
    const key = privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
    expect(CaPemInputSchema.safeParse(`${CA}${key.replace(/PRIVATE KEY/g, 'CERTIFICATE')}`).success).toBe(false);
  });

  it.each(keys.map((key) => [key.split('\n')[0], key]))('refuses a CA text holding %s', (_label, key) => {
    const result = CaPemInputSchema.safeParse(`${CA}${key}`);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/private key.*supply only the CA certificate/);
  });

  it('is refused with its field named by the draft, the validation request and the draft file', () => {
    const tls = { insecureSkipVerify: false, caPem: `${CA}${keys[0]}` };
    const draft = { type: 'basic', name: 'harbor', scope: 'system', endpoint: 'harbor.example', tls };
    expect(RegistryDraftSchema.safeParse(draft).error?.issues[0]?.path).toEqual(['tls', 'caPem']);
    expect(TlsTrustSchema.safeParse(tls).error?.issues[0]?.path).toEqual(['caPem']);
    const file = DraftFileSchema.safeParse({ format: DRAFT_FILE_FORMAT, version: 1, registries: [draft] });
    expect(file.success).toBe(false);
    expect(file.error?.issues.some((i) => i.path.join('.') === 'registries.0.tls.caPem')).toBe(true);
  });

  it('still reads a stored record that holds one, so an older store never becomes unreadable, keeping only its certificates', () => {
    const record = {
      id: 'r1',
      type: 'basic',
      name: 'harbor',
      scope: 'system',
      endpoint: 'harbor.example',
      tls: { insecureSkipVerify: false, caPem: `${CA}${keys[0]}` },
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    expect(RegistryRecordSchema.parse(record).tls.caPem).toBe(CA);
    const junk = RegistryRecordSchema.parse({ ...record, tls: { insecureSkipVerify: false, caPem: 'EOT\nEOT_PEM\n' } });
    expect(junk.tls.caPem).toBeUndefined();
  });
});
