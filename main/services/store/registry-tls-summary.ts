import type { RegistryRecord, TlsSummary, ValidationState } from '../../../shared/model/registry';
import { parsedPemCertificates } from '../tls/trust';

// Keyed by the PEM text: the list is rebuilt on every change of the store, and a thousand
// registries often share a handful of CAs. Bounded, so a store rewritten many times does not grow it.
const MAX_REMEMBERED = 2_000;
const caExpiry = new Map<string, string | undefined>();

/** The earliest expiry among the certificates of `caPem`, or undefined when none parses. */
function earliestExpiry(caPem: string): string | undefined {
  if (caExpiry.has(caPem)) return caExpiry.get(caPem);
  const times = parsedPemCertificates(caPem).map(({ cert }) => cert.validToDate.getTime());
  const earliest = times.length ? new Date(Math.min(...times)).toISOString() : undefined;
  if (caExpiry.size >= MAX_REMEMBERED) caExpiry.clear();
  caExpiry.set(caPem, earliest);
  return earliest;
}

/**
 * The registry's certificate as its last validation saw it (the first of the presented chain).
 * Only for the configuration now stored: after an edit the endpoint may be another server. The
 * report is stored as plain JSON (see RegistryRecord), so it is read defensively.
 */
function presentedLeafExpiry(record: RegistryRecord, state: ValidationState): string | undefined {
  if (state === 'stale' || state === 'never') return undefined;
  const report: unknown = record.lastValidation?.report;
  if (typeof report !== 'object' || report === null) return undefined;
  const chain = (report as { presentedChain?: unknown }).presentedChain;
  const leaf: unknown = Array.isArray(chain) ? chain[0] : undefined;
  const validTo = typeof leaf === 'object' && leaf !== null ? (leaf as { validTo?: unknown }).validTo : undefined;
  return typeof validTo === 'string' && !Number.isNaN(Date.parse(validTo)) ? new Date(validTo).toISOString() : undefined;
}

export function tlsSummary(record: RegistryRecord, state: ValidationState): TlsSummary {
  const caPem = record.tls.caPem ?? '';
  const caExpiresAt = caPem.trim() ? earliestExpiry(caPem) : undefined;
  const certificateExpiresAt = presentedLeafExpiry(record, state);
  return {
    skipVerify: record.tls.insecureSkipVerify,
    privateCa: caPem.trim() !== '',
    ...(caExpiresAt ? { caExpiresAt } : {}),
    ...(certificateExpiresAt ? { certificateExpiresAt } : {}),
  };
}
