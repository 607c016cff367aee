import { appError } from '../../../../shared/errors';
import type { EcrValidation } from '../../../../shared/model/ecr-validation';
import { endpointStep, type Located } from '../connection/connection-steps';
import type { Run } from '../core/run';
import { StepProblem } from '../core/step-problem';
import { pass, warn, type Passed } from '../core/step-runner';
import { authStep, type ApiAnswer, type SignedIn } from '../oci/registry-steps';
import { maskKeyId } from './aws-error-map';
import { createAwsSession, type AwsIdentitySource, type AwsSession, type EcrApi } from './aws-session';
import { describeEcrTarget, refusePlainHttpEcrHost, resolveEcrTarget, type EcrTarget } from './ecr-target';
import { checkRole, describeSource, paletteOnlyChecks, stsSourceIdentity } from './sts-checks';

/** The endpoint step's hand-on, plus the ECR settings and what the endpoint says about AWS. */
export interface EcrLocated extends Located {
  settings: EcrValidation;
  target: EcrTarget;
}

/**
 * How an ECR registry was signed in to: through AWS (a protected registry), through the registry
 * alone (not protected), or not from here (STS that only Palette can check), which says why.
 */
export type EcrSignedIn =
  | { via: 'registry'; signedIn: SignedIn }
  | { via: 'aws'; signedIn: SignedIn; api: EcrApi; target: EcrTarget }
  | { via: 'unchecked'; reason: string };

/** The endpoint step, plus what an ECR endpoint says about account, region and partition. */
export async function ecrEndpointStep(run: Run, settings: EcrValidation): Promise<Passed<EcrLocated>> {
  const { outcome, output } = await endpointStep(run, refusePlainHttpEcrHost);
  const target = resolveEcrTarget(settings, output.endpoint);
  const located = { ...output, settings, target };
  const observed = [...outcome.observed, ...describeEcrTarget(target, settings)];
  // Only a protected registry calls AWS, so only there do an unknown account and region matter.
  if (target.host.kind === 'unrecognized' && settings.isPrivate && !outcome.problem) {
    const host = output.endpoint.host;
    const message = target.region
      ? `${host} is not an ECR registry host name; AWS calls go to region ${target.region}.`
      : `${host} is not an ECR registry host name, so its account and region are unknown.`;
    return pass(located, warn(appError('ECR_HOST_UNRECOGNIZED', { message, field: 'endpoint' }), ...observed));
  }
  return pass(located, { ...outcome, observed });
}

/**
 * Authentication for a protected ECR registry: an ECR authorization token from AWS (directly
 * with the keys, or through AssumeRole for STS), then the registry itself with Basic AWS:<token>,
 * as docker-credential-ecr-login does (docs/reference/aws-ecr-sts.md#getauthorizationtoken).
 */
export async function ecrAuthStep(located: EcrLocated, api: ApiAnswer): Promise<Passed<EcrSignedIn>> {
  if (!located.settings.isPrivate) {
    const { outcome, output } = await authStep(api);
    return pass({ via: 'registry', signedIn: output }, outcome);
  }
  const observed: string[] = [];
  try {
    return await signIn(located, api, observed);
  } catch (error) {
    // Keep what was learnt before the failure (role checks, the token) in front of its cause.
    if (error instanceof StepProblem) throw new StepProblem(error.problem, [...observed, ...error.observed]);
    throw error;
  }
}

