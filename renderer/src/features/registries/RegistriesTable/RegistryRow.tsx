import { Badge } from '@mantine/core';
import { memo } from 'react';
import type { RegistrySummary } from '../../../../../shared/model/registry';
import type { RowValidation } from '../use-row-validations';
import classes from './RegistriesTable.module.css';
import { RowActions, type RowAction } from './RowActions';
import { TlsCell } from './TlsCell';
import { ValidationCell } from './ValidationCell';

const typeLabel: Record<RegistrySummary['type'], string> = { basic: 'OCI · Basic', ecr: 'OCI · ECR' };
const missingLabel = { password: 'No password stored', awsSecretAccessKey: 'No secret key stored' } as const;

interface Props {
  registry: RegistrySummary;
  run: RowValidation | undefined;
  onAction: (action: RowAction, registry: RegistrySummary) => void;
  onCancel: (registryId: string) => void;
  selected: boolean;
  onSelect: (registryId: string, selected: boolean) => void;
  /** When the list was loaded, for certificate expiry (ms since the epoch). */
  now: number;
  highlighted?: boolean;
}

/** A long endpoint wraps between its host and its path, never inside the host name an admin reads as one word. */
function EndpointText({ endpoint }: { endpoint: string }) {
  const split = /^((?:[a-z][a-z0-9+.-]*:\/\/)?[^/]*)(.*)$/i.exec(endpoint);
  const host = split?.[1] ?? endpoint;
  const path = split?.[2] ?? '';
  return (
    <>
      <span className={classes.nowrap}>{host}</span>
      {path && <wbr />}
      {path}
    </>
  );
}

/**
 * Memoised: a keystroke in search or a step of one row's validation re-renders only the rows
 * whose props changed. Callers pass stable callbacks.
 */
export const RegistryRow = memo(function RegistryRow({
  registry,
  run,
  onAction,
  onCancel,
  selected,
  onSelect,
  now,
  highlighted = false,
}: Props) {
  return (
    <tr className={highlighted ? `${classes.row} ${classes.highlighted}` : classes.row} aria-current={highlighted ? 'true' : undefined}>
      {/* A plain checkbox: a Mantine one per row is measurable on a page of rows. */}
      <td className={`${classes.cell} ${classes.select}`} data-select>
        <input
          type="checkbox"
          aria-label={`Select ${registry.name}`}
          checked={selected}
          onChange={(e) => onSelect(registry.id, e.currentTarget.checked)}
        />
      </td>
      <th scope="row" className={`${classes.cell} ${classes.name}`}>
        {registry.name}
      </th>
      <td className={`${classes.cell} ${classes.nowrap}`}>{typeLabel[registry.type]}</td>
      <td className={`${classes.cell} ${classes.mono}`}>
        <EndpointText endpoint={registry.endpoint} />
      </td>
      <td className={`${classes.cell} ${classes.mono} ${registry.baseContentPath ? '' : classes.dimmed}`}>
        {registry.baseContentPath || '(root)'}
      </td>
      <td className={classes.cell}>
        <ValidationCell registry={registry} run={run} onCancel={onCancel} />
      </td>
      <td className={classes.cell}>
        <TlsCell registry={registry} now={now} />
      </td>
      <td className={`${classes.cell} ${classes.actions}`}>
        {registry.missingSecret && (
          <Badge color="orange" variant="dot" mr="xs" title="Edit the registry and enter it: validation and publishing need it.">
            {missingLabel[registry.missingSecret]}
          </Badge>
        )}
        <RowActions registry={registry} validating={run?.status === 'running'} onAction={onAction} />
      </td>
    </tr>
  );
});
