import { Button, Checkbox, Group, Loader, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import {
  DEFAULT_NETWORK_SETTINGS,
  NetworkSettingsSchema,
  type NetworkEnvironment,
  type NetworkSettings,
} from '../../../../shared/model/settings';
import { client } from '../../api/client';
import { useLatestAnswer } from '../../api/latest';
import { useAction } from '../../api/use-action';
import { Dialog } from '../../components/Dialog/Dialog';
import { ProblemAlert } from '../../components/ProblemAlert/ProblemAlert';

interface Props {
  opened: boolean;
  onClose: () => void;
}

interface Form {
  proxyUrl: string;
  fromEnvironment: boolean;
  connectSeconds: number | string;
  deadlineSeconds: number | string;
}

const toForm = (n: NetworkSettings): Form => ({
  proxyUrl: n.proxy.url ?? '',
  fromEnvironment: n.proxy.fromEnvironment,
  connectSeconds: n.connectTimeoutMs / 1000,
  deadlineSeconds: n.deadlineMs / 1000,
});

/** The form as the engine's own schema reads it: its bounds and messages, field by field. */
function parseForm(form: Form) {
  const seconds = (value: number | string) => (value === '' ? Number.NaN : Math.round(Number(value) * 1000));
  return NetworkSettingsSchema.safeParse({
    proxy: { ...(form.proxyUrl.trim() ? { url: form.proxyUrl } : {}), fromEnvironment: form.fromEnvironment },
    connectTimeoutMs: seconds(form.connectSeconds),
    deadlineMs: seconds(form.deadlineSeconds),
  });
}

function fieldErrors(form: Form): Partial<Record<'proxyUrl' | 'connectSeconds' | 'deadlineSeconds', string>> {
  const parsed = parseForm(form);
  if (parsed.success) return {};
  const errors: Partial<Record<'proxyUrl' | 'connectSeconds' | 'deadlineSeconds', string>> = {};
  for (const issue of parsed.error.issues) {
    const [first, second] = issue.path;
    if (first === 'proxy' && second === 'url') errors.proxyUrl ??= issue.message;
    if (first === 'connectTimeoutMs') errors.connectSeconds ??= 'Enter seconds from 0.1 to 300.';
    if (first === 'deadlineMs') errors.deadlineSeconds ??= 'Enter seconds from 0.5 to 300.';
  }
  return errors;
}

/** Where the proxy of the next validation comes from, in words: the setting, the environment, or none. */
function proxySource(form: Form, environment: NetworkEnvironment | null): string {
  const variables = environment?.proxyVariables.filter((v) => !/no_proxy/i.test(v.name)) ?? [];
  const listed = variables.map((v) => `${v.name}=${v.value}`).join(', ');
  if (form.proxyUrl.trim()) return listed ? `This proxy is used; it overrides the environment (${listed}).` : 'This proxy is used.';
  if (!form.fromEnvironment) return listed ? `No proxy: the environment's ${listed} is ignored.` : 'No proxy.';
  return listed ? `From the environment: ${listed}.` : 'No proxy: the environment sets none (HTTPS_PROXY, HTTP_PROXY).';
}

/**
 * Settings → proxy and timeouts for the validations started in this window (a draft or a stored
 * registry). Stored through the settings service; `regdesk validate` keeps its own flags.
 */
export function SettingsDialog({ opened, onClose }: Props) {
  // Each opening is a question of its own: the next one reads the stored values afresh.
  const [opening, setOpening] = useState(0);
  const stored = useLatestAnswer(opened ? `opening ${opening}` : null, async () => {
    const [settings, environment] = await Promise.all([client.getSettings(), client.settingsEnvironment()]);
    return { form: toForm(settings.network ?? DEFAULT_NETWORK_SETTINGS), environment };
  });
  const [edited, setEdited] = useState<Form | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const saving = useAction();
  const form = edited ?? stored.data?.form ?? null;
  const environment: NetworkEnvironment | null = stored.data?.environment ?? null;

  const finish = () => {
    setEdited(null);
    setSubmitted(false);
    saving.setProblem(null);
    setOpening((n) => n + 1);
    onClose();
  };
  const close = () => {
    if (!saving.busy) finish();
  };

  const errors = form && submitted ? fieldErrors(form) : {};
  const change = (patch: Partial<Form>) => form && setEdited({ ...form, ...patch });

  const save = async () => {
    if (!form) return;
    setSubmitted(true);
    const parsed = parseForm(form);
    if (!parsed.success) return;
    if (await saving.run(() => client.updateSettings({ network: parsed.data }))) finish();
  };
  const problem = stored.problem ?? saving.problem;
  // Out-of-range values stay as typed (no clamping) so the schema's message can say what is allowed.
  const secondsField = (field: 'connectSeconds' | 'deadlineSeconds') => ({
    max: 300,
    decimalScale: 1,
    clampBehavior: 'none' as const,
    value: form?.[field] ?? '',
    onChange: (value: number | string) => change({ [field]: value }),
    error: errors[field],
  });

  return (
    <Dialog opened={opened} onClose={close} title="Settings" closeLabel="Close settings" size="lg" fromHeader>
      {!form ? (
        problem ? (
          <ProblemAlert problem={problem} />
        ) : (
          <Loader aria-label="Loading the settings" />
        )
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
          noValidate
        >
          <Stack>
            <Text size="sm">Proxy and timeouts for the validations started in this window. The command line takes them as flags.</Text>
            <TextInput
              label="Proxy"
              description="http://host:port; empty uses the environment's proxy, if any"
              placeholder="http://proxy.example.com:3128"
              value={form.proxyUrl}
              onChange={(event) => change({ proxyUrl: event.currentTarget.value })}
              error={errors.proxyUrl}
              autoComplete="off"
              spellCheck={false}
            />
            <Checkbox
              label="Use the environment's proxy (HTTPS_PROXY, HTTP_PROXY, NO_PROXY) when no proxy is set here"
              checked={form.fromEnvironment}
              onChange={(event) => change({ fromEnvironment: event.currentTarget.checked })}
            />
            <Text size="sm" aria-live="polite" data-testid="proxy-source">
              {proxySource(form, environment)}
            </Text>
            <Group grow align="flex-start">
              <NumberInput label="Connect timeout (seconds)" min={0.1} step={1} {...secondsField('connectSeconds')} />
              <NumberInput label="Validation deadline (seconds)" min={0.5} step={5} {...secondsField('deadlineSeconds')} />
            </Group>
            <ProblemAlert problem={problem} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close} disabled={saving.busy}>
                Cancel
              </Button>
              <Button type="submit" loading={saving.busy}>
                Save settings
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Dialog>
  );
}
