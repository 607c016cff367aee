import { Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import type { SecretStatus } from '../../../../../shared/model/secrets';
import { unusableSecretSentence } from '../stored-secret';
import { BaseContentPathField } from '../BaseContentPathField';
import { EndpointField } from '../EndpointField';
import { machineText, type WizardForm } from '../wizard-form';

interface Props {
  form: WizardForm;
  /** The stored password, when editing: described, never refilled. */
  stored?: SecretStatus | undefined;
  onClearStored?: () => void;
}

/** Palette's Basic tab: Endpoint, Base Content Path, Username, Password. */
export function BasicFields({ form, stored, onClearStored }: Props) {
  return (
    <Stack gap="sm">
      <EndpointField
        form={form}
        description="The registry API address: host[:port] or https://host[:port][/path]. JFrog: …/artifactory/api/docker/<repo>."
        placeholder="https://harbor.example.com"
      />
      <BaseContentPathField form={form} description="Where spectro-packs sits, e.g. the Harbor project." placeholder="palette-packs" />
      <TextInput
        label="Username"
        description="Leave Username and Password empty for anonymous access."
        {...machineText(form, 'username')}
      />
      <PasswordInput
        label="Password"
        description={stored ? 'Type a new password to replace the stored one.' : 'Kept in the OS keychain, never shown again.'}
        autoComplete="new-password"
        {...form.getInputProps('password')}
      />
      {stored && (
        <Group gap="xs" justify="space-between">
          <Text size="xs" c={stored.usable ? 'dimmed' : undefined} role="status">
            {stored.usable
              ? `Password stored${stored.where === 'session' ? ' for this session' : ''}${stored.updatedAt ? `, ${new Date(stored.updatedAt).toLocaleString()}` : ''}.`
              : unusableSecretSentence(stored, 'password')}
          </Text>
          <Button variant="default" size="xs" onClick={onClearStored}>
            Clear stored password
          </Button>
        </Group>
      )}
    </Stack>
  );
}
