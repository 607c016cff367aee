import type { Socket } from 'node:net';
import type { CertificateSummary } from '../../../shared/model/certificate';
import type { PackFound, ValidationRequest } from '../../../shared/model/validation';
import type { RegistryEndpoint } from './endpoint';
import type { HttpClient } from './http-client';
import type { Authorizer } from './registry-auth';
import type { Challenge } from './www-authenticate';

/** What the steps learn and hand on to the ones after them. */
export interface ValidationContext {
  request: ValidationRequest;
  signal: AbortSignal;
  deadline: number;
  env: NodeJS.ProcessEnv;
  endpoint?: RegistryEndpoint;
  proxy: URL | null;
  ca: string[];
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
}

export function credentialsOf(request: ValidationRequest) {
  return request.username || request.password ? { username: request.username, password: request.password } : undefined;
}
