import type { RegistryEndpoint } from '../../../../shared/endpoint';
import type { CertificateSummary } from '../../../../shared/model/certificate';
import type { PackFound, ValidationRequest } from '../../../../shared/model/validation';

/** Something a step opened that must be closed when the run ends, at whichever step it ends. */
export interface RunResource {
  close(): void | Promise<void>;
  /** HTTP requests it made (registry and AWS API), for benchmarks. */
  readonly requestCount?: number;
}

/**
 * What the report shows besides the steps. Each is written by the one step that learns it, and
 * written before that step can still fail, so a report shows, say, the presented chain of a
 * certificate that did not verify.
 */
export interface RunFacts {
  /** The parsed endpoint (endpoint step); undefined while the given text did not parse. */
  endpoint: RegistryEndpoint | undefined;
  proxy: URL | null;
  presentedChain: CertificateSummary[];
  /** How many pack repositories the base path holds (base-path step). */
  packCount: number;
  packs: PackFound[];
  ecrTokenExpiresAt: string | undefined;
}

/** One validation as every step sees it: what was asked, its limits, and where it reports. */
export interface Run {
  readonly request: ValidationRequest;
  readonly signal: AbortSignal;
  /** When the whole validation must be over (epoch ms). */
  readonly deadline: number;
  /** Where proxy settings (HTTPS_PROXY, NO_PROXY…) come from. */
  readonly env: NodeJS.ProcessEnv;
  readonly facts: RunFacts;
  /** Hands a resource to the run, which closes it at the end. */
  own<T extends RunResource>(resource: T): T;
}

export function createRun(request: ValidationRequest, limits: { signal: AbortSignal; deadline: number; env: NodeJS.ProcessEnv }) {
  const resources: RunResource[] = [];
  const run: Run = {
    request,
    ...limits,
    facts: { endpoint: undefined, proxy: null, presentedChain: [], packCount: 0, packs: [], ecrTokenExpiresAt: undefined },
    own(resource) {
      resources.push(resource);
      return resource;
    },
  };
  return {
    run,
    requestCount: () => resources.reduce((sum, resource) => sum + (resource.requestCount ?? 0), 0),
    /** Closes everything the steps opened, in reverse order. */
    close: async () => {
      for (const resource of resources.reverse()) await resource.close();
    },
  };
}
