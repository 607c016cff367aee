// A draft from someone else can never turn the Terraform export into code. Every
// accepted hostile draft is exported and read back by a real HCL parser (@cdktf/hcl2json).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { heredocMarker, renderHcl, attr, text } from '../../../../../main/services/export/hcl';
import { renderTerraform } from '../../../../../main/services/export/terraform';
import { parseDraftFile } from '../../../../../main/services/export/parse-draft-file';
import { CaPemInputSchema } from '../../../../../shared/model/ca-pem';
import { DRAFT_FILE_FORMAT } from '../../../../../shared/model/draft-file';
import { RegistryRecordSchema, type RegistryRecord } from '../../../../../shared/model/registry';
import { RegistryDraftSchema, type RegistryDraft } from '../../../../../shared/model/registry-draft';
import { AppErrorException } from '../../../../../shared/errors';
import { GOLDEN_CA_PEM } from '../../../../fixtures/export-variants';
import { parseHcl as parse } from '../../../../fixtures/hcl-parser';

const PAYLOAD = 'resource "terraform_data" "pwn" {\n  provisioner "local-exec" {\n    command = "touch /tmp/pwned"\n  }\n}';
/** The draft from the issue: the CA closes both markers the old writer could choose, then goes on as HCL. */
const ISSUE_CA = `${GOLDEN_CA_PEM}EOT\nEOT_PEM\n${PAYLOAD}\n`;

const FRAGMENTS = [
  '\nEOT\n',
  '\nEOT_PEM\n',
  '\n    EOT_1\n',
  '\r\nEOT\r\n',
  `\n${PAYLOAD}\n`,
  '${file("/etc/passwd")}',
  '%{ if true }x%{ endif }',
  '"',
  '\\',
  '}\n',
  '\u001b]0;pwned\u0007',
  '\u202e',
  '\u200b',
  '\u0000',
  '-----END CERTIFICATE-----\n',
  '-----BEGIN CERTIFICATE-----\n',
  '-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49\n-----END PRIVATE KEY-----\n',
];
const hostile = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 })), { maxLength: 6 })
  .map((parts) => parts.join(''));
const caText = fc.oneof(
  fc.constant(ISSUE_CA),
  hostile,
  hostile.map((h) => `${GOLDEN_CA_PEM}${h}`),
  fc.tuple(hostile, hostile).map(([a, b]) => `${a}\n${GOLDEN_CA_PEM}${b}`),
  hostile.map((h) => GOLDEN_CA_PEM.replace('\n', `\n${h}\n`)),
);
const hostileDraft = fc.record({
  type: fc.constantFrom('basic', 'ecr'),
  name: fc.oneof(fc.constant('harbor'), hostile),
  scope: fc.constantFrom('system', 'tenant'),
  endpoint: fc.oneof(
    fc.constant('harbor.example.test'),
    hostile.map((h) => `harbor.example.test/${h}`),
    hostile,
  ),
  baseContentPath: fc.oneof(fc.constant('packs'), hostile),
  username: fc.oneof(fc.constant('robot$x'), hostile),
  isPrivate: fc.boolean(),
  awsAuth: fc.constant({ method: 'sts', roleArn: 'arn:aws:iam::123456789012:role/palette', externalId: 'ext-id' }),
  tls: fc.record({ insecureSkipVerify: fc.boolean(), caPem: caText }),
});

