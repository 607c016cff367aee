import { IconAlertTriangle } from '@tabler/icons-react';
import { expiryWarnings, type CertificateExpiry } from '../../../../../shared/expiry';
import type { RegistrySummary } from '../../../../../shared/model/registry';
import { tlsPosture, type TlsPosture } from '../../../../../shared/tls-posture';
import classes from './RegistriesTable.module.css';

export const postureLabel: Record<TlsPosture, string> = {
  'skip-verify': 'Skip verify',
  'private-ca': 'Private CA',
  system: 'System CAs',
  none: 'No TLS (HTTP)',
};

// One formatter for every row, as ValidationCell's.
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function warningText({ which, state, days, validTo }: CertificateExpiry): string {
  const what = which === 'ca' ? 'CA' : 'Certificate';
  if (state === 'expired') return `${what} expired ${dateFormat.format(new Date(validTo))}`;
  return `${what} expires in ${days === 1 ? '1 day' : `${days} days`}`;
}

/**
 * How the registry's server is trusted, with the uploaded CA's expiry and a warning when it or the
 * registry's certificate (as last validated) has expired or expires within EXPIRY_WARNING_DAYS.
 * Plain elements, as the rest of the row (see RegistriesTable.module.css).
 */
export function TlsCell({ registry, now }: { registry: RegistrySummary; now: number }) {
  const posture = tlsPosture(registry.endpoint, registry.tls);
  const warnings = expiryWarnings(registry.tls, now);
  const { caExpiresAt } = registry.tls;
  return (
    <>
      <div className={`${classes.nowrap} ${posture === 'skip-verify' || posture === 'none' ? classes.weak : ''}`}>
        {postureLabel[posture]}
      </div>
      {warnings.map((warning) => (
        <div key={warning.which} className={classes.expiry}>
          <IconAlertTriangle size={14} aria-hidden className={warning.state === 'expired' ? classes.expiredIcon : classes.expiringIcon} />
          {warningText(warning)}
        </div>
      ))}
      {caExpiresAt && !warnings.some((w) => w.which === 'ca') && (
        <div className={classes.note}>CA valid until {dateFormat.format(new Date(caExpiresAt))}</div>
      )}
    </>
  );
}
