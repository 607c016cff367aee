import { Alert, Box, Button, Checkbox, Code, Group, Loader, Modal, Radio, Stack, Text } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { ExportFormat, ExportResult, SaveExportResult } from '../../../../shared/model/export';
import { client } from '../../api/client';
import { ProblemAlert } from './ProblemAlert';
import { problemOf, type Problem } from './problem';
import classes from './export.module.css';

/** What to export: one registry, or every stored one. */
export interface ExportTarget {
  ids: string[];
  /** "“harbor-packs”" or "all 12 registries", for the title. */
  label: string;
}

interface Props {
  target: ExportTarget | undefined;
  opened: boolean;
  onClose: () => void;
}

const formats: { value: ExportFormat; label: string; description: string }[] = [
  { value: 'palette', label: 'Palette API', description: 'The request bodies for Palette’s create and validate endpoints.' },
  { value: 'terraform', label: 'Terraform', description: 'spectrocloud_registry_oci resources; secrets as variables.' },
  { value: 'draft', label: 'Draft file', description: 'This app’s own file, for another workstation to import.' },
];

/**
 * Export as Palette requests, Terraform or a draft file. The preview is what Save… writes, except
 * that the window never receives a secret: with "Include secrets" the preview holds a placeholder
 * where each goes, and main writes the stored values into the file chosen in its own save dialog.
 */
export function ExportDialog({ target, opened, onClose }: Props) {
  // Palette's own requests keep every registry's scope; Terraform cannot (see the alert below).
  const [format, setFormat] = useState<ExportFormat>('palette');
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const [rendered, setRendered] = useState<{
    request: string;
    result: ExportResult | null;
    problem: Problem | null;
    exportedAt: string;
  } | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState<SaveExportResult | null>(null);
  const [saving, setSaving] = useState(false);
  const ids = target?.ids;
  const idList = ids?.join(',') ?? '';
  const request = `${idList}|${format}|${includeSecrets}`;
  // Only the answer to what is on screen now counts; an older one still in flight is ignored.
  const current = rendered?.request === request ? rendered : null;
  const result = current?.result ?? null;
  const renderProblem = current?.problem ?? null;

  useEffect(() => {
    if (!opened || idList === '') return;
    let live = true;
    // One time stamp for the preview and the saved file, so what is saved is what was shown.
    const exportedAt = new Date().toISOString();
    client
      .renderExport({ ids: idList.split(','), format, includeSecrets, exportedAt })
      .then((answer) => live && setRendered({ request, result: answer, problem: null, exportedAt }))
      .catch((error: unknown) => live && setRendered({ request, result: null, problem: problemOf(error), exportedAt }));
    return () => {
      live = false;
    };
  }, [opened, idList, format, includeSecrets, request]);

  const close = () => {
    if (saving) return;
    setIncludeSecrets(false);
    setSaved(null);
    setProblem(null);
    onClose();
  };

  const save = async () => {
    if (!ids) return;
    setSaving(true);
    setProblem(null);
    setSaved(null);
    try {
      setSaved(await client.saveExport({ ids, format, includeSecrets, ...(current ? { exportedAt: current.exportedAt } : {}) }));
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setSaving(false);
    }
  };

  const file = result?.files[0];
  return (
    <Modal
      opened={opened && target !== undefined}
      onClose={close}
      title={target ? `Export ${target.label}` : ''}
      closeButtonProps={{ 'aria-label': 'Close' }}
      size="xl"
      centered
      withinPortal={false}
    >
      <Stack gap="md">
        <Radio.Group
          label="Format"
          value={format}
          onChange={(value) => {
            setFormat(value);
            setSaved(null);
          }}
        >
          <Stack gap="xs" mt="xs">
            {formats.map((f) => (
              <Radio key={f.value} value={f.value} label={f.label} description={f.description} />
            ))}
          </Stack>
        </Radio.Group>
        <Checkbox
          label="Include secrets"
          description="Passwords and AWS secret access keys stored on this workstation."
          checked={includeSecrets}
          onChange={(event) => {
            setIncludeSecrets(event.currentTarget.checked);
            setSaved(null);
          }}
        />
        {includeSecrets && (
          <Alert color="yellow" variant="light" role="alert" title="Secrets will be written in clear text">
            The stored passwords and secret keys are written into the saved file as plain text (the preview shows a placeholder in their
            place). Anyone who can read the file can use them: keep it out of version control and delete it once used.
          </Alert>
        )}
        {format === 'terraform' && result && result.systemAsTenant > 0 && (
          <Alert color="yellow" variant="light" role="alert" title="Terraform makes system registries tenant-level">
            The Spectro Cloud provider manages tenant registries only, so{' '}
            {result.systemAsTenant === 1 ? 'the system registry here is' : `the ${result.systemAsTenant} system registries here are`}{' '}
            created in the tenant of the API key instead. Choose Palette API to keep them system-level.
          </Alert>
        )}
        <ProblemAlert problem={renderProblem ?? problem} />
        {!result && !renderProblem && <Loader size="sm" aria-label="Rendering the export" />}
        {file && (
          <Stack gap={4}>
            <Text size="sm" fw={500} id="export-preview-label">
              Preview of {file.name}
            </Text>
            <Box className={classes.preview} role="region" aria-labelledby="export-preview-label" tabIndex={0}>
              <Code block className={classes.code} data-testid="export-preview">
                {file.content}
              </Code>
            </Box>
          </Stack>
        )}
        {result && result.notes.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              Notes
            </Text>
            <ul className={classes.list} aria-label="Export notes">
              {result.notes.map((note, i) => (
                <li key={i}>
                  <Text size="sm">
                    {note.registry} ({note.scope}): {note.problem.message}
                    {note.problem.remedy ? ` ${note.problem.remedy}` : ''}
                  </Text>
                </li>
              ))}
            </ul>
          </Stack>
        )}
        {saved && (
          <Text size="sm" role="status">
            {saved.canceled ? 'Save cancelled: nothing was written.' : `Saved to ${saved.path}`}
          </Text>
        )}
        <Group justify="flex-end" gap="sm" className={classes.actions}>
          <Button variant="default" onClick={close} disabled={saving}>
            Done
          </Button>
          <Button leftSection={<IconDeviceFloppy size={16} aria-hidden />} onClick={() => void save()} loading={saving} disabled={!file}>
            Save…
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
