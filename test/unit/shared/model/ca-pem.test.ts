// A private key handed to a CA field is refused by every schema a person or a draft file goes through.
import { describe, expect, it } from 'vitest';
import { CaPemInputSchema } from '../../../../shared/model/ca-pem';
import { TlsTrustSchema } from '../../../../shared/model/connection';
import { DRAFT_FILE_FORMAT, DraftFileSchema } from '../../../../shared/model/draft-file';
import { RegistryDraftSchema } from '../../../../shared/model/registry-draft';
import { RegistryRecordSchema } from '../../../../shared/model/registry';

const CA = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n';
const keys = [
  '-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49\n-----END PRIVATE KEY-----\n',
  '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\n',
  '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIA\n-----END EC PRIVATE KEY-----\n',
  '-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHDBOBgkq\n-----END ENCRYPTED PRIVATE KEY-----\n',
  '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEA\n-----END OPENSSH PRIVATE KEY-----\n',
  'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\n',
];

describe('CA certificates as supplied', () => {
  it('takes certificates', () => {
    expect(CaPemInputSchema.safeParse(CA).success).toBe(true);
    expect(CaPemInputSchema.safeParse(CA + CA).success).toBe(true);
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

  it('still reads a stored record that holds one, so an older store never becomes unreadable', () => {
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
    expect(RegistryRecordSchema.safeParse(record).success).toBe(true);
  });
});
