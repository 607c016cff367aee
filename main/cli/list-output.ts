import { expiryWarnings } from '../../shared/expiry';
import type { RegistrySummary } from '../../shared/model/registry';
import { tlsPosture, type TlsPosture } from '../../shared/tls-posture';
import { quoted } from './io';

/** `regdesk list` as a table: one line a registry, columns padded to the widest cell. */
export function formatTable(registries: RegistrySummary[]): string {
  if (registries.length === 0) return 'No pack registries stored.\n';
  const header = ['NAME', 'SCOPE', 'TYPE', 'ENDPOINT', 'BASE PATH', 'TLS', 'VALIDATION'];
  const rows = registries.map((r) => [
    r.name,
    r.scope,
    r.type === 'ecr' ? 'OCI/ECR' : 'OCI/Basic',
    r.endpoint,
    r.baseContentPath || '-',
    postureLabel[tlsPosture(r.endpoint, r.tls)],
    validationCell(r.validation),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  return (
    [header, ...rows]
      .map((row) =>
        row
          .map((cell, i) => cell.padEnd(widths[i]!))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

/** A pass with warnings is not a clean pass (shared/model/verdict.ts): the table says so, as the window's badge does. */
function validationCell(validation: RegistrySummary['validation']): string {
  const warnings = validation.state === 'validated' ? (validation.warnings?.length ?? 0) : 0;
  if (warnings === 0) return validation.state;
  return `validated (${warnings} ${warnings === 1 ? 'warning' : 'warnings'})`;
}

const postureLabel: Record<TlsPosture, string> = {
  'skip-verify': 'skip-verify',
  'private-ca': 'private CA',
  system: 'system CAs',
  none: 'none (http)',
};

/**
 * One line per certificate that is expired or expires within EXPIRY_WARNING_DAYS days, with what
 * to do; empty when none does. Written to standard error, so the table stays parseable.
 */
export function expiryNotices(registries: RegistrySummary[], now: number): string {
  return registries
    .flatMap((r) =>
      expiryWarnings(r.tls, now).map((warning) => {
        const date = warning.validTo.slice(0, 10);
        const who = `${quoted(r.name)} (${r.scope})`;
        if (warning.which === 'ca') {
          return warning.state === 'expired'
            ? `warning: ${who}: its uploaded CA certificate expired on ${date}; validations that rely on it fail. Upload the renewed CA.\n`
            : `warning: ${who}: its uploaded CA certificate expires on ${date} (${inDays(warning.days)}). Upload the renewed CA before then.\n`;
        }
        return warning.state === 'expired'
          ? `warning: ${who}: the registry's certificate expired on ${date} (as its last validation saw it). Have it renewed, then validate again.\n`
          : `warning: ${who}: the registry's certificate expires on ${date} (${inDays(warning.days)}, as its last validation saw it). Have it renewed before then.\n`;
      }),
    )
    .join('');
}

function inDays(days: number): string {
  return days === 1 ? 'in 1 day' : `in ${days} days`;
}
