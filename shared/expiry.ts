/**
 * How far ahead the list and `regdesk list` warn of a certificate expiring: 30 days, the margin at
 * which Let's Encrypt advises renewing its 90-day certificates (every 60 days,
 * https://letsencrypt.org/docs/faq/). It leaves time to obtain a renewed CA or certificate and put
 * it in place before validations, and Palette's pack syncs, start failing.
 */
export const EXPIRY_WARNING_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

export type ExpiryState = 'valid' | 'expiring' | 'expired';

export interface Expiry {
  state: ExpiryState;
  /** Days left, rounded up ("in 10 days" until the last moment of the tenth); 0 or less once expired. */
  days: number;
}

/** Where a certificate that is valid until `validTo` (ISO date) stands at `now` (ms since the epoch). */
export function expiryOf(validTo: string, now: number): Expiry {
  const left = Date.parse(validTo) - now;
  const days = Math.ceil(left / DAY_MS);
  if (left <= 0) return { state: 'expired', days };
  return { state: left <= EXPIRY_WARNING_DAYS * DAY_MS ? 'expiring' : 'valid', days };
}

export interface CertificateExpiry extends Expiry {
  /** The uploaded CA certificate(s), or the registry's own certificate as last presented. */
  which: 'ca' | 'certificate';
  validTo: string;
}

/** The registry's certificates that are expired or expire within EXPIRY_WARNING_DAYS, CA first. */
export function expiryWarnings(
  tls: { caExpiresAt?: string | undefined; certificateExpiresAt?: string | undefined },
  now: number,
): CertificateExpiry[] {
  const dated = [
    { which: 'ca' as const, validTo: tls.caExpiresAt },
    { which: 'certificate' as const, validTo: tls.certificateExpiresAt },
  ];
  return dated.flatMap(({ which, validTo }) => {
    if (validTo === undefined) return [];
    const expiry = expiryOf(validTo, now);
    return expiry.state === 'valid' ? [] : [{ which, validTo, ...expiry }];
  });
}
