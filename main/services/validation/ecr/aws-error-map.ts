import { appError, type AppError, type ErrorCode } from '../../../../shared/errors';
import { classifyError, errorCode } from '../../net/classify-error';
import { StepProblem } from '../core/step-problem';

/** Which call failed, for the sentence and the report line. */
export interface AwsCallInfo {
  service: 'ECR' | 'STS';
  operation: string;
  /** The API host the call went to (or would have). */
  host: string;
  /** The access key ID used, masked before it is shown. */
  accessKeyId?: string;
}

/**
 * AWS names the same failure differently per protocol: ECR speaks JSON 1.1, STS the query
 * protocol. Each group is one cause for the admin.
 */
const CODE_BY_AWS_NAME: Record<string, ErrorCode> = {
  InvalidClientTokenId: 'AWS_KEY_UNKNOWN',
  UnrecognizedClientException: 'AWS_KEY_UNKNOWN',
  SignatureDoesNotMatch: 'AWS_SIGNATURE_MISMATCH',
  InvalidSignatureException: 'AWS_SIGNATURE_MISMATCH',
  ExpiredToken: 'AWS_TOKEN_EXPIRED',
  ExpiredTokenException: 'AWS_TOKEN_EXPIRED',
  RequestExpired: 'AWS_TOKEN_EXPIRED',
  AccessDenied: 'AWS_ACCESS_DENIED',
  AccessDeniedException: 'AWS_ACCESS_DENIED',
  RepositoryNotFoundException: 'ECR_REPOSITORY_NOT_FOUND',
  Throttling: 'AWS_THROTTLED',
  ThrottlingException: 'AWS_THROTTLED',
  TooManyRequestsException: 'AWS_THROTTLED',
  RequestLimitExceeded: 'AWS_THROTTLED',
  CredentialsProviderError: 'AWS_PROFILE_UNAVAILABLE',
};

interface SdkError {
  name?: string;
  message?: string;
  $fault?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

/** "AKIAIOSFODNN7EXAMPLE" → "AKIA…MPLE": enough to tell keys apart, not to copy one. */
export function maskKeyId(keyId: string): string {
  return keyId.length > 8 ? `${keyId.slice(0, 4)}…${keyId.slice(-4)}` : '…';
}

/** Removes every known secret (and anything token-like) from text AWS sent back. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('***');
  // AWS may echo a canonical request holding the session token: drop any long base64 run.
  return out.replace(/[A-Za-z0-9+/=]{80,}/g, '***').slice(0, 400);
}

/** The AWS error name for an SDK error, or undefined for a network-level failure. */
export function awsErrorName(error: unknown): string | undefined {
  const e = error as SdkError;
  if (e?.name === 'CredentialsProviderError') return e.name;
  // The SDK puts $metadata on socket errors too; only an answer from AWS has a status code.
  return typeof e?.$metadata?.httpStatusCode === 'number' && typeof e.name === 'string' ? e.name : undefined;
}

/** Turns what the SDK threw into the step's problem: a stable code, a plain sentence, and report lines without secrets. */
export function awsProblem(error: unknown, call: AwsCallInfo, secrets: readonly string[]): StepProblem {
  const e = error as SdkError;
  const name = awsErrorName(error);
  const where = `${call.service} ${call.operation} at ${call.host}`;
  if (!name) {
    const { detail } = classifyError(error);
    // NodeHttpHandler calls ECONNRESET and EPIPE a TimeoutError too; only its own deadlines (no code, or ETIMEDOUT) are one.
    const code = errorCode(error);
    const timeout = e?.name === 'TimeoutError' && (code === undefined || code === 'ETIMEDOUT');
    return new StepProblem(
      appError('AWS_API_UNREACHABLE', {
        message: timeout
          ? `The ${call.service} API at ${call.host} did not answer in time.`
          : `The ${call.service} API at ${call.host} could not be reached.`,
      }),
      [`${where} → ${redact(detail, secrets)}`],
    );
  }
  const status = e.$metadata?.httpStatusCode;
  const line = `${where} → ${status ? `HTTP ${status} ` : ''}${name}${e.$metadata?.requestId ? ` (request id ${e.$metadata.requestId})` : ''}`;
  const code = CODE_BY_AWS_NAME[name];
  const key = call.accessKeyId ? `access key ${maskKeyId(call.accessKeyId)}` : 'the access key';
  const observed = [line];
  let problem: AppError;
  switch (code) {
    case 'AWS_KEY_UNKNOWN':
      problem = appError(code, { message: `AWS does not recognise ${key} (or its session token).`, field: 'ecr.accessKeyId' });
      break;
    case 'AWS_SIGNATURE_MISMATCH':
      problem = appError(code, { field: 'ecr.secretAccessKey' });
      break;
    case 'AWS_ACCESS_DENIED':
      problem = appError(code, { message: `AWS refused ${call.service === 'ECR' ? 'ecr' : 'sts'}:${call.operation} to this identity.` });
      // AWS's sentence names the principal and the action: worth showing, once cleaned of secrets.
      if (e.message) observed.push(`AWS says: ${redact(e.message, secrets)}`);
      break;
    case 'AWS_PROFILE_UNAVAILABLE':
      problem = appError(code, { field: 'ecr.sourceProfile' });
      observed.splice(0, 1, `AWS SDK credential chain: ${redact(e.message ?? name, secrets)}`);
      break;
    case undefined:
      problem = appError('AWS_API_ERROR', { message: `${where} failed with ${name}.` });
      if (e.message) observed.push(`AWS says: ${redact(e.message, secrets)}`);
      break;
    default:
      problem = appError(code);
  }
  return new StepProblem(problem, observed);
}
