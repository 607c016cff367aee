import { Alert, Button, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { RegistrySummary } from '../../../../shared/model/registry';
import type { FieldDifference, PublishPreview, PublishResult } from '../../../../shared/model/publish';
import { client } from '../../api/client';
import { PaletteSignIn, connectionOf, emptySignIn, type SignInState } from '../palette/PaletteSignIn';
import { StepsTable } from '../palette/StepsTable';
import { SyncPanel, useSyncFollower } from '../palette/SyncPanel';
import { useAction } from '../../api/use-action';
import { ColumnHeads } from '../../components/ColumnHeads/ColumnHeads';
import { Dialog } from '../../components/Dialog/Dialog';
import { ProblemAlert } from '../../components/ProblemAlert/ProblemAlert';

interface Props {
  registry: RegistrySummary | undefined;
  opened: boolean;
  onClose: () => void;
}

const outcomeTitle: Record<PublishResult['outcome'], (name: string) => string> = {
  created: (name) => `Created “${name}” in Palette`,
  updated: (name) => `Updated “${name}” in Palette`,
  unchanged: (name) => `“${name}” is unchanged in Palette: it already matches`,
  refused: (name) => `Palette did not create “${name}”`,
};

/**
 * Publishes one stored registry to Palette: looked up by name first, created when absent, updated
 * when a field differs (the difference can be compared first), left alone when equal; then its
 * sync is followed. The sign-in lives in this dialog's state only and is never stored.
 */
export function PublishDialog({ registry, opened, onClose }: Props) {
  const [signIn, setSignIn] = useState<SignInState>(emptySignIn);
  const [validateFirst, setValidateFirst] = useState(false);
  const action = useAction();
  const { busy, problem, setProblem } = action;
  const [preview, setPreview] = useState<PublishPreview | null>(null);
  const [result, setResult] = useState<PublishResult | null>(null);
  const [attempted, setAttempted] = useState(false);
  const follower = useSyncFollower();

  const scope = registry?.scope ?? 'tenant';
  const connection = connectionOf(signIn, scope);

  const close = () => {
    if (busy) return;
    setSignIn(emptySignIn);
    setValidateFirst(false);
    setProblem(null);
    setPreview(null);
    setResult(null);
    setAttempted(false);
    follower.reset();
    onClose();
  };

  const call = async (what: 'compare' | 'publish') => {
    if (!registry) return;
    setAttempted(true);
    if (!connection) return;
    setResult(null);
    follower.reset();
    const input = { ...connection, id: registry.id, validateFirst };
    await action.run(async () => {
      if (what === 'compare') {
        setPreview(await client.comparePublish(input));
        return;
      }
      const published = await client.publishRegistry(input);
      setResult(published);
      // A create or an update starts a sync in Palette: follow it until it is listed and available.
      if (published.ok && published.uid && published.outcome !== 'unchanged')
        void follower.follow({ connection, uid: published.uid, kind: published.kind });
    });
  };

  return (
    <Dialog
      opened={opened && registry !== undefined}
      onClose={close}
      title={registry ? `Publish “${registry.name}” to Palette` : ''}
      size="lg"
    >
      {registry && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void call('publish');
          }}
        >
          <Stack gap="md">
            <Text size="sm">
              Creates this {registry.scope} registry in Palette with its stored secrets, or updates the one of the same name. OCI registries
              belong to the {registry.scope === 'tenant' ? 'tenant, never to a project' : 'system console'}. The sign-in below is used for
              these requests only and is never stored.
            </Text>
            <PaletteSignIn scope={scope} state={signIn} onChange={setSignIn} attempted={attempted} onProblem={setProblem} />
            <Checkbox
              label="Ask Palette to validate the registry first"
              checked={validateFirst}
              onChange={(event) => setValidateFirst(event.currentTarget.checked)}
            />
            <ProblemAlert problem={problem} />
            {preview && !result && <PreviewOutcome preview={preview} name={registry.name} />}
            {result && <PublishOutcome result={result} />}
            {result?.ok && result.uid && connection && (
              <SyncPanel follower={follower} target={{ connection, uid: result.uid, kind: result.kind }} />
            )}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close} disabled={busy}>
                Done
              </Button>
              <Button variant="default" onClick={() => void call('compare')} loading={busy}>
                Compare with Palette
              </Button>
              <Button type="submit" loading={busy}>
                Publish
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Dialog>
  );
}

export function DifferencesTable({ differences, caption }: { differences: FieldDifference[]; caption: string }) {
  return (
    <Table>
      <Table.Caption>{caption}</Table.Caption>
      <ColumnHeads columns={['Field', 'In Palette', 'Here']} />
      <Table.Tbody>
        {differences.map((d) => (
          <Table.Tr key={d.field}>
            <Table.Td>
              <code>{d.field}</code>
            </Table.Td>
            <Table.Td>{JSON.stringify(d.palette)}</Table.Td>
            <Table.Td>{JSON.stringify(d.local)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function PreviewOutcome({ preview, name }: { preview: PublishPreview; name: string }) {
  const title = {
    absent: `Palette has no “${name}”: Publish creates it`,
    same: `Palette’s “${name}” matches: Publish changes nothing`,
    differs: `Palette’s “${name}” differs: Publish updates these fields`,
    conflict: `Palette’s “${name}” cannot be compared`,
  }[preview.state];
  return (
    <Stack gap="xs">
      <Alert color={preview.state === 'conflict' ? 'red' : 'blue'} variant="light" role="status" title={title}>
        {preview.message ?? 'Secrets are not compared: Palette masks them when read.'}
      </Alert>
      {preview.differences.length > 0 && <DifferencesTable differences={preview.differences} caption="What Publish would change" />}
    </Stack>
  );
}

function PublishOutcome({ result }: { result: PublishResult }) {
  return (
    <Stack gap="sm">
      <Alert
        color={result.ok ? 'green' : 'red'}
        variant="light"
        role={result.ok ? 'status' : 'alert'}
        title={outcomeTitle[result.outcome](result.registry)}
      >
        {result.ok
          ? result.uid
            ? `Its uid in Palette is ${result.uid}.`
            : 'Palette accepted it.'
          : (result.message ?? 'Palette’s answer is below.')}
      </Alert>
      {result.differences.length > 0 && <DifferencesTable differences={result.differences} caption="Fields updated in Palette" />}
      <StepsTable steps={result.steps} paletteUrl={result.paletteUrl} />
    </Stack>
  );
}
