import { PasswordInput, Stack, TextInput } from '@mantine/core';
import type { WizardForm } from '../wizard-form';

/** Palette's Basic tab: Endpoint, Base Content Path, Username, Password. */
export function BasicFields({ form, passwordStored }: { form: WizardForm; passwordStored: boolean }) {
  return (
    <Stack gap="sm">
      <TextInput
        label="Endpoint"
        description="The registry API address: host[:port] or https://host[:port][/path]. JFrog: …/artifactory/api/docker/<repo>."
        placeholder="https://harbor.example.com"
        withAsterisk
        autoComplete="off"
        spellCheck={false}
        {...form.getInputProps('endpoint')}
      />
      <TextInput
        label="Base Content Path"
        description="Where spectro-packs sits, e.g. the Harbor project. Empty when it is at the root."
        placeholder="palette-packs"
        spellCheck={false}
        {...form.getInputProps('baseContentPath')}
      />
      <TextInput label="Username" description="Leave Username and Password empty for anonymous access." autoComplete="off" spellCheck={false} {...form.getInputProps('username')} />
      <PasswordInput
        label="Password"
        description={passwordStored ? 'A password is stored. Type a new one to replace it.' : 'Kept in the OS keychain, never shown again.'}
        autoComplete="new-password"
        {...form.getInputProps('password')}
      />
    </Stack>
  );
}
