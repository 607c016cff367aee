import { appError } from '../../../../shared/errors';
import { endpointStep } from '../connection/connection-steps';
import { proxyFor } from '../../net/proxy';
import { StepProblem } from '../oci/registry-auth';
import { authStep } from '../oci/registry-steps';
import { warn, type StepOutcome } from '../core/step-runner';
import type { ValidationContext } from '../validation-context';
import { maskKeyId } from './aws-error-map';
import { createAwsSession, type AwsIdentitySource, type AwsSession } from './aws-session';
import { describeEcrTarget, resolveEcrTarget, type EcrTarget } from './ecr-target';
import { checkRole, describeSource, paletteOnlyChecks, stsSourceIdentity } from './sts-checks';

/** True when the run must sign in through AWS rather than with a username and password. */
export const signsInThroughAws = (ctx: ValidationContext) => ctx.request.ecr?.isPrivate === true;

/** The endpoint step, plus what an ECR endpoint says about account, region and partition. */
export async function ecrEndpointStep(ctx: ValidationContext): Promise<StepOutcome> {
  const outcome = await endpointStep(ctx);
  const ecr = ctx.request.ecr;
  if (!ecr) return outcome;
  const target = resolveEcrTarget(ecr, ctx.endpoint!);
  ctx.ecr = target;
  const observed = [...outcome.observed, ...describeEcrTarget(target, ecr)];
  // Only a protected registry calls AWS, so only there do an unknown account and region matter.
  if (target.host.kind === 'unrecognized' && ecr.isPrivate && !outcome.problem) {
    const message = target.region
      ? `${ctx.endpoint!.host} is not an ECR registry host name; AWS calls go to region ${target.region}.`
      : `${ctx.endpoint!.host} is not an ECR registry host name, so its account and region are unknown.`;
    return warn(appError('ECR_HOST_UNRECOGNIZED', { message, field: 'endpoint' }), ...observed);
  }
  return { ...outcome, observed };
}

/**
 * Authentication for a protected ECR registry: an ECR authorization token from AWS (directly
 * with the keys, or through AssumeRole for STS), then the registry itself with Basic AWS:<token>,
 * as docker-credential-ecr-login does (protocol.md B1).
 */
export async function ecrAuthStep(ctx: ValidationContext): Promise<StepOutcome> {
  if (!signsInThroughAws(ctx)) return authStep(ctx);
  const observed: string[] = [];
  try {
    return await signIn(ctx, observed);
  } catch (error) {
    // Keep what was learnt before the failure (role checks, the token) in front of its cause.
    if (error instanceof StepProblem) throw new StepProblem(error.problem, [...observed, ...error.observed]);
    throw error;
  }
}

async function signIn(ctx: ValidationContext, observed: string[]): Promise<StepOutcome> {
  const ecr = ctx.request.ecr!;
  const target = ctx.ecr!;
  let source: AwsIdentitySource;
  if (ecr.method === 'sts') {
    observed.push(...checkRole(ecr, target));
    const identity = stsSourceIdentity(ecr);
    if (!identity) {
      ctx.awsUnchecked = 'not checked from here: only Palette can assume the role and read the packs with it';
      return warn(appError('STS_UNVERIFIED'), ...observed, paletteOnlyChecks(target));
    }
    try {
      const assumed = await (await sessionFor(ctx, target)).assumeRole(identity, ecr.roleArn, ecr.externalId);
      observed.push(
        `STS AssumeRole with the external ID as ${describeSource(identity)} → ${assumed.assumedRoleArn ?? 'a role session'}${assumed.expiration ? `, session until ${assumed.expiration.toISOString()}` : ''}`,
      );
      source = { kind: 'keys', keys: assumed.keys };
    } catch (error) {
      if (error instanceof StepProblem && error.problem.code === 'AWS_ACCESS_DENIED') {
        ctx.awsUnchecked =
          'not checked from here: STS refused the role to this workstation’s identity; Palette reads the packs with its own role session';
        return warn(appError('STS_ASSUME_ROLE_DENIED'), ...observed, ...error.observed, paletteOnlyChecks(target));
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

  const session = await sessionFor(ctx, target);
  ctx.ecrApi = session.ecr(source);
  const token = decodeToken(await ctx.ecrApi.getAuthorizationToken());
  session.addSecret(token.password);
  session.addSecret(token.encoded);
  ctx.registryCredentials = { username: token.username, password: token.password };
  ctx.ecrTokenExpiresAt = token.expiresAt?.toISOString();
  observed.push(`ECR GetAuthorizationToken in ${target.region} → a token for user ${token.username}`);
  const proxyHost = token.proxyEndpoint ? safeHost(token.proxyEndpoint) : undefined;
  if (proxyHost && proxyHost !== ctx.endpoint!.host)
    observed.push(`the token names ${proxyHost}; it serves every registry in ${target.region} that the identity may pull from`);

  let outcome: StepOutcome;
  try {
    outcome = await authStep(ctx);
  } catch (error) {
    if (error instanceof StepProblem && error.problem.code === 'AUTH_REJECTED') {
      throw new StepProblem(
        appError('ECR_TOKEN_REJECTED', {
          message: `The registry at ${ctx.endpoint!.hostPort} refused the ECR token issued in ${target.region}.`,
        }),
        error.observed,
      );
    }
    throw error;
  }
  // The checklist shows a step's first line: lead with the token's expiry, then what led to it.
  const via = ecr.method === 'sts' ? ` from role ${ecr.roleArn.split('/').pop() ?? ''}` : '';
  return { ...outcome, observed: [`${expiryLine(token)}${via}`, ...observed, ...outcome.observed] };
}

/** One AWS session per run, opened once a call is due (STS without a source identity needs none, nor a region). */
async function sessionFor(ctx: ValidationContext, target: EcrTarget): Promise<AwsSession> {
  if (ctx.aws) return ctx.aws;
  if (!target.region) throw new StepProblem(appError('AWS_REGION_REQUIRED', { field: 'ecr.region' }));
  ctx.aws = await createAwsSession({
    region: target.region,
    fips: target.fips,
    dualStack: target.dualStack,
    apiEndpoint: target.apiEndpoint,
    stsEndpoint: target.stsEndpoint,
    transport: {
      secureContext: ctx.trust?.full(),
      connectTimeoutMs: ctx.request.connectTimeoutMs,
      proxyFor: (url) => proxyFor(url, ctx.request.proxy, ctx.env),
      signal: ctx.signal,
    },
    deadline: ctx.deadline,
  });
  return ctx.aws;
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
