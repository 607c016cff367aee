import { Agent, type AgentOptions } from 'node:https';
import type { ClientRequestArgs } from 'node:http';
import { isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import { connect as tlsConnect, type SecureContext } from 'node:tls';
import { openTcp } from '../../net/connect';

export interface AwsTransportOptions {
  /** The same trust as the registry's (system CAs and/or the supplied CA). */
  /** Undefined: Node's default CAs. */
  secureContext: SecureContext | undefined;
  connectTimeoutMs: number;
  /** The same proxy choice as the registry's, per target host (NO_PROXY applies). */
  proxyFor(url: URL): URL | null;
  signal: AbortSignal;
}

/**
 * The https.Agent the AWS SDK's NodeHttpHandler uses: the registry's CA set, and its proxy
 * through a CONNECT tunnel (the SDK has no proxy or CA-bundle setting of its own:
 * docs/reference/aws-ecr-sts.md#sdk-configuration). Certificates are always verified: Insecure Skip TLS Verify is a registry setting, and
 * AWS answers carry session credentials and registry tokens.
 */
export class AwsApiAgent extends Agent {
  private readonly settings: AwsTransportOptions;

  constructor(settings: AwsTransportOptions) {
    super({ keepAlive: true, maxSockets: 4, secureContext: settings.secureContext, rejectUnauthorized: true } satisfies AgentOptions);
    this.settings = settings;
  }

  override createConnection(options: ClientRequestArgs, callback?: (err: Error | null, stream: Duplex) => void): Duplex | null | undefined {
    const host = String(options.host ?? options.hostname ?? '').replace(/^\[|\]$/g, '');
    const port = Number(options.port ?? 443);
    const hostForUrl = isIP(host) === 6 ? `[${host}]` : host;
    const proxy = this.settings.proxyFor(new URL(`https://${hostForUrl}:${port}`));
    if (!proxy) return super.createConnection(options, callback);
    openTcp({ host, port, hostPort: `${hostForUrl}:${port}` }, proxy, this.settings.connectTimeoutMs, this.settings.signal).then(
      (socket) => {
        const tls = tlsConnect({
          socket,
          secureContext: this.settings.secureContext,
          rejectUnauthorized: true,
          ...(isIP(host) ? {} : { servername: host }),
          ALPNProtocols: ['http/1.1'],
        });
        callback?.(null, tls);
      },
      (error: Error) => callback?.(error, undefined as unknown as Duplex),
    );
    return undefined;
  }
}

/** What NodeHttpHandler takes as a plain options object (docs/reference/aws-ecr-sts.md#sdk-configuration: no import of the handler needed). */
export function requestHandlerOptions(agent: AwsApiAgent, connectTimeoutMs: number) {
  return {
    httpsAgent: agent,
    connectionTimeout: connectTimeoutMs,
    // Without this, requestTimeout only logs a warning (@smithy/types httpHandlerInitialization.d.ts).
    throwOnRequestTimeout: true,
  };
}
