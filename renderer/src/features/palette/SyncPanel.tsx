import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { SyncState } from '../../../../shared/model/publish';
import { client } from '../../api/client';
import { useLatestOnly } from '../../api/latest';
import { problemOf, type Problem } from '../../api/problem';
import { ProblemAlert } from '../../components/ProblemAlert/ProblemAlert';
import type { connectionOf } from './PaletteSignIn';

type Connection = NonNullable<ReturnType<typeof connectionOf>>;
const POLL_MS = 1500;
const DEADLINE_MS = 5 * 60_000;

const stateText: Record<SyncState['state'], string> = {
  done: 'Synchronized: listed and available in Palette',
  failed: 'Palette could not synchronize it',
  running: 'Palette is synchronizing it',
  pending: 'Waiting for Palette to start synchronizing',
};

export interface SyncTarget {
  connection: Connection;
  uid: string;
  kind: 'basic' | 'ecr';
}

/**
 * Follows a registry's sync in Palette (read as the Terraform provider reads it) until it is done,
 * failed or five minutes have passed; "Sync now" asks Palette to sync again (`forceSync=true`).
 */
export function useSyncFollower() {
  const [sync, setSync] = useState<SyncState | null>(null);
  const [following, setFollowing] = useState(false);
  const [timedOut, setTimedOut] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  // One follow at a time; a new one, a reset or the dialog going away stops the polling.
  const latest = useLatestOnly();

  const follow = async ({ connection, uid, kind }: SyncTarget, first?: SyncState) => {
    const mine = latest.begin();
    setFollowing(true);
    setTimedOut(false);
    setProblem(null);
    const deadline = Date.now() + DEADLINE_MS;
    try {
      let current = first ?? (await client.paletteSyncStatus({ ...connection, uid, kind })).sync;
      for (;;) {
        if (!mine()) return;
        if (current) setSync(current);
        if (!current || current.state === 'done' || current.state === 'failed') break;
        if (Date.now() > deadline) {
          setTimedOut(true);
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        current = (await client.paletteSyncStatus({ ...connection, uid, kind })).sync;
      }
    } catch (error) {
      if (mine()) setProblem(problemOf(error));
    } finally {
      if (mine()) setFollowing(false);
    }
  };

  const syncNow = async (target: SyncTarget) => {
    setProblem(null);
    try {
      const answer = await client.paletteSyncNow({ ...target.connection, uid: target.uid, kind: target.kind, force: true });
      await follow(target, answer.sync);
    } catch (error) {
      setProblem(problemOf(error));
    }
  };

  const reset = () => {
    latest.cancel();
    setSync(null);
    setFollowing(false);
    setTimedOut(false);
    setProblem(null);
  };

  return { sync, following, timedOut, problem, follow, syncNow, reset };
}
export type SyncFollower = ReturnType<typeof useSyncFollower>;

export function SyncPanel({ follower, target }: { follower: SyncFollower; target: SyncTarget }) {
  const { sync, following, timedOut, problem } = follower;
  const color = sync?.state === 'done' ? 'green' : sync?.state === 'failed' ? 'red' : 'blue';
  return (
    <Stack gap="xs">
      {sync && (
        <Alert color={color} variant="light" role="status" title={stateText[sync.state]}>
          <Text size="sm">
            Palette says: {sync.status ?? '(no status yet)'}
            {sync.message ? `: ${sync.message}` : ''}
          </Text>
          {timedOut && <Text size="sm">Not finished after five minutes; Palette may still complete it.</Text>}
        </Alert>
      )}
      <ProblemAlert problem={problem} />
      <Group gap="xs">
        {following && <Loader size="xs" aria-label="Following the sync" />}
        <Button variant="default" size="xs" onClick={() => void follower.follow(target)} disabled={following}>
          Refresh sync status
        </Button>
        <Button variant="default" size="xs" onClick={() => void follower.syncNow(target)} disabled={following}>
          Sync now
        </Button>
      </Group>
    </Stack>
  );
}
