import { AppErrorException, appError } from '../../../shared/errors';
import { PaletteErrorSchema, type PublishInput, type PublishResult, type PublishStep } from '../../../shared/model/publish';
import type { RegistryRecord } from '../../../shared/model/registry';
import type { SecretField } from '../../../shared/model/secrets';
import type { RegistrySecrets } from '../secrets/registry-secrets';
import type { RegistryRepository } from '../store/registry-repository';
import { createPaletteHttp, type PaletteAnswer } from './palette-http';
import { neededSecrets, paletteRequests, type Json } from './palette-payloads';

export interface PublishServicePorts {
  registries: RegistryRepository;
  secrets: RegistrySecrets;
  env?: NodeJS.ProcessEnv;
}

const MAX_TEXT_BODY = 4096;

/** The instance's origin: Palette's API lives at /v1 on it, whatever page of the console was pasted. */
function paletteOrigin(raw: string): URL {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
  } catch {
    throw new AppErrorException(appError('PUBLISH_URL_INVALID', { field: 'paletteUrl' }));
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) {
    throw new AppErrorException(appError('PUBLISH_URL_INVALID', { field: 'paletteUrl' }));
  }
  return new URL(url.origin);
}

function parseBody(text: string): Json | undefined {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as Json;
  } catch {
    return text.length > MAX_TEXT_BODY ? `${text.slice(0, MAX_TEXT_BODY)}…` : text;
  }
}

function step(action: PublishStep['action'], path: string, answer: PaletteAnswer, startedAt: number, redact = false): PublishStep {
  const ok = answer.status >= 200 && answer.status < 300;
  const body = parseBody(answer.text);
  const error = ok ? undefined : PaletteErrorSchema.safeParse(body);
  return {
    action,
    method: 'POST',
    path,
    status: answer.status,
    ok,
    durationMs: Date.now() - startedAt,
    // The login answer holds the session token: only its shape is shown.
    ...(body === undefined ? {} : { body: redact && ok ? { Authorization: '<redacted>' } : body }),
    ...(error?.success && (error.data.code || error.data.message) ? { error: error.data } : {}),
  };
}

/**
 * `publish:send`: creates a stored registry in Palette with the create request the export shows,
 * signed in with an API key (tenant) or the system console login (system), and reports every
 * answer Palette gave, errors included. The secrets are read from the vault inside main.
 */
export function createPublishService(ports: PublishServicePorts) {
  async function secretsOf(record: RegistryRecord): Promise<Map<SecretField, string>> {
    const values = new Map<SecretField, string>();
    for (const field of neededSecrets(record)) {
      try {
        values.set(field, await ports.secrets.reveal({ registryId: record.id, field }));
      } catch (error) {
        if (!(error instanceof AppErrorException)) throw error;
        const what = field === 'password' ? 'password' : 'AWS secret access key';
        throw new AppErrorException(
          appError('PUBLISH_SECRET_MISSING', {
            message: `The ${what} of "${record.name}" is needed and could not be read: ${error.appError.message}`,
            field,
          }),
        );
      }
    }
    return values;
  }

  return {
    async send(input: PublishInput): Promise<PublishResult> {
      const { record } = ports.registries.get(input.id);
      const wanted = record.scope === 'system' ? 'system' : 'apiKey';
      if (input.auth.kind !== wanted) throw new AppErrorException(appError('PUBLISH_SCOPE_MISMATCH', { field: 'auth.kind' }));
      const origin = paletteOrigin(input.paletteUrl);
      const secrets = await secretsOf(record);
      const requests = paletteRequests(record, (field) => secrets.get(field) ?? '');
      const http = createPaletteHttp({ origin, tls: input.tls, proxy: input.proxy, env: ports.env ?? process.env });
      const steps: PublishStep[] = [];
      const result = (ok: boolean, extra: Partial<PublishResult> = {}): PublishResult => ({
        ok,
        registry: record.name,
        paletteUrl: origin.origin,
        steps,
        ...extra,
      });
      try {
        let headers: Record<string, string>;
        if (input.auth.kind === 'system') {
          const startedAt = Date.now();
          const answer = await http.post('/v1/auth/syslogin', { username: input.auth.username, password: input.auth.password }, {});
          const login = step('login', '/v1/auth/syslogin', answer, startedAt, true);
          steps.push(login);
          const token = login.ok ? (parseBody(answer.text) as { Authorization?: unknown } | undefined)?.Authorization : undefined;
          if (typeof token !== 'string' || token === '') {
            if (login.ok)
              steps[0] = { ...login, ok: false, error: { message: 'Palette answered the login without an Authorization token.' } };
            return result(false);
          }
          // palette.md §2: the token goes in the Authorization header as is, without "Bearer".
          headers = { Authorization: token };
        } else {
          headers = { ApiKey: input.auth.apiKey, ...(input.auth.projectUid ? { ProjectUid: input.auth.projectUid } : {}) };
        }
        let auditUid: string | string[] | undefined;
        for (const action of input.validateFirst ? (['validate', 'create'] as const) : (['create'] as const)) {
          const { path, body } = requests[action];
          const startedAt = Date.now();
          const answer = await http.post(path, body, headers);
          const done = step(action, path, answer, startedAt);
          steps.push(done);
          if (!done.ok) return result(false);
          auditUid = answer.headers['audituid'];
        }
        const created = steps.at(-1)?.body as { uid?: unknown } | undefined;
        return result(true, {
          ...(typeof created?.uid === 'string' ? { uid: created.uid } : {}),
          ...(typeof auditUid === 'string' ? { auditUid } : {}),
        });
      } finally {
        await http.close();
      }
    },
  };
}
export type PublishService = ReturnType<typeof createPublishService>;
