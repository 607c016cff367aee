import { Box, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import type { ImportResolution, ImportResult, PickImportResult } from '../../../../shared/model/import';
import { client } from '../../api/client';
import { useAction } from '../../api/use-action';
import { ColumnHeads } from '../../components/ColumnHeads/ColumnHeads';
import { Dialog } from '../../components/Dialog/Dialog';
import { ProblemAlert } from '../../components/ProblemAlert/ProblemAlert';
import { answerFor, DEFAULT_CONFLICT_ACTION, ImportConflicts, ROWS_AT_A_TIME, type Answer, type ConflictAction } from './ImportConflicts';
import classes from './export.module.css';

type Picked = Extract<PickImportResult, { canceled: false }>;

const secretLabel: Record<string, string> = { password: 'password', awsSecretAccessKey: 'AWS secret access key' };

export type ImportDrafts = ReturnType<typeof useImportDrafts>;

/**
 * "Import drafts…": main opens the file, the dialog shows what it holds, every error (with where)
 * and every name that clashes; the clashes are answered together (skip by default, replace, or
 * import as copies), single ones on their own, before Import writes all of it, or nothing. The button and the dialog share this state but sit apart:
 * the button in the page header, the dialog at the end of the page (a modal inside the header's
 * flex row is laid out off to the side).
 */
export function useImportDrafts(onImported: () => void | Promise<void>) {
  const [opened, setOpened] = useState(false);
  const action = useAction<'pick' | 'apply'>();
  const [picked, setPicked] = useState<Picked | null>(null);
  const [forAll, setForAllState] = useState<ConflictAction>(DEFAULT_CONFLICT_ACTION);
  // Only the clashes answered on their own; the rest follow the choice for all.
  const [answers, setAnswers] = useState<Map<number, Answer>>(new Map());
  const [result, setResult] = useState<ImportResult | null>(null);
  const applying = action.running === 'apply';

  const pick = async () => {
    const chosen = await action.run(() => client.pickImportFile(), 'pick');
    if (chosen?.canceled) return;
    // A file main could not read opens the dialog too, with the problem and the way round.
    setPicked(chosen ?? null);
    setForAllState(DEFAULT_CONFLICT_ACTION);
    setAnswers(new Map());
    setResult(null);
    setOpened(true);
  };

  const close = () => {
    if (applying) return;
    setOpened(false);
  };

  const preview = picked?.preview;
  const errors = preview?.errors ?? [];
  const conflicts = preview?.conflicts ?? [];
  const resolutions = (): ImportResolution[] =>
    conflicts.map((c) => {
      const a = answerFor(c, forAll, answers.get(c.index));
      return a.action === 'rename' ? { index: c.index, action: 'rename', name: a.name.trim() } : { index: c.index, action: a.action };
    });
  const unanswered = [...answers.values()].some((a) => a.action === 'rename' && a.name.trim() === '');
  const canImport = picked !== null && errors.length === 0 && (preview?.registries.length ?? 0) > 0 && !unanswered && result === null;

  const apply = async () => {
    if (!picked) return;
    await action.run(async () => {
      setResult(await client.applyImport({ content: picked.content, resolutions: resolutions() }));
      await onImported();
    }, 'apply');
  };

  const setAnswer = useCallback((index: number, answer: Answer) => setAnswers((current) => new Map(current).set(index, answer)), []);
  /** "Apply to all": every clash takes this choice, including the ones answered on their own. */
  const setForAll = (action: ConflictAction) => {
    setForAllState(action);
    setAnswers(new Map());
  };

  return {
    pick,
    picking: action.running === 'pick',
    opened,
    close,
    picked,
    preview,
    errors,
    forAll,
    setForAll,
    answers,
    setAnswer,
    problem: action.problem,
    result,
    applying,
    apply,
    canImport,
  };
}

export function ImportDraftsButton({ state, disabled }: { state: ImportDrafts; disabled?: boolean }) {
  return (
    <Button
      variant="default"
      leftSection={<IconFileImport size={16} aria-hidden />}
      onClick={() => void state.pick()}
      loading={state.picking}
      disabled={disabled}
    >
      Import drafts…
    </Button>
  );
}

export function ImportDraftsDialog({ state }: { state: ImportDrafts }) {
  const { opened, close, picked, preview, errors, forAll, setForAll, answers, setAnswer, problem, result, applying, apply, canImport } =
    state;
  return (
    <Dialog opened={opened} onClose={close} title={picked ? `Import ${picked.fileName}` : 'Import drafts'} size="xl">
      <Stack gap="md">
        {preview && errors.length > 0 && (
          <Stack gap={4} role="alert" aria-labelledby="import-errors-title">
            <Text size="sm" fw={500} id="import-errors-title">
              This file cannot be imported: nothing will be saved until these are fixed.
            </Text>
            <ul className={classes.list} aria-label="Problems in the file">
              {errors.map((issue, i) => (
                <li key={i}>
                  <Text size="sm">
                    <code>{issue.path || '(whole file)'}</code>: {issue.message}
                  </Text>
                </li>
              ))}
            </ul>
          </Stack>
        )}
        {preview && preview.registries.length > 0 && (
          <Box className={classes.scroll} role="region" aria-label="Registries in the file" tabIndex={0}>
            <Table>
              <Table.Caption>
                {preview.registries.length} {preview.registries.length === 1 ? 'registry' : 'registries'} in the file
                {preview.registries.length > ROWS_AT_A_TIME ? ` (the first ${ROWS_AT_A_TIME} shown)` : ''}
              </Table.Caption>
              <ColumnHeads columns={['Name', 'Scope', 'Type', 'Endpoint']} />
              <Table.Tbody>
                {preview.registries.slice(0, ROWS_AT_A_TIME).map((r) => (
                  <Table.Tr key={r.index}>
                    <Table.Td>{r.name}</Table.Td>
                    <Table.Td>{r.scope}</Table.Td>
                    <Table.Td>{r.type === 'ecr' ? 'ECR' : 'Basic'}</Table.Td>
                    <Table.Td>{r.endpoint}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Box>
        )}
        {result === null && preview && preview.conflicts.length > 0 && (
          <ImportConflicts conflicts={preview.conflicts} forAll={forAll} onForAll={setForAll} answers={answers} onAnswer={setAnswer} />
        )}
        <ProblemAlert problem={problem} />
        {result && <ImportSummary result={result} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} disabled={applying}>
            {result ? 'Done' : 'Cancel'}
          </Button>
          {result === null && (
            <Button onClick={() => void apply()} loading={applying} disabled={!canImport}>
              Import
            </Button>
          )}
        </Group>
      </Stack>
    </Dialog>
  );
}

function ImportSummary({ result }: { result: ImportResult }) {
  const needSecrets = result.imported.filter((r) => r.needsSecrets.length > 0);
  return (
    <Stack gap={4} role="status" aria-label="Import result">
      <Text size="sm" fw={500}>
        Imported {result.imported.length} {result.imported.length === 1 ? 'registry' : 'registries'}
        {result.skipped.length > 0 ? `, skipped ${result.skipped.length}` : ''}.
      </Text>
      <ul className={classes.list}>
        {result.imported.slice(0, ROWS_AT_A_TIME).map((r) => (
          <li key={r.index}>
            <Text size="sm">
              {r.name} ({r.scope}): {r.action}
            </Text>
          </li>
        ))}
        {result.skipped.slice(0, Math.max(0, ROWS_AT_A_TIME - result.imported.length)).map((r) => (
          <li key={`skipped-${r.index}`}>
            <Text size="sm">
              {r.name} ({r.scope}): skipped
            </Text>
          </li>
        ))}
      </ul>
      {result.imported.length + result.skipped.length > ROWS_AT_A_TIME && (
        <Text size="sm">and {result.imported.length + result.skipped.length - ROWS_AT_A_TIME} more.</Text>
      )}
      {result.imported
        .filter((r) => r.incomplete.length > 0)
        .map((r) => (
          <Text size="sm" key={`incomplete-${r.index}`}>
            <strong>Incomplete for Palette:</strong> {r.name} is kept as a draft. {r.incomplete.join(' ')}
          </Text>
        ))}
      {needSecrets.length > 0 && (
        <Text size="sm">
          Secrets never travel in a draft file. Edit these to enter theirs:{' '}
          {needSecrets.map((r) => `${r.name} (${r.needsSecrets.map((f) => secretLabel[f] ?? f).join(', ')})`).join('; ')}.
        </Text>
      )}
    </Stack>
  );
}
