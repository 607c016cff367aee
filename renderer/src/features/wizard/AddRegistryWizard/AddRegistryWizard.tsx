import { Alert, Badge, Button, Grid, Group, Loader, Paper, SegmentedControl, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { RegistryScope } from '../../../../../shared/model/registry';
import { emptyRegistryForm, type RegistryForm } from '../../../../../shared/model/registry-form';
import type { SecretPersistence } from '../../../../../shared/model/secrets';
import { useAction } from '../../../api/use-action';
import { ProblemAlert } from '../../../components/ProblemAlert/ProblemAlert';
import { BasicFields } from '../Basic/BasicFields';
import { EcrFields } from '../Ecr/EcrFields';
import { TrustPolicyPanel } from '../Ecr/TrustPolicyPanel';
import { TlsFields } from '../Tls/TlsFields';
import { ValidationPanel, VERDICT_ID } from '../Validate/ValidationPanel';
import { useValidation } from '../Validate/use-validation';
import { toValidationRequest, useWizardForm, validationKey } from '../wizard-form';
import { saveRegistry, type SaveMode, type SavedRegistry } from './save-registry';
import { useStoredRegistry } from './use-stored-registry';
import { useAppInfo } from '../../../api/app-info';
import { LeaveDialog, WizardActions } from './WizardActions';

interface Props {
  scope: RegistryScope;
  /** Names already used, per scope, lower-cased: a name is unique within its scope. */
  takenNames: ReadonlyMap<RegistryScope, ReadonlySet<string>>;
  /** Back to the list: with what was saved, or nothing when the admin left without saving. */
  onDone: (saved?: SavedRegistry) => void;
  /** Edit mode: the stored registry to open (the list's Edit action). */
  registryId?: string | undefined;
}

/** Palette's "Add New Pack Registry" screen, with live validation beside it. */
export function AddRegistryWizard({ scope, takenNames, onDone, registryId }: Props) {
  const form = useWizardForm(emptyRegistryForm(scope));
  const stored = useStoredRegistry(registryId, form);
  const validation = useValidation();
  const [validatedKey, setValidatedKey] = useState<string | null>(null);
  const [savedId, setSavedId] = useState<string | undefined>(registryId);
  const [clearSecret, setClearSecret] = useState(false);
  const saving = useAction<SaveMode>();
  const [leaving, setLeaving] = useState(false);
  const [focusInvalid, setFocusInvalid] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const problemRef = useRef<HTMLDivElement>(null);
  const persistence = useSecretPersistence();
  const values = form.getValues();
  const key = validationKey(values);
  const report = validation.state.status === 'done' ? validation.state.report : undefined;
  const validatedNow = report?.ok === true && validatedKey === key;
  const tlsStep = report?.steps.find((s) => s.id === 'tls');
  const showTls = values.insecureSkipVerify || values.caPem !== '' || tlsStep?.status === 'fail' || tlsStep?.status === 'warn';
  // Our own record is not a clash with itself.
  const typedName = values.name.trim().toLowerCase();
  const ownName = stored.originalName?.trim().toLowerCase();
  const nameTaken = (savedId === undefined || typedName !== ownName) && (takenNames.get(values.scope)?.has(typedName) ?? false);
  const secretKept = stored.secret !== undefined && !clearSecret;
  const title = registryId ? 'Edit Pack Registry' : 'Add New Pack Registry';

  useEffect(() => {
    document.title = `${title} · Pack Registry Desk`;
    return () => {
      document.title = 'Pack Registry Desk';
    };
  }, [title]);

  // After the errors of a refused action are drawn, the first invalid field takes the focus, its message read with it.
  useEffect(() => {
    if (focusInvalid === 0) return;
    const field = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (field) field.focus();
    else problemRef.current?.focus();
  }, [focusInvalid]);

  /** False, with the focus on the first field to fix, when the values cannot be used as they are. */
  function checkFields(forSaving: boolean): boolean {
    const invalid = form.validate().hasErrors || (forSaving && nameTaken);
    if (invalid) setFocusInvalid((n) => n + 1);
    return !invalid;
  }

  /** `fromField`: Enter in a field keeps the focus there (the verdict is announced); the Validate button hands it to the verdict. */
  async function validate(fromField = false) {
    if (!checkFields(false)) return;
    // Editing with the password field left empty: main uses the stored password.
    const result = await validation.run({
      request: toValidationRequest(values),
      ...(savedId && secretKept ? { secretsFrom: savedId } : {}),
    });
    if (result?.ok) setValidatedKey(key);
    if (!fromField) document.getElementById(VERDICT_ID)?.focus();
  }

  async function save(mode: SaveMode) {
    setLeaving(false);
    if (!checkFields(true)) return;
    const saved = await saving.run(async () => {
      const id = await saveRegistry(values, savedId, persistence.value, clearSecret ? stored.secret?.field : undefined);
      setSavedId(id);
      const done: SavedRegistry = { id, name: values.name.trim(), scope: values.scope, mode };
      if (mode === 'draft') return done;
      // Main validates what it stored and records the verdict; the list then shows it.
      const recorded = await validation.run({ registryId: id, values: toValidationRequest(values) });
      if (recorded?.ok) return done;
      saving.setProblem({
        message: 'Saved, but the stored registry did not validate.',
        remedy: 'See the steps beside the form; fix the values and confirm again.',
      });
      return undefined;
    }, mode);
    if (saved) onDone(saved);
    else setFocusInvalid((n) => n + 1);
  }

  /** Enter in a one-line field validates, as a form's default action would (the buttons are not submit buttons). */
  function onFieldKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    const target = event.target;
    if (event.key !== 'Enter' || !(target instanceof HTMLInputElement)) return;
    if (['checkbox', 'radio', 'button', 'submit', 'file'].includes(target.type)) return;
    event.preventDefault();
    void validate(true);
  }

  function leave() {
    if (form.isDirty() && !stored.loading) setLeaving(true);
    else onDone();
  }

  return (
    <Stack gap="md" maw={1200}>
      <Group gap="xs">
        <Button variant="subtle" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={leave}>
          Pack Registries
        </Button>
      </Group>
      <Title order={2}>{title}</Title>
      {stored.loading && <Loader aria-label="Loading the registry" />}
      {stored.error && (
        <Alert color="red" variant="light" title="The registry could not be loaded" role="alert">
          {stored.error.message} {stored.error.remedy}
        </Alert>
      )}
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <form
            ref={formRef}
            onSubmit={(event) => {
              event.preventDefault();
              void validate(true);
            }}
            onKeyDown={onFieldKeyDown}
            aria-label="Pack registry"
            noValidate
          >
            <Stack gap="md">
              <TextInput
                label="Name"
                withAsterisk
                autoFocus
                spellCheck={false}
                {...form.getInputProps('name')}
                error={
                  form.errors['name'] ?? (nameTaken ? `A ${values.scope} registry is already called “${values.name.trim()}”.` : undefined)
                }
              />
              <Stack gap={4}>
                <Text size="sm" fw={500} id="scope-label">
                  Scope
                </Text>
                <SegmentedControl
                  aria-labelledby="scope-label"
                  data={[
                    { value: 'system', label: 'System' },
                    { value: 'tenant', label: 'Tenant' },
                  ]}
                  {...form.getInputProps('scope')}
                />
              </Stack>
              <Group gap="xs">
                <Text size="sm" fw={500}>
                  Registry type
                </Text>
                <Badge variant="default">OCI</Badge>
              </Group>
              <Tabs
                value={values.type}
                onChange={(type) => type && form.setFieldValue('type', type as RegistryForm['type'])}
                keepMounted={false}
              >
                <Tabs.List aria-label="Authentication">
                  <Tabs.Tab value="basic">Basic</Tabs.Tab>
                  <Tabs.Tab value="ecr">ECR</Tabs.Tab>
                </Tabs.List>
                <Tabs.Panel value="basic" pt="md">
                  <BasicFields form={form} stored={secretKept ? stored.secret : undefined} onClearStored={() => setClearSecret(true)} />
                </Tabs.Panel>
                <Tabs.Panel value="ecr" pt="md">
                  <EcrFields form={form} secretStored={secretKept ? stored.secret : undefined} />
                </Tabs.Panel>
              </Tabs>
              {persistence.note && (
                <Text size="xs" c="dimmed" role="note">
                  {persistence.note}
                </Text>
              )}
              <ProblemAlert ref={problemRef} problem={saving.problem} />
            </Stack>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="md">
            {/* Beside the verdict that asks for it: a TLS failure's remedy is in view with its Upload button. */}
            {showTls && (
              <Paper withBorder p="md">
                <TlsFields form={form} />
              </Paper>
            )}
            <ValidationPanel
              state={validation.state}
              request={toValidationRequest(values)}
              onValidate={() => void validate()}
              onCancel={() => void validation.cancel()}
            />
            {values.type === 'ecr' && values.ecrProtected && values.awsMethod === 'sts' && <TrustPolicyPanel form={form} />}
          </Stack>
        </Grid.Col>
      </Grid>
      <WizardActions saving={saving.running} validatedNow={validatedNow} onSave={(mode) => void save(mode)} />
      <LeaveDialog opened={leaving} onStay={() => setLeaving(false)} onDiscard={() => onDone()} onSaveDraft={() => void save('draft')} />
    </Stack>
  );
}

/** Without a keychain, secrets are kept for the session only unless the admin opted in (main enforces it too). */
function useSecretPersistence(): { value: SecretPersistence; note?: string } {
  const { info } = useAppInfo();
  if (info?.secureStorage.policy === 'session-only') {
    return {
      value: 'session',
      note: 'No OS keychain is available: passwords and keys are kept for this session only and asked for again after a restart.',
    };
  }
  return { value: 'persist' };
}
