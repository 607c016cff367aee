import { Alert } from '@mantine/core';
import type { Ref } from 'react';
import type { Problem } from '../../api/problem';

interface Props {
  problem: Problem | null | undefined;
  /** For a form that moves the focus to its problem after a refused save. */
  ref?: Ref<HTMLDivElement> | undefined;
}

/** A failure as the admin reads it everywhere: main's sentence as the title, its remedy below. */
export function ProblemAlert({ problem, ref }: Props) {
  if (!problem) return null;
  return (
    <Alert ref={ref} tabIndex={ref ? -1 : undefined} color="red" variant="light" role="alert" title={problem.message}>
      {problem.remedy}
    </Alert>
  );
}
