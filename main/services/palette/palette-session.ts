import { AppErrorException, appError } from '../../../shared/errors';
import { PaletteErrorSchema, type PaletteConnection, type PublishStep } from '../../../shared/model/publish';
import { createPaletteHttp, type PaletteHttp } from '../export/palette-http';
import type { Json } from '../export/palette-payloads';

const MAX_TEXT_BODY = 4096;
const REDACTED = '<redacted>';
/** Field names whose values are secrets wherever Palette puts them (masked or not). */
const SECRET_KEYS = /^(password|secretkey|secrettoken|token|authorization|apikey|accesskey|key)$/i;

/**
 * The instance's origin: Palette's API lives at /v1 on it, whatever page of the console was
 * pasted. Plain http only with the admin's explicit opt-in: it would carry the API key, the
 * console password or the token unencrypted (docs/palette-api.md#publish-round-trip).
 */
export function paletteOrigin(raw: string, allowHttp: boolean): URL {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
  } catch {
    throw new AppErrorException(appError('PUBLISH_URL_INVALID', { field: 'paletteUrl' }));
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) {
    throw new AppErrorException(appError('PUBLISH_URL_INVALID', { field: 'paletteUrl' }));
  }
  if (url.protocol === 'http:' && !allowHttp) throw new AppErrorException(appError('PUBLISH_HTTP_NOT_ALLOWED', { field: 'allowHttp' }));
  return new URL(url.origin);
}

/**
 * An answer as the window and the terminal may see it: values of secret fields replaced, and any
 * secret this conversation sent (a password, a key, the token) cut out of every string, so a
 * Palette that echoes a request back cannot hand a secret to the window.
 */
export function redactAnswer(value: Json, secrets: readonly string[]): Json {
  const live = secrets.filter((s) => s.length >= 4);
  const walk = (v: Json, key?: string): Json => {
    if (key !== undefined && SECRET_KEYS.test(key) && v !== null && v !== '' && typeof v !== 'boolean') return REDACTED;
    if (typeof v === 'string') return live.reduce((text, secret) => text.split(secret).join(REDACTED), v);
    if (Array.isArray(v)) return v.map((item) => walk(item));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, walk(item, k)]));
    return v;
  };
  return walk(value);
}

function parseBody(text: string): Json | undefined {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as Json;
  } catch {
    return text.length > MAX_TEXT_BODY ? `${text.slice(0, MAX_TEXT_BODY)}…` : text;
  }
}

export interface PaletteCall {
  step: PublishStep;
  /** The parsed answer, unredacted: for main's own use (a uid, a spec to compare), never passed on as is. */
  data: Json | undefined;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * One signed-in conversation with Palette: every answer becomes a redacted step, in order.
 * Sign-in: the API key as header `ApiKey`; the system console login, whose token (like a pasted
 * one) goes in the `Authorization` header as is, without "Bearer".
 */
export async function openPaletteSession(
  connection: PaletteConnection,
  options: { env: NodeJS.ProcessEnv; deadlineMs?: number; secrets?: string[] },
) {
  const origin = paletteOrigin(connection.paletteUrl, connection.allowHttp);
  const http: PaletteHttp = createPaletteHttp({
    origin,
    tls: connection.tls,
    proxy: connection.proxy,
    env: options.env,
    ...(options.deadlineMs ? { deadlineMs: options.deadlineMs } : {}),
  });
  const { auth } = connection;
  const secrets = [
    ...(options.secrets ?? []),
    ...(auth.kind === 'apiKey' ? [auth.apiKey] : auth.kind === 'system' ? [auth.password] : [auth.token]),
  ];
  const steps: PublishStep[] = [];
  let headers: Record<string, string> | undefined =
    auth.kind === 'apiKey' ? { ApiKey: auth.apiKey } : auth.kind === 'token' ? { Authorization: auth.token } : undefined;

  async function call(
    action: PublishStep['action'],
    method: PublishStep['method'],
    path: string,
    body?: unknown,
    signIn = headers,
  ): Promise<PaletteCall> {
    const startedAt = Date.now();
    const answer = await http.send(method, path, body, signIn ?? {});
    const data = parseBody(answer.text);
    const ok = answer.status >= 200 && answer.status < 300;
    const shown = data === undefined ? undefined : redactAnswer(data, secrets);
    const error = ok ? undefined : PaletteErrorSchema.safeParse(shown);
    const step: PublishStep = {
      action,
      method,
      path,
      status: answer.status,
      ok,
      durationMs: Date.now() - startedAt,
      ...(shown === undefined ? {} : { body: shown }),
      ...(error?.success && (error.data.code || error.data.message) ? { error: error.data } : {}),
    };
    steps.push(step);
    return { step, data, headers: answer.headers };
  }

  return {
    origin,
    steps,
    /** Signs in when the sign-in needs a request (the system console login); false when Palette refused it. */
    async signIn(): Promise<boolean> {
      if (headers) return true;
      if (auth.kind !== 'system') return false;
      const login = await call('login', 'POST', '/v1/auth/syslogin', { username: auth.username, password: auth.password }, {});
      const token =
        login.step.ok && login.data && typeof login.data === 'object' && !Array.isArray(login.data)
          ? login.data['Authorization']
          : undefined;
      if (typeof token !== 'string' || token === '') {
        if (login.step.ok) login.step.ok = false;
        login.step.error ??= { message: 'Palette answered the login without an Authorization token.' };
        return false;
      }
      secrets.push(token);
      // The step shows the answer's shape, never the token (redactAnswer replaced it already).
      headers = { Authorization: token };
      return true;
    },
    call: (action: PublishStep['action'], method: PublishStep['method'], path: string, body?: unknown) => call(action, method, path, body),
    close: () => http.close(),
  };
}
export type PaletteSession = Awaited<ReturnType<typeof openPaletteSession>>;