async function signIn(located: EcrLocated, api: ApiAnswer, observed: string[]): Promise<Passed<EcrSignedIn>> {
  const { run, settings: ecr, target } = located;
  // One AWS session per run, opened once a call is due (STS without a source identity needs none, nor a region).
  let opened: AwsSession | undefined;
  const session = async () => (opened ??= await openSession(located));
  let source: AwsIdentitySource;
  if (ecr.method === 'sts') {
    observed.push(...checkRole(ecr, target));
    const identity = stsSourceIdentity(ecr);
    if (!identity) {
      const reason = 'not checked from here: only Palette can assume the role and read the packs with it';
      return pass({ via: 'unchecked', reason }, warn(appError('STS_UNVERIFIED'), ...observed, paletteOnlyChecks(target)));
    }
    try {
      const assumed = await (await session()).assumeRole(identity, ecr.roleArn, ecr.externalId);
      observed.push(
        `STS AssumeRole with the external ID as ${describeSource(identity)} → ${assumed.assumedRoleArn ?? 'a role session'}${assumed.expiration ? `, session until ${assumed.expiration.toISOString()}` : ''}`,
      );
      source = { kind: 'keys', keys: assumed.keys };
    } catch (error) {
      if (error instanceof StepProblem && error.problem.code === 'AWS_ACCESS_DENIED') {
        const reason =
          'not checked from here: STS refused the role to this workstation’s identity; Palette reads the packs with its own role session';
        return pass(
          { via: 'unchecked', reason },
          warn(appError('STS_ASSUME_ROLE_DENIED'), ...observed, ...error.observed, paletteOnlyChecks(target)),
        );
      }
      throw error;
    }
  } else {
    if (!ecr.accessKeyId) throw new StepProblem(appError('AWS_CREDENTIALS_REQUIRED', { field: 'ecr.accessKeyId' }));
    if (!ecr.secretAccessKey) {
      throw new StepProblem(
        appError('AWS_CREDENTIALS_REQUIRED', {
          message: `No secret access key was given for access key ${maskKeyId(ecr.accessKeyId)}.`,
          field: 'ecr.secretAccessKey',
        }),
      );
    }
    source = {
      kind: 'keys',
      keys: {
        accessKeyId: ecr.accessKeyId,
        secretAccessKey: ecr.secretAccessKey,
        ...(ecr.sessionToken ? { sessionToken: ecr.sessionToken } : {}),
      },
    };
    if (ecr.sessionToken)
      observed.push('temporary (session) keys: Palette would lose access when they expire; give it long-term keys or use STS');
  }

  const aws = await session();
  const ecrApi = aws.ecr(source);
  const token = decodeToken(await ecrApi.getAuthorizationToken());
  aws.addSecret(token.password);
  aws.addSecret(token.encoded);
  run.facts.ecrTokenExpiresAt = token.expiresAt?.toISOString();
  observed.push(`ECR GetAuthorizationToken in ${target.region} → a token for user ${token.username}`);
  const proxyHost = token.proxyEndpoint ? safeHost(token.proxyEndpoint) : undefined;
  if (proxyHost && proxyHost !== located.endpoint.host)
    observed.push(`the token names ${proxyHost}; it serves every registry in ${target.region} that the identity may pull from`);

  let signedIn: Passed<SignedIn>;
  try {
    signedIn = await authStep(api, { username: token.username, password: token.password });
  } catch (error) {
    if (error instanceof StepProblem && error.problem.code === 'AUTH_REJECTED') {
      throw new StepProblem(
        appError('ECR_TOKEN_REJECTED', {
          message: `The registry at ${located.endpoint.hostPort} refused the ECR token issued in ${target.region}.`,
        }),
        error.observed,
      );
    }
    throw error;
  }
  // The checklist shows a step's first line: lead with the token's expiry, then what led to it.
  const via = ecr.method === 'sts' ? ` from role ${ecr.roleArn.split('/').pop() ?? ''}` : '';
  const { outcome } = signedIn;
  return pass(
    { via: 'aws', signedIn: signedIn.output, api: ecrApi, target },
    { ...outcome, observed: [`${expiryLine(token)}${via}`, ...observed, ...outcome.observed] },
  );
}

/** The run's AWS session: the registry's CAs and proxy, the run's deadline; closed with the run. */
async function openSession({ run, target, trust, network }: EcrLocated): Promise<AwsSession> {
  if (!target.region) throw new StepProblem(appError('AWS_REGION_REQUIRED', { field: 'ecr.region' }));
  const session = await createAwsSession({
    region: target.region,
    fips: target.fips,
    dualStack: target.dualStack,
    apiEndpoint: target.apiEndpoint,
    stsEndpoint: target.stsEndpoint,
    transport: {
      secureContext: trust.full(),
      connectTimeoutMs: run.request.connectTimeoutMs,
      proxyFor: network.proxyFor,
      signal: run.signal,
    },
    deadline: run.deadline,
  });
  run.own({
    close: () => session.close(),
    get requestCount() {
      return session.calls;
    },
  });
  return session;
}

interface EcrToken {
  encoded: string;
  username: string;
  password: string;
  expiresAt: Date | undefined;
  proxyEndpoint: string | undefined;
}

/** base64("AWS:<password>"), split on the first colon (amazon-ecr-credential-helper extractToken). */
function decodeToken(answer: {
  authorizationData?: Array<{ authorizationToken?: string; expiresAt?: Date; proxyEndpoint?: string }>;
}): EcrToken {
  const data = answer.authorizationData?.[0];
  const decoded = data?.authorizationToken ? Buffer.from(data.authorizationToken, 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  if (!data?.authorizationToken || colon <= 0) {
    throw new StepProblem(appError('AWS_API_ERROR', { message: 'ECR answered GetAuthorizationToken without a usable token.' }));
  }
  return {
    encoded: data.authorizationToken,
    username: decoded.slice(0, colon),
    password: decoded.slice(colon + 1),
    expiresAt: data.expiresAt,
    proxyEndpoint: data.proxyEndpoint,
  };
}

function expiryLine(token: EcrToken): string {
  if (!token.expiresAt) return 'signed in with an ECR token (AWS gave no expiry)';
  const minutes = Math.max(0, Math.round((token.expiresAt.getTime() - Date.now()) / 60_000));
  const left = minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;
  return `signed in with an ECR token that expires ${token.expiresAt.toISOString()} (in ${left})`;
}

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}
