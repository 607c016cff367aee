import { Alert, Button, Code, Group, Loader, Stack, Text } from '@mantine/core';
import { IconDeviceFloppy, IconRefresh, IconShieldCheck } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import type { RedactionSummary, SaveDiagnosticsResult } from '../../../../../shared/model/diagnostics';
import { client } from '../../../api/client';
import { useLatestAnswer } from '../../../api/latest';
import { useAction } from '../../../api/use-action';
import { FilePreview } from '../../../components/FilePreview/FilePreview';
import { Dialog } from '../../../components/Dialog/Dialog';
import { ProblemAlert } from '../../../components/ProblemAlert/ProblemAlert';
import classes from './DiagnosticsDialog.module.css';

interface Props {
  opened: boolean;
  onClose: () => void;
}

const count = new Intl.NumberFormat();
const plural = (n: number, one: string, many: string) => `${count.format(n)} ${n === 1 ? one : many}`;

/** The redaction count in words, then by kind, so the admin knows what was taken out before sending. */
function RedactionNote({ redactions }: { redactions: RedactionSummary }) {
  const kinds = Object.entries(redactions.byKind);
  return (
    <Alert
      color="green"
      variant="light"
      icon={<IconShieldCheck aria-hidden />}
      title="Secrets are left out"
      styles={{ title: { color: 'var(--mantine-color-text)' } }}
    >
      <Stack gap={4}>
        <Text size="sm">
          Passwords, AWS secret keys, Authorization headers and private keys are never part of this file. Anything that looked like one was
          replaced by a <Code>[redacted: …]</Code> marker:{' '}
          {redactions.total === 0 ? 'nothing needed replacing.' : `${plural(redactions.total, 'value was', 'values were')} replaced.`}
        </Text>
        {kinds.length > 0 && (
          <ul className={classes.kinds} aria-label="Redactions by kind">
            {kinds.map(([kind, n]) => (
              <li key={kind}>
                <Text size="sm">
                  {kind}: {count.format(n)}
                </Text>
              </li>
            ))}
          </ul>
        )}
        <Text size="sm">Read it before you attach it to a support request: it names your registries, hosts and folders.</Text>
      </Stack>
    </Alert>
  );
}

/**
 * Help → Export diagnostics…: shows the exact file main will save (versions, settings, registries,
 * this session's validation reports, every secret redacted) and saves it through main's dialog.
 */
export function DiagnosticsDialog({ opened, onClose }: Props) {
  // Each opening and each Refresh is a question of its own; only the answer to the current one is shown.
  const [generation, setGeneration] = useState(0);
  const collected = useLatestAnswer(opened ? `collection ${generation}` : null, () => client.renderDiagnostics());
  const saving = useAction();
  const [saved, setSaved] = useState<SaveDiagnosticsResult | null>(null);
  const rendering = collected.data;
  const problem = collected.problem ?? saving.problem;
  const { busy, setProblem } = saving;

  const refresh = () => {
    setSaved(null);
    setProblem(null);
    setGeneration((n) => n + 1);
  };

  const close = useCallback(() => {
    if (busy) return;
    setSaved(null);
    setProblem(null);
    // The next opening collects afresh rather than showing this one's file.
    setGeneration((n) => n + 1);
    onClose();
  }, [busy, setProblem, onClose]);

  const save = async () => {
    if (!rendering) return;
    setSaved(null);
    // The preview's time stamp and last report: the saved file is the file shown.
    const result = await saving.run(() =>
      client.saveDiagnostics({ createdAt: rendering.createdAt, reportsThrough: rendering.reportsThrough }),
    );
    if (result) setSaved(result);
  };

  return (
    <Dialog opened={opened} onClose={close} title="Export diagnostics" closeLabel="Close diagnostics" size="xl" fromHeader>
      <Stack gap="md">
        <Text size="sm">
          Versions, platform, settings, your stored registries and the last validation reports of this session, in one file to attach to a
          support request.
        </Text>
        <ProblemAlert problem={problem} />
        {collected.state === 'loading' && <Loader size="sm" aria-label="Collecting diagnostics" />}
        {rendering && (
          <>
            <RedactionNote redactions={rendering.redactions} />
            <FilePreview
              label={`Preview of ${rendering.fileName} (${plural(rendering.bytes, 'byte', 'bytes')})`}
              content={rendering.content}
              testId="diagnostics-preview"
              maxHeight="360px"
            />
          </>
        )}
        {saved && (
          <Text size="sm" role="status">
            {saved.canceled ? 'Save cancelled: nothing was written.' : `Saved to ${saved.path} (${plural(saved.bytes, 'byte', 'bytes')}).`}
          </Text>
        )}
        <Group justify="flex-end" gap="sm">
          <Button
            variant="default"
            leftSection={<IconRefresh size={16} aria-hidden />}
            onClick={refresh}
            disabled={busy || collected.state === 'loading'}
          >
            Refresh
          </Button>
          <Button variant="default" onClick={close} disabled={busy}>
            Close
          </Button>
          <Button leftSection={<IconDeviceFloppy size={16} aria-hidden />} onClick={() => void save()} loading={busy} disabled={!rendering}>
            Save…
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
