import { Button, Checkbox, Group, PasswordInput, SegmentedControl, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import type { ChangeEvent } from 'react';
import type { PaletteConnection } from '../../../../shared/model/publish';
import { client } from '../../api/client';
import { problemOf, type Problem } from '../../api/problem';

export interface SignInState {
  paletteUrl: string;
  apiKey: string;
  /** For the system console: its login, or an Authorization token pasted from a signed-in console. */
  method: 'login' | 'token';
  username: string;
  password: string;
  token: string;
  ca: { fileName: string; pem: string } | null;
  insecureSkipVerify: boolean;
  allowHttp: boolean;
}

export const emptySignIn: SignInState = {
  paletteUrl: '',
  apiKey: '',
  method: 'login',
  username: '',
  password: '',
  token: '',
  ca: null,
  insecureSkipVerify: false,
  allowHttp: false,
};

type ConnectionInput = Omit<PaletteConnection, 'proxy' | 'tls' | 'allowHttp'> & {
  tls: { insecureSkipVerify: boolean; caPem?: string };
  allowHttp: boolean;
};

/** The connection to send, or undefined while a required field is empty (then shown as missing). */
export function connectionOf(state: SignInState, scope: 'system' | 'tenant'): ConnectionInput | undefined {
  const auth: ConnectionInput['auth'] | undefined =
    scope === 'tenant'
      ? state.apiKey.trim()
        ? { kind: 'apiKey', apiKey: state.apiKey }
        : undefined
      : state.method === 'token'
        ? state.token.trim()
          ? { kind: 'token', token: state.token.trim() }
          : undefined
        : state.username.trim() && state.password
          ? { kind: 'system', username: state.username, password: state.password }
          : undefined;
  if (!auth || state.paletteUrl.trim() === '') return undefined;
  return {
    paletteUrl: state.paletteUrl.trim(),
    auth,
    tls: { insecureSkipVerify: state.insecureSkipVerify, ...(state.ca ? { caPem: state.ca.pem } : {}) },
    allowHttp: state.allowHttp,
  };
}

interface Props {
  scope: 'system' | 'tenant';
  state: SignInState;
  onChange: (state: SignInState) => void;
  /** Show missing required fields as errors (after a first attempt). */
  attempted: boolean;
  onProblem: (problem: Problem | null) => void;
}

/**
 * Where Palette is and how to sign in: a tenant API key, or for the system console its login or
 * a pasted Authorization token (the login does not work once passkeys are on). Nothing here is
 * stored; it lives in the dialog's state and is sent with each request.
 */
export function PaletteSignIn({ scope, state, onChange, attempted, onProblem }: Props) {
  // Every text field here is required: after a first attempt an empty one says what to enter.
  const required = (field: 'paletteUrl' | 'apiKey' | 'username' | 'password' | 'token', missing: string) => ({
    required: true,
    value: state[field],
    onChange: (event: ChangeEvent<HTMLInputElement>) => onChange({ ...state, [field]: event.currentTarget.value }),
    error: attempted && state[field].trim() === '' ? missing : undefined,
  });
  const hideable = (what: string) => ({ visibilityToggleButtonProps: { 'aria-label': `Show or hide the ${what}` } });
  const pickCa = async () => {
    onProblem(null);
    try {
      const picked = await client.pickCertificateFile();
      if (!picked.canceled) onChange({ ...state, ca: { fileName: picked.fileName, pem: picked.pem } });
    } catch (error) {
      onProblem(problemOf(error));
    }
  };
  const http = /^http:\/\//i.test(state.paletteUrl.trim());

  return (
    <Stack gap="sm">
      <TextInput
        label="Palette API URL"
        placeholder="https://console.spectrocloud.example"
        {...required('paletteUrl', 'Enter the Palette address.')}
        data-autofocus
      />
      {scope === 'tenant' ? (
        <PasswordInput label="API key" {...required('apiKey', 'Enter the API key.')} {...hideable('API key')} />
      ) : (
        <>
          <SegmentedControl
            aria-label="System console sign-in"
            value={state.method}
            onChange={(method) => onChange({ ...state, method: method })}
            data={[
              { value: 'login', label: 'Username and password' },
              { value: 'token', label: 'Paste a token' },
            ]}
          />
          {state.method === 'login' ? (
            <>
              <TextInput
                label="System console username"
                {...required('username', 'Enter the system console username.')}
                autoComplete="off"
              />
              <PasswordInput
                label="System console password"
                {...required('password', 'Enter the system console password.')}
                {...hideable('password')}
              />
            </>
          ) : (
            <PasswordInput
              label="Authorization token"
              description="With passkeys on, the login above does not work: copy the Authorization value of a signed-in console session."
              {...required('token', 'Paste the Authorization token.')}
              {...hideable('token')}
            />
          )}
        </>
      )}
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          Palette’s CA certificate
        </Text>
        <Group gap="xs">
          <Button variant="default" size="xs" leftSection={<IconUpload size={14} aria-hidden />} onClick={() => void pickCa()}>
            {state.ca ? 'Choose another CA file' : 'Upload CA file'}
          </Button>
          {state.ca && (
            <>
              <Text size="sm">{state.ca.fileName}</Text>
              <Button variant="default" size="xs" onClick={() => onChange({ ...state, ca: null })}>
                Remove CA file
              </Button>
            </>
          )}
        </Group>
      </Stack>
      <Switch
        label="Skip TLS verification (insecure)"
        checked={state.insecureSkipVerify}
        onChange={(event) => onChange({ ...state, insecureSkipVerify: event.currentTarget.checked })}
      />
      {http && (
        <Checkbox
          color="red"
          label="Send over plain http: the API key, password or token crosses the network unencrypted"
          checked={state.allowHttp}
          onChange={(event) => onChange({ ...state, allowHttp: event.currentTarget.checked })}
        />
      )}
    </Stack>
  );
}
