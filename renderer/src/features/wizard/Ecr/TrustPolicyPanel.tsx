import { Button, Code, CopyButton, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { stsTrustPolicy } from '../../../../../shared/model/registry-form';
import { machineText, type WizardForm } from '../wizard-form';

/** The right-hand panel of Palette's STS option: the trust policy the role needs. */
export function TrustPolicyPanel({ form }: { form: WizardForm }) {
  const { roleArn, paletteAccountId, externalId } = form.getValues();
  const policy = stsTrustPolicy(roleArn, paletteAccountId, externalId);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="trust-policy-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="trust-policy-title">
          Trust policy for the role
        </Title>
        <Text size="sm">
          Palette assumes this role from its own AWS account. In IAM, trust that account and require the external ID: paste this into the
          role’s trust relationships.
        </Text>
        <TextInput
          label="Palette’s AWS account ID"
          description="Shown by Palette next to the external ID (Tenant Settings › Cloud Accounts, or the system console)."
          placeholder="123456789012"
          {...machineText(form, 'paletteAccountId')}
        />
        <Code block aria-label="Trust policy JSON">
          {policy}
        </Code>
        <CopyButton value={policy}>
          {({ copied, copy }) => (
            <Button variant="light" onClick={copy} size="xs">
              {copied ? 'Copied' : 'Copy trust policy'}
            </Button>
          )}
        </CopyButton>
      </Stack>
    </Paper>
  );
}
