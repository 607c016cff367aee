import { Alert, Button, Checkbox, Group, Loader, Radio, Stack, Text } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState } from 'react';
import type { ExportFormat, SaveExportResult } from '../../../../shared/model/export';
import { client } from '../../api/client';
import { useLatestAnswer } from '../../api/latest';
import { useAction } from '../../api/use-action';
import { Dialog } from '../../components/Dialog/Dialog';
import { FilePreview } from '../../components/FilePreview/FilePreview';
import { ProblemAlert } from '../../components/ProblemAlert/ProblemAlert';
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
  const saving = useAction();
  const [saved, setSaved] = useState<SaveExportResult | null>(null);
  const ids = target?.ids;
  const idList = ids?.join(',') ?? '';
  // Only the answer to what is on screen now counts; an older one still in flight is ignored.
  const rendered = useLatestAnswer(opened && idList !== '' ? `${idList}|${format}|${includeSecrets}` : null, async () => {
    // One time stamp for the preview and the saved file, so what is saved is what was shown.
    const exportedAt = new Date().toISOString();
    return { exportedAt, result: await client.renderExport({ ids: idList.split(','), format, includeSecrets, exportedAt }) };
  });
  const result = rendered.data?.result ?? null;
  const exportedAt = rendered.data?.exportedAt;

  const close = () => {
    if (saving.busy) return;
    setIncludeSecrets(false);
    setSaved(null);
    saving.setProblem(null);
    onClose();
  };

  const save = async () => {
    if (!ids) return;
    setSaved(null);
    const answer = await saving.run(() => client.saveExport({ ids, format, includeSecrets, ...(exportedAt ? { exportedAt } : {}) }));
    if (answer) setSaved(answer);
  };

  const file = result?.files[0];
  return (
    <Dialog opened={opened && target !== undefined} onClose={close} title={target ? `Export ${target.label}` : ''} size="xl">
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
        <ProblemAlert problem={rendered.problem ?? saving.problem} />
        {rendered.state === 'loading' && <Loader size="sm" aria-label="Rendering the export" />}
        {file && <FilePreview label={`Preview of ${file.name}`} content={file.content} testId="export-preview" />}
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
          <Button variant="default" onClick={close} disabled={saving.busy}>
            Done
          </Button>
          <Button
            leftSection={<IconDeviceFloppy size={16} aria-hidden />}
            onClick={() => void save()}
            loading={saving.busy}
            disabled={!file}
          >
            Save…
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
