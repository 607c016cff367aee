import { Stack, Table, Text } from '@mantine/core';
import type { PublishStep } from '../../../../shared/model/publish';

const actionTitle: Record<PublishStep['action'], string> = {
  login: 'Sign in',
  lookup: 'Look up',
  read: 'Read',
  validate: 'Validate',
  create: 'Create',
  update: 'Update',
  sync: 'Sync now',
  'sync-status': 'Sync status',
};

/** Every request sent to Palette and its answer, as main redacted it. */
export function StepsTable({ steps, paletteUrl }: { steps: PublishStep[]; paletteUrl: string }) {
  return (
    <Table>
      <Table.Caption>Requests sent to {paletteUrl}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Step</Table.Th>
          <Table.Th scope="col">Request</Table.Th>
          <Table.Th scope="col">Status</Table.Th>
          <Table.Th scope="col">Palette’s answer</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {steps.map((step, i) => (
          <Table.Tr key={i}>
            <Table.Td>{actionTitle[step.action]}</Table.Td>
            <Table.Td>
              <code>
                {step.method} {step.path}
              </code>
            </Table.Td>
            <Table.Td>
              {step.status} {step.ok ? 'OK' : 'failed'}
            </Table.Td>
            <Table.Td>
              {step.error ? (
                <Stack gap={2}>
                  {step.error.code && <Text size="sm">Code: {step.error.code}</Text>}
                  {step.error.message && <Text size="sm">Message: {step.error.message}</Text>}
                  {step.error.ref && <Text size="sm">Ref: {step.error.ref}</Text>}
                </Stack>
              ) : step.body !== undefined ? (
                <Text size="sm" style={{ wordBreak: 'break-all' }}>
                  {JSON.stringify(step.body)}
                </Text>
              ) : (
                <Text size="sm">(no body)</Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
