import { Badge, Table, Text } from '@mantine/core';
import type { RegistrySummary, ValidationState } from '../../../../../shared/model/registry';

const typeLabel: Record<RegistrySummary['type'], string> = { basic: 'OCI · Basic', ecr: 'OCI · ECR' };

const validationBadge: Record<ValidationState, { label: string; color: string }> = {
  validated: { label: 'Validated', color: 'green' },
  failed: { label: 'Failed', color: 'red' },
  // Validated once, but the configuration changed since: the result no longer vouches for it.
  stale: { label: 'Stale', color: 'yellow' },
  never: { label: 'Never validated', color: 'gray' },
};

export function RegistriesTable({ registries, caption }: { registries: RegistrySummary[]; caption: string }) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label={caption}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Type</Table.Th>
            <Table.Th scope="col">Endpoint</Table.Th>
            <Table.Th scope="col">Base content path</Table.Th>
            <Table.Th scope="col">Validation</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {registries.map((registry) => (
            <Table.Tr key={registry.id}>
              <Table.Th scope="row" fw={600} style={{ whiteSpace: 'nowrap' }}>
                {registry.name}
              </Table.Th>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{typeLabel[registry.type]}</Table.Td>
              <Table.Td>
                <Text ff="monospace" size="sm">
                  {registry.endpoint}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text ff="monospace" size="sm" c={registry.baseContentPath ? undefined : 'dimmed'}>
                  {registry.baseContentPath || '(root)'}
                </Text>
              </Table.Td>
              <Table.Td>
                <ValidationCell validation={registry.validation} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ValidationCell({ validation }: { validation: RegistrySummary['validation'] }) {
  const badge = validationBadge[validation.state];
  return (
    <>
      <Badge color={badge.color} variant="dot">
        {badge.label}
      </Badge>
      {validation.at && (
        <Text size="xs" c="dimmed" component="div">
          {validation.state === 'stale' ? 'last validated ' : ''}
          {new Date(validation.at).toLocaleString()}
        </Text>
      )}
    </>
  );
}
