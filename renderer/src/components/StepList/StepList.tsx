import { Group, Loader, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleDashed, IconCircleX, IconPlayerSkipForward } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { StepStatus, ValidationStep } from '../../../../shared/model/validation';
import classes from './StepList.module.css';

const statusIcon: Record<StepStatus, { icon: ReactNode; color: string; label: string }> = {
  pending: { icon: <IconCircleDashed size={18} aria-hidden />, color: 'gray', label: 'waiting' },
  running: { icon: <Loader size={14} aria-hidden />, color: 'blue', label: 'running' },
  ok: { icon: <IconCircleCheck size={18} aria-hidden />, color: 'green', label: 'passed' },
  warn: { icon: <IconAlertTriangle size={18} aria-hidden />, color: 'yellow', label: 'warning' },
  fail: { icon: <IconCircleX size={18} aria-hidden />, color: 'red', label: 'failed' },
  skipped: { icon: <IconPlayerSkipForward size={18} aria-hidden />, color: 'gray', label: 'skipped' },
};

/**
 * The validation steps as they stream in. Every row is always present (pending until reached),
 * so the list never jumps while validating; each row carries what was observed.
 */
export function StepList({ steps }: { steps: ValidationStep[] }) {
  return (
    <Stack gap={6} component="ol" className={classes.list} aria-label="Validation steps">
      {steps.map((step) => {
        const status = statusIcon[step.status];
        return (
          <li key={step.id} className={classes.row} data-status={step.status} aria-label={`${step.title}: ${status.label}`}>
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <ThemeIcon variant="light" color={status.color} size={24} radius="xl" aria-hidden>
                {status.icon}
              </ThemeIcon>
              <div className={classes.body}>
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text fw={600} size="sm">
                    {step.title}
                  </Text>
                  <Text size="xs" c="dimmed" className={classes.duration}>
                    {step.status === 'ok' || step.status === 'warn' || step.status === 'fail' ? `${step.durationMs} ms` : status.label}
                  </Text>
                </Group>
                {step.problem && (
                  <Text size="sm" className={classes.problem}>
                    <span className={classes.code}>{step.problem.code}</span> {step.problem.message}
                  </Text>
                )}
                {step.problem?.remedy && step.status !== 'ok' && (
                  <Text size="sm" className={classes.remedy}>
                    → {step.problem.remedy}
                  </Text>
                )}
                {step.observed.length > 0 && (
                  <ul className={classes.observed}>
                    {step.observed.map((line, index) => (
                      <li key={index}>
                        <Text size="xs" c="dimmed" ff="monospace">
                          {line}
                        </Text>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            </Group>
          </li>
        );
      })}
    </Stack>
  );
}
