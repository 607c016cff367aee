import { Badge, Button, Group, Loader, Text } from '@mantine/core';
import classes from './RegistriesTable.module.css';
import { STEP_IDS } from '../../../../../shared/model/steps';
import type { RegistrySummary, ValidationState } from '../../../../../shared/model/registry';
import { VERDICT_TITLES } from '../../../../../shared/model/verdict';
import type { RowValidation } from '../use-row-validations';
import { FailureDetails, failingStep } from './FailureDetails';

const validationBadge: Record<ValidationState, { label: string; color: string }> = {
  validated: { label: 'Validated', color: 'green' },
  failed: { label: 'Failed', color: 'red' },
  // Validated once, but the configuration changed since: the result no longer vouches for it.
  stale: { label: 'Stale', color: 'yellow' },
  never: { label: 'Never validated', color: 'gray' },
};
// Passed, but a step warned (an empty base path, a password over plain HTTP): not the plain green verdict.
const warningsBadge = { label: VERDICT_TITLES.warnings, color: 'orange' };

// One formatter for every row: toLocaleString() builds a new one per call, which shows with 1,000 rows.
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

interface Props {
  registry: RegistrySummary;
  run: RowValidation | undefined;
  onCancel: (registryId: string) => void;
}

/** The stored verdict, or the validation running for this row now with its current step and a Cancel. */
export function ValidationCell({ registry, run, onCancel }: Props) {
  if (run?.status === 'running') {
    const position = run.step ? STEP_IDS.indexOf(run.step.id) + 1 : 0;
    return (
      <Group gap="xs" wrap="nowrap">
        <Loader size={14} aria-hidden />
        <Text size="sm" role="status" style={{ whiteSpace: 'nowrap' }}>
          {run.cancelling ? 'Cancelling…' : run.step ? `${run.step.title} (${position} of ${STEP_IDS.length})` : 'Starting…'}
        </Text>
        <Button
          size="compact-xs"
          variant="default"
          disabled={run.cancelling}
          onClick={() => onCancel(registry.id)}
          aria-label={`Cancel validation of ${registry.name}`}
        >
          Cancel
        </Button>
      </Group>
    );
  }

  const { validation } = registry;
  const warnings = validation.state === 'validated' ? (validation.warnings ?? []) : [];
  const badge = warnings.length > 0 ? warningsBadge : validationBadge[validation.state];
  // A run from this screen is the stored verdict only if main recorded it (not cancelled) and nothing newer replaced it.
  const sessionReport = run?.status === 'finished' && !run.cancelled && run.report.startedAt === validation.at ? run.report : undefined;
  const sessionFailure = sessionReport ? failingStep(sessionReport) : undefined;
  return (
    <>
      <div className={classes.inline}>
        <Badge color={badge.color} variant="dot">
          {badge.label}
        </Badge>
        {warnings.length > 0 && (
          <span className={classes.code} title={warnings.map((w) => `${w.step}: ${w.message}`).join('\n')}>
            {[...new Set(warnings.map((w) => w.code))].join(', ')}
          </span>
        )}
        {validation.state === 'failed' && (
          <>
            {sessionFailure?.problem && <span className={classes.code}>{sessionFailure.problem.code}</span>}
            <FailureDetails key={validation.at} registryId={registry.id} name={registry.name} report={sessionReport} />
          </>
        )}
      </div>
      {validation.at && (
        <div className={classes.note}>
          {validation.state === 'stale' ? 'last validated ' : ''}
          {dateFormat.format(new Date(validation.at))}
        </div>
      )}
      {run?.status === 'finished' && run.cancelled && (
        <div className={classes.note} role="status">
          Validation cancelled; the last verdict stands.
        </div>
      )}
      {run?.status === 'error' && (
        <div className={classes.problem} role="alert">
          {run.message} {run.remedy}
        </div>
      )}
    </>
  );
}
