import { Badge, Button, Group, Modal, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { PaletteComparison, PaletteComparisonRow } from '../../../../shared/model/publish';
import { client } from '../../api/client';
import { ProblemAlert } from '../export/ProblemAlert';
import { problemOf, type Problem } from '../export/problem';
import { PaletteSignIn, connectionOf, emptySignIn, type SignInState } from './PaletteSignIn';
import { StepsTable } from './StepsTable';

const stateBadge: Record<PaletteComparisonRow['state'], { label: string; color: string }> = {
  same: { label: 'Same', color: 'green' },
  differs: { label: 'Differs', color: 'orange' },
  'only-here': { label: 'Only here', color: 'gray' },
  'only-in-palette': { label: 'Only in Palette', color: 'blue' },
};

/** The toolbar button; the page renders the dialog beside its other dialogs, so it is laid out as they are. */
/** What Palette holds for the signed-in scope, beside the local registries. */
export function PaletteViewDialog({ onClose }: { onClose: () => void }) {
  const [scope, setScope] = useState<'tenant' | 'system'>('tenant');
  const [signIn, setSignIn] = useState<SignInState>(emptySignIn);
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [view, setView] = useState<PaletteComparison | null>(null);

  const show = async () => {
    setAttempted(true);
    const connection = connectionOf(signIn, scope);
    if (!connection) return;
    setBusy(true);
    setProblem(null);
    try {
      setView(await client.paletteView(connection));
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title="Palette beside this workstation"
      closeButtonProps={{ 'aria-label': 'Close' }}
      size="lg"
      centered
      withinPortal={false}
    >
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
          <PaletteSignIn scope={scope} state={signIn} onChange={setSignIn} attempted={attempted} onProblem={setProblem} />
          <ProblemAlert problem={problem} />
          {view && <ComparisonTable view={view} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={busy}>
              Done
            </Button>
            <Button type="submit" loading={busy}>
              Compare with Palette
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
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
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Name</Table.Th>
          <Table.Th scope="col">State</Table.Th>
          <Table.Th scope="col">Differences</Table.Th>
          <Table.Th scope="col">Sync in Palette</Table.Th>
        </Table.Tr>
      </Table.Thead>
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
