import { Group, PasswordInput, Radio, Stack, Switch, Text, TextInput } from '@mantine/core';
import type { SecretStatus } from '../../../../../shared/model/secrets';
import { unusableSecretSentence } from '../stored-secret';
import { BaseContentPathField } from '../BaseContentPathField';
import { EndpointField } from '../EndpointField';
import { machineText, type WizardForm } from '../wizard-form';

/** Palette's ECR tab: Endpoint, Base Content Path, Protected and the AWS authentication method. */
export function EcrFields({ form, secretStored }: { form: WizardForm; secretStored: SecretStatus | undefined }) {
  const { ecrProtected, awsMethod } = form.getValues();
  return (
    <Stack gap="sm">
      <EndpointField
        form={form}
        description="The ECR registry host; https:// is not needed. No repository name here."
        placeholder="123456789012.dkr.ecr.us-east-1.amazonaws.com"
      />
      <BaseContentPathField
        form={form}
        description="The path above spectro-packs in the registry, e.g. production."
        placeholder="production"
      />
      <Switch
        label="Protected"
        description="The repositories need AWS credentials to pull."
        {...form.getInputProps('ecrProtected', { type: 'checkbox' })}
      />
      {ecrProtected && (
        <>
          <Radio.Group label="AWS Authentication Method" {...form.getInputProps('awsMethod')}>
            <Group mt={4}>
              <Radio value="credentials" label="Credentials" />
              <Radio value="sts" label="STS" />
            </Group>
          </Radio.Group>
          {awsMethod === 'credentials' ? (
            <>
              <TextInput label="Access Key" withAsterisk {...machineText(form, 'accessKeyId')} />
              <PasswordInput
                label="Secret access key"
                description={
                  !secretStored
                    ? 'Kept in the OS keychain, never shown again.'
                    : secretStored.usable
                      ? 'A secret key is stored. Type a new one to replace it.'
                      : unusableSecretSentence(secretStored, 'secret key')
                }
                autoComplete="new-password"
                {...form.getInputProps('secretAccessKey')}
              />
            </>
          ) : (
            <>
              <TextInput
                label="ARN"
                description="The IAM role Palette assumes."
                placeholder="arn:aws:iam::123456789012:role/palette-packs"
                withAsterisk
                {...machineText(form, 'roleArn')}
              />
              <TextInput
                label="External ID"
                description="As Palette shows it for your tenant."
                withAsterisk
                {...machineText(form, 'externalId')}
              />
              <Text size="sm" fw={500} mt="xs">
                Try AssumeRole from this workstation (optional)
              </Text>
              <Text size="xs" c="dimmed">
                Palette assumes the role from its own account. Keys allowed to assume it let this check go on to the registry; they are used
                once and not saved. Without them, validation checks the ARN and external ID and says what only Palette can.
              </Text>
              <TextInput label="Access Key" {...machineText(form, 'accessKeyId')} />
              <PasswordInput label="Secret access key" autoComplete="new-password" {...form.getInputProps('secretAccessKey')} />
            </>
          )}
        </>
      )}
    </Stack>
  );
}
