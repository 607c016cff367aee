import { Alert, Button, Checkbox, Group, Modal, PasswordInput, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState, type ChangeEvent } from 'react';
import type { RegistrySummary } from '../../../../shared/model/registry';
import type { PublishInputRaw, PublishResult, PublishStep } from '../../../../shared/model/publish';
import { client } from '../../api/client';
import { ProblemAlert } from './ProblemAlert';
import { problemOf, type Problem } from './problem';

interface Props {
  registry: RegistrySummary | undefined;
  opened: boolean;
  onClose: () => void;
}

const actionTitle: Record<PublishStep['action'], string> = { login: 'Sign in', validate: 'Validate', create: 'Create' };
const empty = { paletteUrl: '', apiKey: '', projectUid: '', username: '', password: '' };

/**
 * Sends one stored registry's create request to Palette, signed in with a tenant API key or the
 * system console login (by the registry's scope). The sign-in lives in this dialog's state only:
 * it is sent once and forgotten when the dialog closes.
 */
export function PublishDialog({ registry, opened, onClose }: Props) {
  const [fields, setFields] = useState(empty);
  const [ca, setCa] = useState<{ fileName: string; pem: string } | null>(null);
  const [insecureSkipVerify, setInsecureSkipVerify] = useState(false);
  const [validateFirst, setValidateFirst] = useState(false);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [result, setResult] = useState<PublishResult | null>(null);
  const [attempted, setAttempted] = useState(false);

  const tenant = registry?.scope === 'tenant';
  const set = (field: keyof typeof empty) => (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setFields((current) => ({ ...current, [field]: value }));
  };
  const missing = (value: string, message: string) => (attempted && value.trim() === '' ? message : undefined);

  const close = () => {
    if (sending) return;
    setFields(empty);
    setCa(null);
    setInsecureSkipVerify(false);
    setValidateFirst(false);
    setProblem(null);
    setResult(null);
    setAttempted(false);
    onClose();
  };

  const pickCa = async () => {
    setProblem(null);
    try {
      const picked = await client.pickCertificateFile();
      if (!picked.canceled) setCa({ fileName: picked.fileName, pem: picked.pem });
    } catch (error) {
      setProblem(problemOf(error));
    }
  };

  const publish = async () => {
    if (!registry) return;
    setAttempted(true);
    const auth: PublishInputRaw['auth'] = tenant
      ? { kind: 'apiKey', apiKey: fields.apiKey, ...(fields.projectUid.trim() ? { projectUid: fields.projectUid.trim() } : {}) }
      : { kind: 'system', username: fields.username, password: fields.password };
    const required = tenant ? [fields.paletteUrl, fields.apiKey] : [fields.paletteUrl, fields.username, fields.password];
    if (required.some((v) => v.trim() === '')) return;
    setSending(true);
    setProblem(null);
    setResult(null);
    try {
      setResult(
        await client.publishRegistry({
          id: registry.id,
          paletteUrl: fields.paletteUrl.trim(),
          auth,
          tls: { insecureSkipVerify, ...(ca ? { caPem: ca.pem } : {}) },
          validateFirst,
        }),
      );
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <Modal
      opened={opened && registry !== undefined}
      onClose={close}
      title={registry ? `Publish “${registry.name}” to Palette` : ''}
      closeButtonProps={{ 'aria-label': 'Close' }}
      size="lg"
      centered
      withinPortal={false}
    >
      {registry && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void publish();
          }}
        >
          <Stack gap="md">
            <Text size="sm">
              Creates this {registry.scope} registry in Palette with its stored secrets. The sign-in below is used for this request only and
              is never stored.
            </Text>
            <TextInput
              label="Palette API URL"
              placeholder="https://console.spectrocloud.example"
              required
              value={fields.paletteUrl}
              onChange={set('paletteUrl')}
              error={missing(fields.paletteUrl, 'Enter the Palette address.')}
              data-autofocus
            />
            {tenant ? (
              <>
                <PasswordInput
                  label="API key"
                  required
                  value={fields.apiKey}
                  onChange={set('apiKey')}
                  error={missing(fields.apiKey, 'Enter the API key.')}
                  visibilityToggleButtonProps={{ 'aria-label': 'Show or hide the API key' }}
                />
                <TextInput
                  label="Project UID"
                  description="Optional: create it in one project rather than the tenant."
                  value={fields.projectUid}
                  onChange={set('projectUid')}
                />
              </>
            ) : (
              <>
                <TextInput
                  label="System console username"
                  required
                  value={fields.username}
                  onChange={set('username')}
                  error={missing(fields.username, 'Enter the system console username.')}
                  autoComplete="off"
                />
                <PasswordInput
                  label="System console password"
                  required
                  value={fields.password}
                  onChange={set('password')}
                  error={missing(fields.password, 'Enter the system console password.')}
                  visibilityToggleButtonProps={{ 'aria-label': 'Show or hide the password' }}
                />
              </>
            )}
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                Palette’s CA certificate
              </Text>
              <Group gap="xs">
                <Button variant="default" size="xs" leftSection={<IconUpload size={14} aria-hidden />} onClick={() => void pickCa()}>
                  {ca ? 'Choose another CA file' : 'Upload CA file'}
                </Button>
                {ca && (
                  <>
                    <Text size="sm">{ca.fileName}</Text>
                    <Button variant="default" size="xs" onClick={() => setCa(null)}>
                      Remove CA file
                    </Button>
                  </>
                )}
              </Group>
            </Stack>
            <Switch
              label="Skip TLS verification (insecure)"
              checked={insecureSkipVerify}
              onChange={(event) => setInsecureSkipVerify(event.currentTarget.checked)}
            />
            <Checkbox
              label="Ask Palette to validate the registry first"
              checked={validateFirst}
              onChange={(event) => setValidateFirst(event.currentTarget.checked)}
            />
            <ProblemAlert problem={problem} />
            {result && <PublishOutcome result={result} />}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close} disabled={sending}>
                Done
              </Button>
              <Button type="submit" loading={sending}>
                Publish
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function PublishOutcome({ result }: { result: PublishResult }) {
  return (
    <Stack gap="sm">
      <Alert
        color={result.ok ? 'green' : 'red'}
        variant="light"
        role={result.ok ? 'status' : 'alert'}
        title={result.ok ? `Created “${result.registry}” in Palette` : `Palette did not create “${result.registry}”`}
      >
        {result.ok ? (result.uid ? `Its uid in Palette is ${result.uid}.` : 'Palette accepted it.') : 'Palette’s answer is below.'}
      </Alert>
      <Table>
        <Table.Caption>Requests sent to {result.paletteUrl}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Step</Table.Th>
            <Table.Th scope="col">Request</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Palette’s answer</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.steps.map((step, i) => (
            <Table.Tr key={i}>
              <Table.Td>{actionTitle[step.action]}</Table.Td>
              <Table.Td>
                <code>
                  {step.method} {step.path}
                </code>
              </Table.Td>
              <Table.Td>
                {step.status} {step.ok ? 'OK' : 'failed'}
              </Table.Td>
              <Table.Td>
                {step.error ? (
                  <Stack gap={2}>
                    {step.error.code && <Text size="sm">Code: {step.error.code}</Text>}
                    {step.error.message && <Text size="sm">Message: {step.error.message}</Text>}
                    {step.error.ref && <Text size="sm">Ref: {step.error.ref}</Text>}
                  </Stack>
                ) : step.body !== undefined ? (
                  <Text size="sm" style={{ wordBreak: 'break-all' }}>
                    {JSON.stringify(step.body)}
                  </Text>
                ) : (
                  <Text size="sm">(no body)</Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
