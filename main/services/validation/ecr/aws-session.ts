import type { ECRClient } from '@aws-sdk/client-ecr';
import type { STSClient } from '@aws-sdk/client-sts';
import { CodedError } from '../../net/connect';
import { awsProblem, type AwsCallInfo } from './aws-error-map';
import { AwsApiAgent, requestHandlerOptions, type AwsTransportOptions } from './aws-transport';

export interface AwsKeys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string | undefined;
}

/** Who signs: explicit keys, or a named profile through the SDK's default credential chain. */
export type AwsIdentitySource = { kind: 'keys'; keys: AwsKeys } | { kind: 'profile'; profile: string };

export interface AwsSessionOptions {
  region: string;
  /** Follow the registry host's FIPS / dual-stack form; ignored with an endpoint override (docs/reference/aws-ecr-sts.md#registry-and-api-hosts). */
  fips: boolean;
  dualStack: boolean;
  apiEndpoint?: URL | undefined;
  stsEndpoint?: URL | undefined;
  transport: AwsTransportOptions;
  /** When the whole validation must be over; each call gives up shortly before it. */
  deadline: number;
}

const MARGIN_MS = 150;

type Handler = (args: { request: unknown }) => Promise<unknown>;
interface FinalizeStack {
  add(middleware: (next: Handler) => Handler, options: { step: 'finalizeRequest'; priority: 'high'; name: string }): void;
}
const SESSION_NAME = 'pack-registry-desk-validate';

/**
 * The AWS side of one validation: SDK v3 clients sharing one agent (the registry's CA and proxy),
 * one attempt per call (a retry would hide throttling and spend the deadline), every call
 * counted, its host recorded, and its failure turned into a StepProblem without secrets.
 */
export async function createAwsSession(options: AwsSessionOptions) {
  // Loaded on first use: validating a Basic registry (and `regdesk --version`) never pays for the SDK.
  const [{ DescribeRepositoriesCommand, ECRClient, GetAuthorizationTokenCommand, ListImagesCommand }, { AssumeRoleCommand, STSClient }] =
    await Promise.all([import('@aws-sdk/client-ecr'), import('@aws-sdk/client-sts')]);
  const agent = new AwsApiAgent(options.transport);
  const clients: Array<ECRClient | STSClient> = [];
  const secrets: string[] = [];
  const hosts: string[] = [];
  let calls = 0;

  function config(source: AwsIdentitySource, endpoint: URL | undefined) {
    if (source.kind === 'keys') secrets.push(source.keys.secretAccessKey, source.keys.sessionToken ?? '');
    return {
      region: options.region,
      maxAttempts: 1,
      requestHandler: requestHandlerOptions(agent, options.transport.connectTimeoutMs),
      ...(endpoint ? { endpoint: endpoint.href } : { useFipsEndpoint: options.fips, useDualstackEndpoint: options.dualStack }),
      ...(source.kind === 'keys' ? { credentials: source.keys } : { profile: source.profile }),
    };
  }

  /** Records where each request really went (also what a test checks: never amazonaws.com). */
  function track<C extends ECRClient | STSClient>(client: C): C {
    // Both clients' stacks take this middleware; their union type cannot say so.
    (client.middlewareStack as unknown as FinalizeStack).add(
      (next) => async (args) => {
        const { hostname, port } = args.request as { hostname?: string; port?: number };
        if (hostname) hosts.push(port ? `${hostname}:${port}` : hostname);
        return next(args);
      },
      { step: 'finalizeRequest', priority: 'high', name: 'regdeskRecordHost' },
    );
    clients.push(client);
    return client;
  }

  async function send<T>(
    info: Omit<AwsCallInfo, 'host'>,
    fallbackHost: string,
    run: (opts: { abortSignal: AbortSignal; requestTimeout: number }) => Promise<T>,
  ): Promise<T> {
    const remaining = options.deadline - Date.now() - MARGIN_MS;
    if (remaining <= 0) throw new CodedError('UND_ERR_HEADERS_TIMEOUT', 'no time left before the deadline');
    calls += 1;
    const before = hosts.length;
    try {
      return await run({ abortSignal: options.transport.signal, requestTimeout: remaining });
    } catch (error) {
      if (options.transport.signal.aborted) throw error;
      const host = hosts.length > before ? hosts[hosts.length - 1]! : fallbackHost;
      throw awsProblem(error, { ...info, host }, secrets);
    }
  }

  const defaultHost = (service: 'ecr' | 'sts', endpoint: URL | undefined) =>
    endpoint?.host ?? `${service === 'ecr' ? 'api.ecr' : 'sts'}.${options.region} (SDK default)`;

  return {
    ecr(source: AwsIdentitySource) {
      const client = track(new ECRClient(config(source, options.apiEndpoint)));
      const keyId = source.kind === 'keys' ? source.keys.accessKeyId : undefined;
      const call = <T>(operation: string, run: (opts: { abortSignal: AbortSignal; requestTimeout: number }) => Promise<T>) =>
        send({ service: 'ECR', operation, ...(keyId ? { accessKeyId: keyId } : {}) }, defaultHost('ecr', options.apiEndpoint), run);
      return {
        getAuthorizationToken: () => call('GetAuthorizationToken', (o) => client.send(new GetAuthorizationTokenCommand({}), o)),
        describeRepositories: (input: { registryId?: string | undefined; nextToken?: string | undefined }) =>
          call('DescribeRepositories', (o) => client.send(new DescribeRepositoriesCommand({ ...input, maxResults: 1000 }), o)),
        listImages: (input: { registryId?: string | undefined; repositoryName: string; nextToken?: string | undefined }) =>
          call('ListImages', (o) => client.send(new ListImagesCommand({ ...input, maxResults: 1000, filter: { tagStatus: 'TAGGED' } }), o)),
      };
    },

    /** AssumeRole for the shortest session STS allows: the validation needs minutes, not hours. */
    async assumeRole(source: AwsIdentitySource, roleArn: string, externalId: string) {
      const client = track(new STSClient(config(source, options.stsEndpoint)));
      const keyId = source.kind === 'keys' ? source.keys.accessKeyId : undefined;
      const answer = await send(
        { service: 'STS', operation: 'AssumeRole', ...(keyId ? { accessKeyId: keyId } : {}) },
        defaultHost('sts', options.stsEndpoint),
        (o) =>
          client.send(
            new AssumeRoleCommand({
              RoleArn: roleArn,
              RoleSessionName: SESSION_NAME,
              DurationSeconds: 900,
              ...(externalId ? { ExternalId: externalId } : {}),
            }),
            o,
          ),
      );
      const c = answer.Credentials;
      if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) {
        throw new CodedError('AWS_BAD_ANSWER', 'AssumeRole answered without credentials');
      }
      secrets.push(c.SecretAccessKey, c.SessionToken);
      return {
        keys: { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken },
        expiration: c.Expiration,
        assumedRoleArn: answer.AssumedRoleUser?.Arn,
      };
    },

    /** Lets later redaction know a secret learnt during the run (the ECR token's password). */
    addSecret(secret: string) {
      secrets.push(secret);
    },
    get calls() {
      return calls;
    },
    get hosts(): readonly string[] {
      return hosts;
    },
    close() {
      for (const client of clients) client.destroy();
      agent.destroy();
    },
  };
}
export type AwsSession = Awaited<ReturnType<typeof createAwsSession>>;
export type EcrApi = ReturnType<AwsSession['ecr']>;
