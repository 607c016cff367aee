import type { ValidationRequestInput } from '../../../../../shared/model/validation';

/** One value the form holds differently from when the shown result was computed. */
export interface ResultChange {
  /** How the sentence names it: "the endpoint". */
  label: string;
  /** What it was then, for values that may be shown (never a secret). */
  was?: string | undefined;
}

type Part = { label: string; read: (request: ValidationRequestInput) => unknown; shown?: boolean };

// In the order the form asks for them. Secrets are compared, never shown.
const PARTS: Part[] = [
  { label: 'the endpoint', read: (r) => r.endpoint.trim(), shown: true },
  { label: 'the base content path', read: (r) => (r.baseContentPath ?? '').trim(), shown: true },
  { label: 'the username', read: (r) => r.username ?? '', shown: true },
  { label: 'the password', read: (r) => r.password ?? '' },
  { label: 'the TLS settings', read: (r) => JSON.stringify(r.tls ?? {}) },
  { label: 'the AWS settings', read: (r) => JSON.stringify(r.ecr ?? null) },
];

/**
 * What changed in the form since a result was computed for `shown`: the result then speaks of
 * earlier values and must say so, or a failure for an old endpoint reads as one for the new.
 */
export function changesSince(shown: ValidationRequestInput, now: ValidationRequestInput): ResultChange[] {
  return PARTS.flatMap((part) => {
    const before = part.read(shown);
    if (before === part.read(now)) return [];
    return [{ label: part.label, ...(part.shown ? { was: String(before) } : {}) }];
  });
}

/** "Result for https://old:5000 — the endpoint has changed since". */
export function outdatedTitle(shown: ValidationRequestInput, changes: ResultChange[]): string {
  const labels = changes.map((change) => change.label);
  const list = labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
  const endpoint = shown.endpoint.trim() || 'an empty endpoint';
  return `Result for ${endpoint} — ${list} ${labels.length === 1 ? 'has' : 'have'} changed since`;
}

/** The earlier values that may be shown, for the line under the title: `base content path was “/acme”`. */
export function earlierValues(changes: ResultChange[]): string {
  return changes
    .filter((change) => change.was !== undefined && change.label !== 'the endpoint')
    .map((change) => `${change.label.replace(/^the /, '')} was “${change.was === '' ? '(empty)' : change.was}”`)
    .join('; ');
}
