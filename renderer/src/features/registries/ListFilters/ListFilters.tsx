import { Button, Group, NativeSelect } from '@mantine/core';
import type { ChangeEvent } from 'react';
import type { ValidationState } from '../../../../../shared/model/registry';
import { EXPIRY_WARNING_DAYS } from '../../../../../shared/expiry';
import { filtersActive, NO_FILTERS, type ListFilters as Filters } from '../list-view';

// Typed by the model's unions, so a new validation state or posture fails the type check until it has a label here.
const stateOptions: Record<ValidationState | 'all', string> = {
  all: 'Any state',
  validated: 'Validated',
  failed: 'Failed',
  stale: 'Stale',
  never: 'Never validated',
};
const typeOptions: Record<Filters['type'], string> = { all: 'Any type', basic: 'OCI · Basic', ecr: 'OCI · ECR' };
const tlsOptions: Record<Filters['tls'], string> = {
  all: 'Any TLS',
  system: 'System CAs',
  'private-ca': 'Private CA',
  'skip-verify': 'Skip verify',
  none: 'No TLS (HTTP)',
  expiring: `Expired or expiring within ${EXPIRY_WARNING_DAYS} days`,
};

const options = <K extends string>(labels: Record<K, string>) => Object.entries<string>(labels).map(([value, label]) => ({ value, label }));

/** Narrow the list by validation state, type and TLS posture; native selects, so the keyboard works as everywhere. */
export function ListFilters({ filters, onChange }: { filters: Filters; onChange: (filters: Filters) => void }) {
  const select = <F extends 'state' | 'type' | 'tls'>(field: F, labels: Record<Filters[F], string>) => ({
    size: 'sm',
    data: options(labels),
    value: filters[field],
    // The options are the labels' own keys, so the value read back is one of the filter's values.
    onChange: (event: ChangeEvent<HTMLSelectElement>) => onChange({ ...filters, [field]: event.currentTarget.value as Filters[F] }),
  });
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <NativeSelect label="Validation" {...select('state', stateOptions)} />
      <NativeSelect label="Type" {...select('type', typeOptions)} />
      <NativeSelect label="TLS" w={190} {...select('tls', tlsOptions)} />
      {filtersActive(filters) && (
        <Button variant="subtle" size="sm" onClick={() => onChange(NO_FILTERS)}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}
