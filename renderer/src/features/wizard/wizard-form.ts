import { useForm } from '@mantine/form';
import { schemaResolver } from '@mantine/form';
import { RegistryFormSchema, type RegistryForm } from '../../../../shared/model/registry-form';
import type { RegistryDraftInput } from '../../../../shared/model/registry-draft';
import type { RegistryRecord } from '../../../../shared/model/registry';
import { emptyRegistryForm } from '../../../../shared/model/registry-form';
import type { ValidationRequestInput } from '../../../../shared/model/validation';
import { normalizeBaseContentPath, normalizeEndpoint } from '../../../../shared/model/registry-values';

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

/** What the validation engine needs from the form: the registry as Palette would use it, values as they will be stored. */
/**
 * A field a machine reads (user names, key ids, ARNs, account ids): never spell-checked or
 * autofilled, since a browser's "correction" or a saved login would change what is sent.
 */
export function machineText(form: WizardForm, field: 'username' | 'accessKeyId' | 'roleArn' | 'externalId' | 'paletteAccountId') {
  return { autoComplete: 'off', spellCheck: false, ...form.getInputProps(field) };
}

export function toValidationRequest(form: RegistryForm): ValidationRequestInput {
  const request: ValidationRequestInput = {
    ...sentValues(form),
    username: form.type === 'basic' ? form.username.trim() : '',
    password: form.type === 'basic' ? form.password : '',
    tls: tlsOf(form),
  };
  if (form.type !== 'ecr') return request;
  return {
    ...request,
    // STS: access keys, when given, are the identity the workstation tries AssumeRole with.
    ecr: {
      isPrivate: form.ecrProtected,
      method: form.awsMethod,
      accessKeyId: form.accessKeyId,
      secretAccessKey: form.secretAccessKey,
      roleArn: form.roleArn,
      externalId: form.externalId,
    },
  };
}

function tlsOf(form: RegistryForm) {
  return {
    insecureSkipVerify: form.insecureSkipVerify,
    ...(form.caPem ? { caPem: form.caPem, trustOnlySuppliedCa: form.trustOnlySuppliedCa } : {}),
  };
}

/** Endpoint and base path as Palette receives them, shown under the fields ("Will be sent as"). */
function sentValues(form: RegistryForm) {
  return { endpoint: normalizeEndpoint(form.endpoint, form.type), baseContentPath: normalizeBaseContentPath(form.baseContentPath) };
}

/** The stored configuration: never a secret (that travels beside the draft, in registries:save). */
export function toDraft(form: RegistryForm): RegistryDraftInput {
  const common = {
    name: form.name,
    scope: form.scope,
    ...sentValues(form),
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

/** A stored registry as form values for editing. Secrets are never refilled: they stay in main. */
export function formFromRecord(record: RegistryRecord): RegistryForm {
  const form: RegistryForm = {
    ...emptyRegistryForm(record.scope),
    name: record.name,
    type: record.type,
    endpoint: record.endpoint,
    baseContentPath: record.baseContentPath,
    insecureSkipVerify: record.tls.insecureSkipVerify,
    caPem: record.tls.caPem ?? '',
    trustOnlySuppliedCa: record.tls.trustOnlySuppliedCa ?? false,
  };
  if (record.type === 'basic') return { ...form, username: record.username };
  const auth = record.awsAuth;
  return {
    ...form,
    ecrProtected: record.isPrivate,
    awsMethod: auth?.method ?? 'credentials',
    accessKeyId: auth?.method === 'credentials' ? auth.accessKeyId : '',
    roleArn: auth?.method === 'sts' ? auth.roleArn : '',
    externalId: auth?.method === 'sts' ? auth.externalId : '',
  };
}
