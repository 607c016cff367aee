import { Button, Code, Loader, Popover, Stack, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { useDeferredMount } from './use-deferred-mount';
import type { ValidationReport, ValidationStep } from '../../../../../shared/model/validation';
import { client } from '../../../api/client';

type Loaded = { status: 'idle' | 'loading' } | { status: 'loaded'; step: ValidationStep | undefined };

export function failingStep(report: ValidationReport): ValidationStep | undefined {
  return report.steps.find((step) => step.status === 'fail');
}

/**
 * Why a registry's last validation failed: the failing step's code, sentence and remedy. The list
 * carries only the verdict, so the stored report is fetched when the admin asks, one registry at a
 * time; a run made from this screen already has its report.
 */
export function FailureDetails({ registryId, name, report }: { registryId: string; name: string; report: ValidationReport | undefined }) {
  const titleId = useId();
  const { mounted, target, placeholderProps } = useDeferredMount();
  const [opened, setOpened] = useState(false);
  const [stored, setStored] = useState<Loaded>({ status: 'idle' });
  const step = report ? failingStep(report) : stored.status === 'loaded' ? stored.step : undefined;
  const loading = !report && stored.status !== 'loaded';

  const toggle = () => {
    setOpened((open) => !open);
    if (report || stored.status !== 'idle') return;
    setStored({ status: 'loading' });
    // The schema (and zod with it) loads on the first click, not with the list.
    Promise.all([client.getRegistry({ id: registryId }), import('../../../../../shared/model/validation')]).then(
      ([{ record }, { ValidationReportSchema }]) => {
        // Stored as plain JSON so an old report can never make the store unreadable; read it defensively.
        const parsed = ValidationReportSchema.safeParse(record.lastValidation?.report);
        setStored({ status: 'loaded', step: parsed.success ? failingStep(parsed.data) : undefined });
      },
      () => setStored({ status: 'loaded', step: undefined }),
    );
  };

  const button = (
    <Button
      ref={target}
      size="compact-xs"
      variant="default"
      aria-label={`Failure details for ${name}`}
      onClick={toggle}
      {...(mounted ? {} : placeholderProps)}
    >
      Details
    </Button>
  );
  if (!mounted) return button;
  return (
    // Focus moves into the dialog so a screen reader reads it; Escape closes it and returns to the button.
    // In the page rather than a portal, inside the main landmark (axe "region"), as the row menus.
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-start"
      width={360}
      withArrow
      shadow="md"
      trapFocus
      returnFocus
      withinPortal={false}
      floatingStrategy="fixed"
    >
      <Popover.Target>{button}</Popover.Target>
      {/* Named by its own title, rather than after the button (Mantine's default). */}
      <Popover.Dropdown aria-labelledby={titleId}>
        <Stack gap={6}>
          <Text size="sm" fw={600} id={titleId}>
            Why {name} failed
          </Text>
          {loading ? (
            <Loader size="sm" aria-label="Loading the failure details" />
          ) : step?.problem ? (
            <>
              <Text size="sm">
                {step.title}: <Code>{step.problem.code}</Code> {step.problem.message}
              </Text>
              {step.problem.remedy && <Text size="sm">→ {step.problem.remedy}</Text>}
            </>
          ) : (
            <Text size="sm">The details of this failure were not kept. Validate again to see which step fails and why.</Text>
          )}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
