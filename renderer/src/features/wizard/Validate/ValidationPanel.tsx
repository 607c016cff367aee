import { Alert, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconHistory } from '@tabler/icons-react';
import { StepList } from '../../../components/StepList/StepList';
import type { ValidationRequestInput } from '../../../../../shared/model/validation';
import { reportVerdict, reportWarnings, VERDICT_TITLES } from '../../../../../shared/model/verdict';
import { changesSince, earlierValues, outdatedTitle } from './result-changes';
import type { ValidationState } from './use-validation';
import classes from './ValidationPanel.module.css';

interface Props {
  state: ValidationState;
  /** What the form holds now: a result computed for other values is shown greyed, as one for those. */
  request: ValidationRequestInput;
  onValidate: () => void;
  onCancel: () => void;
}

/** The verdict's element: the form moves the focus there when a validation ends, so it is read first. */
export const VERDICT_ID = 'validation-verdict';

/** Validate / Cancel, the verdict in one line, and every step with what it saw. */
export function ValidationPanel({ state, request, onValidate, onCancel }: Props) {
  const running = state.status === 'running';
  const steps = state.status === 'running' || state.status === 'done' ? state.steps : undefined;
  const report = state.status === 'done' ? state.report : undefined;
  const verdict = report ? reportVerdict(report) : undefined;
  const failed = report?.steps.find((s) => s.status === 'fail');
  const warnings = verdict === 'warnings' && report ? reportWarnings(report) : [];
  const shownFor = state.status === 'done' || state.status === 'error' ? state.request : undefined;
  const changes = shownFor ? changesSince(shownFor, request) : [];
  const outdated = shownFor !== undefined && changes.length > 0;
  // An outdated result keeps its words but loses its colour: it no longer vouches for, or blames, the form.
  const tone = (color: string) => (outdated ? 'gray' : color);
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
            <Button size="xs" onClick={onValidate} loading={running} variant={verdict === 'validated' && !outdated ? 'default' : 'filled'}>
              Validate
            </Button>
          </Group>
        </Group>
        <div
          aria-live="polite"
          id={VERDICT_ID}
          tabIndex={-1}
          className={outdated ? classes.outdated : undefined}
          data-outdated={outdated || undefined}
        >
          {state.status === 'idle' && (
            <Text size="sm" c="dimmed">
              Checks DNS, TCP, TLS, the registry API, the credentials and the packs under the base content path, from this workstation.
            </Text>
          )}
          {outdated && (
            <Stack gap={2} mb="xs">
              <Group gap={6} wrap="nowrap">
                <IconHistory size={16} aria-hidden />
                <Title order={4} size="h6">
                  {outdatedTitle(shownFor, changes)}
                </Title>
              </Group>
              <Text size="xs" c="dimmed">
                {[earlierValues(changes), 'Validate again to check the current values.'].filter(Boolean).join('. ')}
              </Text>
            </Stack>
          )}
          {verdict === 'validated' && report && (
            <Alert color={tone('green')} variant="light" icon={<IconCircleCheck aria-hidden />} title="Credentials validated">
              {`${report.endpoint} answered as an OCI registry in ${report.durationMs} ms.`}
            </Alert>
          )}
          {verdict === 'warnings' && report && (
            <Alert color={tone('yellow')} variant="light" icon={<IconAlertTriangle aria-hidden />} title={VERDICT_TITLES.warnings}>
              <Text size="sm">
                {`${report.endpoint} answered as an OCI registry, but ${warnings.length === 1 ? 'one check' : `${warnings.length} checks`} warned:`}
              </Text>
              <List size="sm" aria-label="Warnings">
                {warnings.map((warning) => (
                  <List.Item key={warning.step}>
                    <span className={classes.code}>{warning.code}</span> {warning.step}: {warning.message}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          {failed?.problem && (
            <Alert color={tone('red')} variant="light" title={`${failed.title}: ${failed.problem.message}`}>
              {failed.problem.remedy}
            </Alert>
          )}
          {state.status === 'error' && (
            <Alert color={tone('red')} variant="light" title={state.message}>
              {state.remedy}
            </Alert>
          )}
        </div>
        {steps && (
          <div className={outdated ? classes.outdated : undefined} data-outdated={outdated || undefined}>
            <StepList steps={steps} />
          </div>
        )}
      </Stack>
    </Paper>
  );
}
