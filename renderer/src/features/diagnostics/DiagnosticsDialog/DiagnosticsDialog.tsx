import { Alert, Box, Button, Code, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { IconDeviceFloppy, IconRefresh, IconShieldCheck } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import type { DiagnosticsRendering, RedactionSummary, SaveDiagnosticsResult } from '../../../../../shared/model/diagnostics';
import { client } from '../../../api/client';
import { ProblemAlert } from '../../export/ProblemAlert';
import { problemOf, type Problem } from '../../export/problem';
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
  // Each opening and each Refresh is a generation; only the answer to the current one is shown.
  const [generation, setGeneration] = useState(0);
  const [answer, setAnswer] = useState<{ generation: number; rendering: DiagnosticsRendering | null; problem: Problem | null } | null>(
    null,
  );
  const [saveProblem, setSaveProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState<SaveDiagnosticsResult | null>(null);
  const [saving, setSaving] = useState(false);
  const current = answer?.generation === generation ? answer : null;
  const rendering = current?.rendering ?? null;
  const problem = current?.problem ?? saveProblem;

  useEffect(() => {
    if (!opened) return;
    let live = true;
    client.renderDiagnostics().then(
      (result) => live && setAnswer({ generation, rendering: result, problem: null }),
      (error: unknown) => live && setAnswer({ generation, rendering: null, problem: problemOf(error) }),
    );
    return () => {
      live = false;
    };
  }, [opened, generation]);

  const refresh = () => {
    setSaved(null);
    setSaveProblem(null);
    setGeneration((n) => n + 1);
  };

  const close = useCallback(() => {
    if (saving) return;
    setSaved(null);
    setSaveProblem(null);
    // The next opening collects afresh rather than showing this one's file.
    setGeneration((n) => n + 1);
    onClose();
  }, [saving, onClose]);

  const save = async () => {
    if (!rendering) return;
    setSaving(true);
    setSaveProblem(null);
    setSaved(null);
    try {
      // The preview's time stamp and last report: the saved file is the file shown.
      setSaved(await client.saveDiagnostics({ createdAt: rendering.createdAt, reportsThrough: rendering.reportsThrough }));
    } catch (error) {
      setSaveProblem(problemOf(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title="Export diagnostics"
      closeButtonProps={{ 'aria-label': 'Close diagnostics' }}
      size="xl"
      centered
      // Opened from the header, shown in <main>: inside the header its own <header> would be a second banner landmark.
      portalProps={{ target: 'main' }}
    >
      <Stack gap="md">
        <Text size="sm">
          Versions, platform, settings, your stored registries and the last validation reports of this session, in one file to attach to a
          support request.
        </Text>
        <ProblemAlert problem={problem} />
        {!current && <Loader size="sm" aria-label="Collecting diagnostics" />}
        {rendering && (
          <>
            <RedactionNote redactions={rendering.redactions} />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="diagnostics-preview-label">
                Preview of {rendering.fileName} ({plural(rendering.bytes, 'byte', 'bytes')})
              </Text>
              <Box className={classes.preview} role="region" aria-labelledby="diagnostics-preview-label" tabIndex={0}>
                <Code block className={classes.code} data-testid="diagnostics-preview">
                  {rendering.content}
                </Code>
              </Box>
            </Stack>
          </>
        )}
        {saved && (
          <Text size="sm" role="status">
            {saved.canceled ? 'Save cancelled: nothing was written.' : `Saved to ${saved.path} (${plural(saved.bytes, 'byte', 'bytes')}).`}
          </Text>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" leftSection={<IconRefresh size={16} aria-hidden />} onClick={refresh} disabled={saving || !current}>
            Refresh
          </Button>
          <Button variant="default" onClick={close} disabled={saving}>
            Close
          </Button>
          <Button
            leftSection={<IconDeviceFloppy size={16} aria-hidden />}
            onClick={() => void save()}
            loading={saving}
            disabled={!rendering}
          >
            Save…
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
