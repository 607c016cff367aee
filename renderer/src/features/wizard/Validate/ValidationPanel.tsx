import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { StepList } from '../../../components/StepList/StepList';
import type { ValidationState } from './use-validation';

interface Props {
  state: ValidationState;
  /** False when the values changed after the last validation: its verdict no longer applies. */
  current: boolean;
  onValidate: () => void;
  onCancel: () => void;
}

/** The verdict's element: the form moves the focus there when a validation ends, so it is read first. */
export const VERDICT_ID = 'validation-verdict';

/** Validate / Cancel, the verdict in one line, and every step with what it saw. */
export function ValidationPanel({ state, current, onValidate, onCancel }: Props) {
  const running = state.status === 'running';
  const steps = state.status === 'running' || state.status === 'done' ? state.steps : undefined;
  const failed = state.status === 'done' ? state.report.steps.find((s) => s.status === 'fail') : undefined;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="validation-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h5" id="validation-title">
            Validation
          </Title>
          <Group gap="xs">
            {running && (
              <Button variant="default" size="xs" onClick={onCancel}>
                Cancel
              </Button>
            )}
            <Button
              size="xs"
              onClick={onValidate}
              loading={running}
              variant={state.status === 'done' && !failed && current ? 'default' : 'filled'}
            >
              Validate
            </Button>
          </Group>
        </Group>
        <div aria-live="polite" id={VERDICT_ID} tabIndex={-1}>
          {state.status === 'idle' && (
            <Text size="sm" c="dimmed">
              Checks DNS, TCP, TLS, the registry API, the credentials and the packs under the base content path, from this workstation.
            </Text>
          )}
          {state.status === 'done' && !failed && (
            <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} title="Credentials validated">
              {current
                ? `${state.report.endpoint} answered as an OCI registry in ${state.report.durationMs} ms.`
                : 'The values changed since: validate again.'}
            </Alert>
          )}
          {failed?.problem && (
            <Alert color="red" variant="light" title={`${failed.title}: ${failed.problem.message}`}>
              {failed.problem.remedy}
            </Alert>
          )}
          {state.status === 'error' && (
            <Alert color="red" variant="light" title={state.message}>
              {state.remedy}
            </Alert>
          )}
        </div>
        {steps && <StepList steps={steps} />}
      </Stack>
    </Paper>
  );
}
