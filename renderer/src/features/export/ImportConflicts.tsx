import { Box, Button, NativeSelect, Radio, Stack, Table, TextInput } from '@mantine/core';
import { memo, useState } from 'react';
import type { ImportConflict, ImportResolution } from '../../../../shared/model/import';
import classes from './export.module.css';

export type ConflictAction = ImportResolution['action'];
export type Answer = { action: 'rename'; name: string } | { action: 'skip' } | { action: 'replace' };

/** Rows drawn at first, and per "Show more": a thousand rows of inputs took seconds to open. */
export const ROWS_AT_A_TIME = 100;

/** Skipping is the default: it changes nothing stored and adds no look-alike "(imported)" copies. */
export const DEFAULT_CONFLICT_ACTION: ConflictAction = 'skip';

/** The answer for one clash: its own, or the one chosen for all. */
export function answerFor(conflict: ImportConflict, forAll: ConflictAction, own: Answer | undefined): Answer {
  if (own) return own;
  return forAll === 'rename' ? { action: 'rename', name: conflict.proposedName } : { action: forAll };
}

const forAllLabels: Record<ConflictAction, string> = {
  skip: 'Skip them: keep the stored registries as they are',
  replace: 'Replace the stored registries with the file’s (they keep their secrets)',
  rename: 'Import them under new names, such as “NAME (imported)”',
};

const choiceOptions = [
  { value: 'skip', label: 'Skip' },
  { value: 'replace', label: 'Replace the stored one' },
  { value: 'rename', label: 'Import under another name' },
];

interface Props {
  conflicts: ImportConflict[];
  forAll: ConflictAction;
  onForAll: (action: ConflictAction) => void;
  answers: ReadonlyMap<number, Answer>;
  onAnswer: (index: number, answer: Answer) => void;
}

/**
 * Every clash with a stored name: one choice for all of them (shown or not), and a row per clash
 * to answer it on its own. A row is a native select (and a name field only when renaming), and
 * rows are drawn a hundred at a time, so a thousand clashes open as fast as a few.
 */
export function ImportConflicts({ conflicts, forAll, onForAll, answers, onAnswer }: Props) {
  const count = conflicts.length;
  const [shown, setShown] = useState(ROWS_AT_A_TIME);
  return (
    <Stack gap="xs">
      <Radio.Group
        label={count === 1 ? '1 registry has the name of a stored one' : `${count} registries have the names of stored ones`}
        description="One choice for all of them; change single ones in the list below."
        value={forAll}
        onChange={(value) => onForAll(value)}
      >
        <Stack gap="xs" mt="xs">
          {(['skip', 'replace', 'rename'] as const).map((action) => (
            <Radio key={action} value={action} label={forAllLabels[action]} />
          ))}
        </Stack>
      </Radio.Group>
      <Box className={classes.scroll} role="region" aria-label="Names already taken" tabIndex={0}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Scope</Table.Th>
              <Table.Th scope="col">Stored one points at</Table.Th>
              <Table.Th scope="col">What to do</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {conflicts.slice(0, shown).map((conflict) => (
              <ConflictRow
                key={conflict.index}
                conflict={conflict}
                answer={answerFor(conflict, forAll, answers.get(conflict.index))}
                onAnswer={onAnswer}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Box>
      {shown < count && (
        <Button variant="subtle" size="xs" onClick={() => setShown((n) => n + ROWS_AT_A_TIME)}>
          Show {Math.min(ROWS_AT_A_TIME, count - shown)} more of {count} clashes
        </Button>
      )}
    </Stack>
  );
}

/** Memoised: typing a new name re-renders one row, not a thousand. */
interface RowProps {
  conflict: ImportConflict;
  answer: Answer;
  onAnswer: (index: number, answer: Answer) => void;
}

const ConflictRow = memo(function ConflictRow({ conflict, answer, onAnswer }: RowProps) {
  const set = (value: string) =>
    onAnswer(
      conflict.index,
      value === 'rename' ? { action: 'rename', name: conflict.proposedName } : { action: value as 'skip' | 'replace' },
    );
  return (
    <Table.Tr>
      <Table.Td>{conflict.name}</Table.Td>
      <Table.Td>{conflict.scope}</Table.Td>
      <Table.Td>{conflict.existing.endpoint}</Table.Td>
      <Table.Td>
        <Stack gap={4}>
          <NativeSelect
            size="xs"
            aria-label={`Choice for “${conflict.name}” (${conflict.scope})`}
            data={choiceOptions}
            value={answer.action}
            onChange={(event) => set(event.currentTarget.value)}
          />
          {answer.action === 'rename' && (
            <TextInput
              size="xs"
              aria-label={`New name for “${conflict.name}”`}
              value={answer.name}
              onChange={(event) => onAnswer(conflict.index, { action: 'rename', name: event.currentTarget.value })}
              error={answer.name.trim() === '' ? 'Enter a name.' : undefined}
            />
          )}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}, sameRow);

function sameRow(a: RowProps, b: RowProps): boolean {
  const name = (answer: Answer) => (answer.action === 'rename' ? answer.name : '');
  return a.conflict === b.conflict && a.onAnswer === b.onAnswer && a.answer.action === b.answer.action && name(a.answer) === name(b.answer);
}
