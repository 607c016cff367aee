import { Badge, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { PaletteComparison, PaletteComparisonRow } from '../../../../shared/model/publish';
import { client } from '../../api/client';
import { useAction } from '../../api/use-action';
import { ColumnHeads } from '../../components/ColumnHeads/ColumnHeads';
import { Dialog } from '../../components/Dialog/Dialog';
import { ProblemAlert } from '../../components/ProblemAlert/ProblemAlert';
import { PaletteSignIn, connectionOf, emptySignIn, type SignInState } from './PaletteSignIn';
import { StepsTable } from './StepsTable';

const stateBadge: Record<PaletteComparisonRow['state'], { label: string; color: string }> = {
  same: { label: 'Same', color: 'green' },
  differs: { label: 'Differs', color: 'orange' },
  'only-here': { label: 'Only here', color: 'gray' },
  'only-in-palette': { label: 'Only in Palette', color: 'blue' },
};

/** What Palette holds for the signed-in scope, beside the local registries. */
export function PaletteViewDialog({ onClose }: { onClose: () => void }) {
  const [scope, setScope] = useState<'tenant' | 'system'>('tenant');
  const [signIn, setSignIn] = useState<SignInState>(emptySignIn);
  const [attempted, setAttempted] = useState(false);
  const action = useAction();
  const [view, setView] = useState<PaletteComparison | null>(null);

  const show = async () => {
    setAttempted(true);
    const connection = connectionOf(signIn, scope);
    if (!connection) return;
    const answer = await action.run(() => client.paletteView(connection));
    if (answer) setView(answer);
  };

  return (
    <Dialog opened onClose={onClose} title="Palette beside this workstation" size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void show();
        }}
      >
        <Stack gap="md">
          <SegmentedControl
            aria-label="Sign in to"
            value={scope}
            onChange={(value) => setScope(value)}
            data={[
              { value: 'tenant', label: 'Tenant (API key)' },
              { value: 'system', label: 'System console' },
            ]}
          />
          <PaletteSignIn scope={scope} state={signIn} onChange={setSignIn} attempted={attempted} onProblem={action.setProblem} />
          <ProblemAlert problem={action.problem} />
          {view && <ComparisonTable view={view} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={action.busy}>
              Done
            </Button>
            <Button type="submit" loading={action.busy}>
              Compare with Palette
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

function ComparisonTable({ view }: { view: PaletteComparison }) {
  const failed = view.steps.find((s) => !s.ok);
  if (failed) return <StepsTable steps={view.steps} paletteUrl={view.paletteUrl} />;
  return (
    <Table aria-label="Palette beside local registries">
      <Table.Caption>
        {view.scope === 'tenant' ? 'Tenant' : 'System'} registries in {view.paletteUrl} and on this workstation
      </Table.Caption>
      <ColumnHeads columns={['Name', 'State', 'Differences', 'Sync in Palette']} />
      <Table.Tbody>
        {view.rows.map((row) => (
          <Table.Tr key={`${row.state}-${row.name}-${row.uid ?? row.localId ?? ''}`}>
            <Table.Th scope="row">{row.name}</Table.Th>
            <Table.Td>
              <Badge color={stateBadge[row.state].color} variant="dot" w="max-content">
                {stateBadge[row.state].label}
              </Badge>
            </Table.Td>
            <Table.Td>
              {row.differences.map((d) => (
                <Text size="sm" key={d.field}>
                  {d.field}: {JSON.stringify(d.palette)} in Palette, {JSON.stringify(d.local)} here
                </Text>
              ))}
            </Table.Td>
            <Table.Td>
              {row.sync
                ? `${row.sync.state}${row.sync.status ? ` (${row.sync.status})` : ''}${row.sync.message ? `: ${row.sync.message}` : ''}`
                : '—'}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
