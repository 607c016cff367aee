import { X509Certificate } from 'node:crypto';
import type { AppInfo } from '../../../shared/model/app-info';
import {
  AuthTypeSchema,
  DIAGNOSTICS_FORMAT,
  type AuthType,
  type DiagnosticsDocument,
  type DiagnosticsRegistry,
  type DiagnosticsReport,
  type StoreCheck,
} from '../../../shared/model/diagnostics';
import type { RegistryRecord, ValidationSummary } from '../../../shared/model/registry';
import type { SecretStatus } from '../../../shared/model/secrets';
import type { Settings } from '../../../shared/model/settings';
import { ValidationReportSchema } from '../../../shared/model/validation';
import type { ErrorCode } from '../../../shared/errors';
import { maskKeyId } from '../validation/ecr/aws-error-map';
import { describeEndpoint, parseEndpoint } from '../../../shared/endpoint';
import { summarizeCertificate } from '../tls/certificate-summary';
import { pemCertificates } from '../tls/trust';
import type { RuntimeFacts } from './runtime-facts';
import type { JournalEntry } from './validation-journal';

export const DIAGNOSTICS_NOTICE =
  'Diagnostics for a support request. Secrets, Authorization headers and private keys are left out or replaced by a [redacted: …] marker; read it before you send it.';

export interface DocumentSources {
  createdAt: string;
  info: AppInfo;
  runtime: RuntimeFacts;
  settings: Settings;
  records: readonly RegistryRecord[];
  validationById: ReadonlyMap<string, ValidationSummary>;
  secretsById: ReadonlyMap<string, SecretStatus[] | { problem: ErrorCode }>;
  reports: readonly JournalEntry[];
  finishedThisSession: number;
  storeChecks: readonly StoreCheck[];
}

/**
 * The diagnostics document, field by field from an allowlist: nothing here spreads a record or a
 * report, so a field added to either later stays out until it is named here. Redaction comes after.
 */
export function buildDiagnosticsDocument(sources: DocumentSources): DiagnosticsDocument {
  const { info, runtime } = sources;
  const { available, backend, persistent, description, policy, canOptIn } = info.secureStorage;
  const registries = sources.records.map((record) =>
    registryEntry(record, sources.validationById.get(record.id) ?? { state: 'never' }, sources.secretsById.get(record.id) ?? []),
  );
  return {
    format: DIAGNOSTICS_FORMAT,
    version: 1,
    createdAt: sources.createdAt,
    notice: DIAGNOSTICS_NOTICE,
    app: { name: info.name, version: info.version, host: info.host },
    runtime: runtime.versions,
    os: runtime.os,
    locale: runtime.locale,
    keychain: { available, backend, persistent, description, policy, canOptIn },
    storageNotices: info.storageNotices.map(({ code, message, remedy, backupPath, at }) => ({ code, message, remedy, backupPath, at })),
    storeChecks: sources.storeChecks.map(({ check, ok, problem, remedy }) => ({ check, ok, problem, remedy })),
    settings: { allowInsecureSecretStorage: sources.settings.allowInsecureSecretStorage },
    registryCounts: {
      total: registries.length,
      system: countByAuth(registries.filter((r) => r.scope === 'system')),
      tenant: countByAuth(registries.filter((r) => r.scope === 'tenant')),
    },
    registries,
    validationReports: { finishedThisSession: sources.finishedThisSession, reports: sources.reports.map(reportEntry) },
    redactions: { total: 0, byKind: {} },
  };
}

function countByAuth(registries: readonly DiagnosticsRegistry[]): Record<AuthType, number> {
  const counts = Object.fromEntries(AuthTypeSchema.options.map((type) => [type, 0])) as Record<AuthType, number>;
  for (const registry of registries) counts[registry.authType] += 1;
  return counts;
}

export function authTypeOf(record: RegistryRecord): AuthType {
  if (record.type === 'basic') return record.username ? 'basic' : 'anonymous';
  if (!record.isPrivate) return 'ecr-public';
  if (!record.awsAuth) return 'ecr-unconfigured';
  return record.awsAuth.method === 'sts' ? 'ecr-sts' : 'ecr-credentials';
}

