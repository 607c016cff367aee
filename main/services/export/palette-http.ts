import { Agent, ProxyAgent, request, type Dispatcher } from 'undici';
import { AppErrorException, appError } from '../../../shared/errors';
import { classifyError } from '../net/classify-error';
import { proxyFor, type ProxySettings } from '../net/proxy';
import { trustedSecureContext } from '../tls/trust';

export interface PaletteHttpOptions {
  origin: URL;
  tls: { insecureSkipVerify: boolean; caPem?: string | undefined; trustOnlySuppliedCa: boolean };
  proxy: ProxySettings;
  env: NodeJS.ProcessEnv;
  connectTimeoutMs?: number;
  /** For one whole conversation: sign-in, lookup, create or update, and following the sync. */
  deadlineMs?: number;
}

export interface PaletteAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

const MAX_ANSWER_BYTES = 1024 * 1024;

/**
 * JSON requests to one Palette instance, trusting its certificate the way validation trusts a
 * registry's (system and Node roots plus a supplied CA, or only the supplied CA; skip-verify on
 * request) and going through the same proxy settings. Redirects are not followed: a request that
 * carries an API key goes to the address given and nowhere else.
 */
export function createPaletteHttp(options: PaletteHttpOptions) {
  const connectTimeout = options.connectTimeoutMs ?? 10_000;
  const tls = {
    secureContext: trustedSecureContext({ caPem: options.tls.caPem, trustOnlySupplied: options.tls.trustOnlySuppliedCa }),
    rejectUnauthorized: !options.tls.insecureSkipVerify,
    timeout: connectTimeout,
  };
  const proxy = proxyFor(options.origin, options.proxy, options.env);
  const dispatcher: Dispatcher = proxy
    ? new ProxyAgent({ uri: proxy.href, requestTls: tls, connectTimeout })
    : new Agent({ connect: tls, connectTimeout });
  const signal = AbortSignal.timeout(options.deadlineMs ?? 30_000);

  return {
    async send(method: 'GET' | 'POST' | 'PUT', path: string, body: unknown, headers: Record<string, string>): Promise<PaletteAnswer> {
      try {
        const response = await request(new URL(path, options.origin), {
          method,
          headers: {
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            accept: 'application/json',
            'user-agent': 'pack-registry-desk',
            ...headers,
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          dispatcher,
          signal,
        });
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const chunk of response.body) {
          size += (chunk as Buffer).length;
          if (size > MAX_ANSWER_BYTES) {
            response.body.destroy();
            throw Object.assign(new Error(`the answer exceeded ${MAX_ANSWER_BYTES} bytes`), { code: 'RESPONSE_TOO_LARGE' });
          }
          chunks.push(chunk as Buffer);
        }
        return { status: response.statusCode, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') };
      } catch (error) {
        const { code, detail } = signal.aborted ? { code: 'NO_RESPONSE', detail: 'no answer before the deadline' } : classifyError(error);
        throw new AppErrorException(
          appError('PUBLISH_UNREACHABLE', {
            message: `Palette at ${options.origin.origin} could not be reached (${code}): ${detail}`,
            field: 'paletteUrl',
          }),
        );
      }
    },
    close: () => dispatcher.destroy().catch(() => undefined),
  };
}
export type PaletteHttp = ReturnType<typeof createPaletteHttp>;
