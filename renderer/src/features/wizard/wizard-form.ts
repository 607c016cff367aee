import { useForm } from '@mantine/form';
import { schemaResolver } from '@mantine/form';
import { RegistryFormSchema, type RegistryForm } from '../../../../shared/model/registry-form';
import type { RegistryDraftInput } from '../../../../shared/model/registry-draft';
import type { ValidationRequestInput } from '../../../../shared/model/validation';

export type WizardForm = ReturnType<typeof useWizardForm>;

export function useWizardForm(initialValues: RegistryForm) {
  const form = useForm<RegistryForm>({
    mode: 'controlled',
    initialValues,
    // The shared schema, so the window and main apply one set of rules.
    validate: schemaResolver(RegistryFormSchema, { sync: true }),
    validateInputOnChange: true,
    // A rule that spans fields is checked again when the other field changes.
    onValuesChange: (values, previous) => {
      if (values.username !== previous.username && values.password !== '') form.validateField('password');
    },
  });
  return form;
}

/** What the validation engine needs from the form: the registry as Palette would use it. */
export function toValidationRequest(form: RegistryForm): ValidationRequestInput {
  return {
    endpoint: form.endpoint,
    baseContentPath: form.baseContentPath,
    username: form.type === 'basic' ? form.username.trim() : '',
    password: form.type === 'basic' ? form.password : '',
    tls: tlsOf(form),
  };
}

function tlsOf(form: RegistryForm) {
  return {
    insecureSkipVerify: form.insecureSkipVerify,
    ...(form.caPem ? { caPem: form.caPem, trustOnlySuppliedCa: form.trustOnlySuppliedCa } : {}),
  };
}

/** The stored configuration: never a secret (those go through secrets:set). */
export function toDraft(form: RegistryForm): RegistryDraftInput {
  const common = {
    name: form.name,
    scope: form.scope,
    endpoint: form.endpoint,
    baseContentPath: form.baseContentPath,
    tls: tlsOf(form),
  };
  if (form.type === 'basic') return { ...common, type: 'basic', username: form.username.trim() };
  return {
    ...common,
    type: 'ecr',
    isPrivate: form.ecrProtected,
    ...(form.ecrProtected
      ? {
          awsAuth:
            form.awsMethod === 'credentials'
              ? { method: 'credentials' as const, accessKeyId: form.accessKeyId }
              : { method: 'sts' as const, roleArn: form.roleArn, externalId: form.externalId },
        }
      : {}),
  };
}

/** Any edit to these makes an earlier validation no longer vouch for the form. */
export function validationKey(form: RegistryForm): string {
  const { name: _name, scope: _scope, paletteAccountId: _p, ...rest } = form;
  return JSON.stringify(rest);
}