function registryEntry(
  record: RegistryRecord,
  validation: ValidationSummary,
  secrets: SecretStatus[] | { problem: ErrorCode },
): DiagnosticsRegistry {
  const endpoint = parseEndpoint(record.endpoint);
  return {
    id: record.id,
    name: record.name,
    scope: record.scope,
    type: record.type,
    authType: authTypeOf(record),
    endpoint: endpoint.ok ? describeEndpoint(endpoint.endpoint) : record.endpoint,
    endpointValid: endpoint.ok,
    baseContentPath: record.baseContentPath,
    tls: {
      insecureSkipVerify: record.tls.insecureSkipVerify,
      trustOnlySuppliedCa: record.tls.trustOnlySuppliedCa ?? false,
      ...trustedCas(record.tls.caPem),
    },
    ...(record.type === 'ecr' ? { aws: awsEntry(record) } : {}),
    ...(Array.isArray(secrets)
      ? { secrets: secrets.map(({ field, stored, where, usable }) => ({ field, stored, ...(where ? { where } : {}), usable })) }
      : { secrets: [], secretsProblem: secrets.problem }),
    lastValidation: lastValidation(record, validation),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

/** The CA certificates by subject and fingerprint. Any other PEM block (a key pasted along) is only counted. */
function trustedCas(caPem: string | undefined): Pick<DiagnosticsRegistry['tls'], 'caCertificates' | 'otherPemBlocksLeftOut'> {
  if (!caPem) return { caCertificates: [], otherPemBlocksLeftOut: 0 };
  const certificates = pemCertificates(caPem).map((pem) => {
    const { subject, issuer, fingerprintSha256, validTo, isCa } = summarizeCertificate(new X509Certificate(pem));
    return { subject, issuer, fingerprintSha256, validTo, isCa };
  });
  const blocks = caPem.match(/-----BEGIN [^-\r\n]{1,64}-----/g)?.length ?? 0;
  return { caCertificates: certificates, otherPemBlocksLeftOut: Math.max(0, blocks - certificates.length) };
}

function awsEntry(record: Extract<RegistryRecord, { type: 'ecr' }>): NonNullable<DiagnosticsRegistry['aws']> {
  const auth = record.awsAuth;
  if (!auth) return { protected: record.isPrivate };
  if (auth.method === 'credentials')
    return { protected: record.isPrivate, method: 'credentials', accessKeyId: maskKeyId(auth.accessKeyId) };
  return { protected: record.isPrivate, method: 'sts', roleArn: auth.roleArn, externalIdSet: auth.externalId !== '' };
}

/** The state against the current configuration, and the verdict of each step of the stored report. */
function lastValidation(record: RegistryRecord, validation: ValidationSummary): DiagnosticsRegistry['lastValidation'] {
  const last = record.lastValidation;
  const report = last?.report === undefined ? undefined : ValidationReportSchema.safeParse(last.report);
  return {
    state: validation.state,
    ...(validation.at ? { at: validation.at } : {}),
    ...(last ? { ok: last.ok } : {}),
    ...(report?.success
      ? { steps: report.data.steps.map((s) => ({ id: s.id, status: s.status, ...(s.problem ? { code: s.problem.code } : {}) })) }
      : {}),
  };
}

function reportEntry(entry: JournalEntry): DiagnosticsReport {
  const { report } = entry;
  return {
    seq: entry.seq,
    finishedAt: entry.finishedAt,
    source: entry.source,
    ...(entry.registry ? { registry: { id: entry.registry.id, name: entry.registry.name, scope: entry.registry.scope } } : {}),
    ok: report.ok,
    endpoint: report.endpoint,
    startedAt: report.startedAt,
    durationMs: report.durationMs,
    proxy: report.proxy,
    steps: report.steps.map((step) => ({
      id: step.id,
      title: step.title,
      status: step.status,
      durationMs: step.durationMs,
      observed: [...step.observed],
      ...(step.problem
        ? {
            problem: {
              code: step.problem.code,
              message: step.problem.message,
              ...(step.problem.remedy ? { remedy: step.problem.remedy } : {}),
              ...(step.problem.field ? { field: step.problem.field } : {}),
            },
          }
        : {}),
    })),
    presentedChain: report.presentedChain.map(({ subject, issuer, fingerprintSha256, validTo, isCa, selfSigned }) => ({
      subject,
      issuer,
      fingerprintSha256,
      validTo,
      isCa,
      selfSigned,
    })),
    packCount: report.packCount,
    packs: report.packs.map((p) => ({ name: p.name, versions: [...p.versions] })),
    ...(report.ecrTokenExpiresAt ? { ecrTokenExpiresAt: report.ecrTokenExpiresAt } : {}),
  };
}
