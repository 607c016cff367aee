import { Alert } from '@mantine/core';
import type { Problem } from './problem';

export function ProblemAlert({ problem }: { problem: Problem | null }) {
  if (!problem) return null;
  return (
    <Alert color="red" variant="light" role="alert" title={problem.message}>
      {problem.remedy}
    </Alert>
  );
}
