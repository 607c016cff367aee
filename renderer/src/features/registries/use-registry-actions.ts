import { useCallback, useState } from 'react';
import type { RegistrySummary } from '../../../../shared/model/registry';
import { client } from '../../api/client';
import { problemOf } from '../../api/problem';

/** What the last list action did, shown above the table until dismissed or replaced. */
export type ActionFeedback =
  { kind: 'done'; message: string; detail?: string } | { kind: 'problem'; message: string; remedy?: string | undefined };

/**
 * Duplicate and delete, each awaiting the list reload so the new or removed row is on screen when
 * the action resolves. Delete rethrows: its confirmation dialog shows the problem where the admin is.
 */
export function useRegistryActions(reload: () => Promise<void>) {
  const [feedback, setFeedback] = useState<ActionFeedback | null>(null);

  const duplicate = useCallback(
    async (registry: RegistrySummary) => {
      try {
        const copy = await client.duplicateRegistry({ id: registry.id });
        await reload();
        setFeedback({
          kind: 'done',
          message: `Duplicated “${registry.name}” as “${copy.record.name}”.`,
          detail: 'Its stored secrets were copied with it. Edit what differs, then validate it.',
        });
      } catch (error) {
        setFeedback({ kind: 'problem', ...problemOf(error) });
      }
    },
    [reload],
  );

  const remove = useCallback(
    async (registry: RegistrySummary) => {
      await client.deleteRegistry({ id: registry.id });
      await reload();
      setFeedback({ kind: 'done', message: `Deleted “${registry.name}” and its stored secrets.` });
    },
    [reload],
  );

  /** One by one, as the one-registry delete; the list is reloaded even when one fails part way. */
  const removeMany = useCallback(
    async (registries: readonly RegistrySummary[]) => {
      try {
        for (const registry of registries) await client.deleteRegistry({ id: registry.id });
      } finally {
        await reload();
      }
      const n = registries.length;
      setFeedback({ kind: 'done', message: `Deleted ${n} ${n === 1 ? 'registry' : 'registries'} and their stored secrets.` });
    },
    [reload],
  );

  const dismiss = useCallback(() => setFeedback(null), []);

  return { feedback, dismiss, duplicate, remove, removeMany };
}