const ATTRIBUTES = new Set([
  'name',
  'type',
  'endpoint',
  'is_private',
  'provider_type',
  'is_synchronization',
  'base_content_path',
  'credentials',
]);
const CREDENTIALS = new Set(['credential_type', 'username', 'password', 'access_key', 'secret_key', 'arn', 'external_id', 'tls_config']);
/** The exporter's own top-level blocks, terraform and provider included (docs/palette-api.md#terraform-provider). */
const TOP_LEVEL = new Set(['resource', 'variable', 'terraform', 'provider']);
const unescape = (value: unknown) =>
  String(value)
    .replace(/\$\$\{/g, '${')
    .replace(/%%\{/g, '%{');

function record(draft: RegistryDraft, i: number): RegistryRecord {
  const at = '2026-01-01T00:00:00.000Z';
  return RegistryRecordSchema.parse({ ...draft, id: `r${i}`, createdAt: at, updatedAt: at });
}

/** Only what the exporter writes: its resources with their own attributes, its own variables, no other code. */
async function expectOnlyRegistries(records: RegistryRecord[]) {
  let content: string;
  try {
    content = renderTerraform(records, { exportedAt: '2026-01-01T00:00:00.000Z' }).content;
  } catch (error) {
    // A registry the provider cannot manage (public ECR, another AWS partition) refuses the whole file: nothing is written.
    if (error instanceof AppErrorException && error.appError.code === 'TERRAFORM_CANNOT_CARRY') return;
    throw error;
  }
  const json = await parse('export.tf', content);
  for (const key of Object.keys(json)) expect(TOP_LEVEL).toContain(key);
  const resources = json['resource'] as Record<string, Record<string, Array<Record<string, unknown>>>>;
  expect(Object.keys(resources)).toEqual(['spectrocloud_registry_oci']);
  const bodies = Object.values(resources['spectrocloud_registry_oci']!).map((list) => {
    expect(list).toHaveLength(1);
    return list[0]!;
  });
  expect(bodies).toHaveLength(records.length);
  // The parser orders resources by label: compare what each says, not where it stands.
  const written = bodies.map((body) => {
    for (const key of Object.keys(body)) expect(ATTRIBUTES).toContain(key);
    const [credentials] = body['credentials'] as Array<Record<string, unknown>>;
    for (const key of Object.keys(credentials!)) expect(CREDENTIALS).toContain(key);
    const [tls] = credentials!['tls_config'] as Array<Record<string, unknown>>;
    expect(Object.keys(tls!).every((key) => key === 'certificate' || key === 'insecure_skip_verify')).toBe(true);
    return JSON.stringify([unescape(body['name']), tls!['certificate'] ?? null]);
  });
  expect(written.sort()).toEqual(records.map((r) => JSON.stringify([r.name, r.tls.caPem ?? null])).sort());
  // The exporter's own variables: the provider's sign-in, and one per registry secret.
  for (const name of Object.keys((json['variable'] as object | undefined) ?? {}))
    expect(name).toMatch(/^palette_(host|api_key)$|_(password|secret_key)$/);
}

describe('Terraform export of hostile drafts', () => {
  it('refuses or re-encodes the CA of the issue, so its HCL never reaches the export', { timeout: 20_000 }, async () => {
    const draft = RegistryDraftSchema.safeParse({
      type: 'basic',
      name: 'harbor',
      scope: 'system',
      endpoint: 'harbor.example.test',
      tls: { insecureSkipVerify: false, caPem: ISSUE_CA },
    });
    if (draft.success) {
      expect(draft.data.tls.caPem).toBe(GOLDEN_CA_PEM);
      await expectOnlyRegistries([record(draft.data, 0)]);
    }
    const file = JSON.stringify({ format: DRAFT_FILE_FORMAT, version: 1, registries: [{ ...draft.data, tls: { caPem: ISSUE_CA } }] });
    expect(JSON.stringify(parseDraftFile(file).drafts)).not.toContain('terraform_data');
  });

  it('holds for any accepted draft: only spectrocloud_registry_oci resources and the exporter’s variables', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostileDraft, { minLength: 1, maxLength: 3 }), async (drafts) => {
        const accepted = drafts.flatMap((d) => {
          const parsed = RegistryDraftSchema.safeParse(d);
          return parsed.success ? [parsed.data] : [];
        });
        fc.pre(accepted.length > 0);
        await expectOnlyRegistries(accepted.map(record));
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it('keeps of any CA text only canonical certificates, or refuses it naming the field', () => {
    fc.assert(
      fc.property(caText, (ca) => {
        const parsed = CaPemInputSchema.safeParse(ca);
        if (!parsed.success) return;
        expect(parsed.data).toMatch(/^(-----BEGIN CERTIFICATE-----\n([A-Za-z0-9+/=]{1,64}\n)+-----END CERTIFICATE-----\n)*$/);
      }),
    );
    const draft = RegistryDraftSchema.safeParse({
      type: 'basic',
      name: 'h',
      scope: 'system',
      endpoint: 'h.example',
      tls: { caPem: 'EOT\nx' },
    });
    expect(draft.error?.issues[0]?.path).toEqual(['tls', 'caPem']);
  });
});

describe('heredoc marker', () => {
  it('is one that no line of the value is', async () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('EOT', '  EOT', 'EOT_1', 'EOT_2\t', 'x', ''), { maxLength: 8 }), (lines) => {
        const marker = heredocMarker(lines.join('\n'));
        expect(lines.map((l) => l.trim())).not.toContain(marker);
      }),
    );
    const value = 'a\nEOT\n  EOT_1\nEOT_PEM\nb = 1\n';
    const hcl = renderHcl([attr('v', text(value))]);
    expect(await parse('v.tf', hcl)).toEqual({ v: value });
  });

  it('is never used for text a heredoc cannot hold', () => {
    expect(text('a\r\nEOT\r\n')).toEqual({ kind: 'string', value: 'a\r\nEOT\r\n' });
  });
});
