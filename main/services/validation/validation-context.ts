import type { Socket } from 'node:net';
import type { CertificateSummary } from '../../../shared/model/certificate';
import type { PackFound, ValidationRequest } from '../../../shared/model/validation';
import type { RegistryEndpoint } from '../../../shared/endpoint';
import type { HttpClient } from '../net/http-client';
import type { Authorizer, Credentials } from './oci/registry-auth';
import type { AwsSession, EcrApi } from './ecr/aws-session';
import type { EcrTarget } from './ecr/ecr-target';
import type { Challenge } from './oci/www-authenticate';
import type { RegistryTrust } from '../tls/trust';

/** What the steps learn and hand on to the ones after them. */
export interface ValidationContext {
  request: ValidationRequest;
  signal: AbortSignal;
  deadline: number;
  env: NodeJS.ProcessEnv;
  endpoint?: RegistryEndpoint;
  proxy: URL | null;
  /** The CAs to trust, as one TLS context shared by every connection (set by the endpoint step). */
  trust?: RegistryTrust;
  address?: string;
  socket?: Socket;
  presentedChain: CertificateSummary[];
  http?: HttpClient;
  /** The unauthenticated /v2/ answer: 200 (open) or 401 with these challenges. */
  apiOpen: boolean;
  challenges: Challenge[];
  auth?: Authorizer;
  packRepositories: string[];
  packs: PackFound[];
  /** ECR (issue 7): what the endpoint says about AWS, and the AWS side once signed in. */
  ecr?: EcrTarget;
  aws?: AwsSession;
  ecrApi?: EcrApi;
  ecrTokenExpiresAt?: string;
  /** Set when AWS could not be signed in to from here (STS): why base path and packs are not checked. */
  awsUnchecked?: string;
  /** Credentials learnt during the run (ECR: AWS and the token's password), used instead of the request's. */
  registryCredentials?: Credentials;
}

export function credentialsOf(request: ValidationRequest) {
  // Palette's ECR tab has no username or password: ECR registries authenticate through AWS only.
  if (request.ecr) return undefined;
  return request.username || request.password ? { username: request.username, password: request.password } : undefined;
}
