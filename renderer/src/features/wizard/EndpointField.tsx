import { TextInput } from '@mantine/core';
import { normalizeEndpoint, sentAs } from '../../../../shared/model/registry-values';
import { SentAs } from './SentAs';
import type { WizardForm } from './wizard-form';

/** Endpoint, on both tabs, with the form Palette will receive it in. */
export function EndpointField({ form, description, placeholder }: { form: WizardForm; description: string; placeholder: string }) {
  const { endpoint, type } = form.getValues();
  return (
    <div>
      <TextInput
        label="Endpoint"
        description={description}
        placeholder={placeholder}
        withAsterisk
        autoComplete="off"
        spellCheck={false}
        {...form.getInputProps('endpoint')}
      />
      <SentAs field="Endpoint" value={sentAs(endpoint, normalizeEndpoint(endpoint, type))} />
    </div>
  );
}
