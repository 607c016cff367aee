import { Alert, Stack, Switch, Text } from '@mantine/core';
import type { WizardForm } from '../wizard-form';
import { CaCertificateField } from './CaCertificateField';

/** Insecure Skip TLS Verify and the CA certificate, as Palette offers them once TLS is in question. */
export function TlsFields({ form }: { form: WizardForm }) {
  const { insecureSkipVerify } = form.getValues();
  return (
    <Stack gap="sm" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <Text component="legend" fw={600} size="sm">
        TLS
      </Text>
      <CaCertificateField form={form} />
      <Switch
        label="Insecure Skip TLS Verify"
        description="Palette will not check the registry's certificate. Use a CA certificate instead wherever you can."
        {...form.getInputProps('insecureSkipVerify', { type: 'checkbox' })}
      />
      {insecureSkipVerify && (
        <Alert color="yellow" variant="light" title="Certificate checks are off">
          Anyone able to intercept the connection can impersonate this registry and collect its credentials.
        </Alert>
      )}
    </Stack>
  );
}
