import { Badge } from '@mantine/core';
import { memo } from 'react';
import type { RegistrySummary } from '../../../../../shared/model/registry';
import type { RowValidation } from '../use-row-validations';
import classes from './RegistriesTable.module.css';
import { RowActions, type RowAction } from './RowActions';
import { ValidationCell } from './ValidationCell';

const typeLabel: Record<RegistrySummary['type'], string> = { basic: 'OCI · Basic', ecr: 'OCI · ECR' };
const missingLabel = { password: 'No password stored', awsSecretAccessKey: 'No secret key stored' } as const;

interface Props {
  registry: RegistrySummary;
  run: RowValidation | undefined;
  onAction: (action: RowAction, registry: RegistrySummary) => void;
  onCancel: (registryId: string) => void;
}

/**
 * Memoised: a keystroke in search or a step of one row's validation re-renders only the rows
 * whose props changed. Callers pass stable callbacks.
 */
export const RegistryRow = memo(function RegistryRow({ registry, run, onAction, onCancel }: Props) {
  return (
    <tr className={classes.row}>
      <th scope="row" className={`${classes.cell} ${classes.name}`}>
        {registry.name}
      </th>
      <td className={`${classes.cell} ${classes.nowrap}`}>{typeLabel[registry.type]}</td>
      <td className={`${classes.cell} ${classes.mono}`}>{registry.endpoint}</td>
      <td className={`${classes.cell} ${classes.mono} ${registry.baseContentPath ? '' : classes.dimmed}`}>
        {registry.baseContentPath || '(root)'}
      </td>
      <td className={classes.cell}>
        <ValidationCell registry={registry} run={run} onCancel={onCancel} />
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
