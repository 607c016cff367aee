import { appError } from '../../../../shared/errors';
import type { EcrValidation } from '../../../../shared/model/ecr-validation';
import type { RegistryEndpoint } from '../../../../shared/endpoint';
import { StepProblem } from '../core/step-problem';
import { describeEcrHost, parseEcrHost, partitionOfRegion, type AwsPartition, type EcrHost } from './ecr-host';

/** What the endpoint and the ECR settings say about where and how to call AWS. */
export interface EcrTarget {
  host: EcrHost;
  /** The API region: the one given, else the host's; undefined when neither says. */
  region: string | undefined;
  partition: AwsPartition;
  fips: boolean;
  dualStack: boolean;
  /** The registry's account, for DescribeRepositories/ListImages on another account's registry. */
  registryId: string | undefined;
  apiEndpoint: URL | undefined;
  stsEndpoint: URL | undefined;
}

export function resolveEcrTarget(ecr: EcrValidation, endpoint: RegistryEndpoint): EcrTarget {
  refusePlainHttpEcr(endpoint, true);
  const host = parseEcrHost(endpoint.host);
  const region = ecr.region ?? (host.kind === 'private' ? host.region : undefined);
  return {
    host,
    region,
    // The given region decides: a private endpoint in China or GovCloud says so only by its region.
    partition: ecr.region ? partitionOfRegion(ecr.region) : host.kind === 'private' ? host.partition : 'aws',
    fips: host.kind === 'private' && host.fips,
    dualStack: host.kind === 'private' && host.dualStack,
    registryId: host.kind === 'private' ? host.account : undefined,
    apiEndpoint: overrideUrl(ecr.apiEndpoint, 'ecr.apiEndpoint'),
    stsEndpoint: overrideUrl(ecr.stsEndpoint, 'ecr.stsEndpoint'),
  };
}

/**
 * ECR serves registries over HTTPS only, and its authorization token is a password: an http://
 * endpoint is refused before anything is sent, whether the ECR settings are given (`asEcr`) or the
 * host merely names an ECR registry.
 */
export function refusePlainHttpEcr(endpoint: RegistryEndpoint, asEcr: boolean): void {
  if (endpoint.scheme !== 'http') return;
  if (!asEcr && parseEcrHost(endpoint.host).kind === 'unrecognized') return;
  throw new StepProblem(
    appError('ECR_HTTPS_REQUIRED', {
      message: `ECR serves registries over HTTPS only; ${endpoint.origin} would send the ECR authorization token unencrypted.`,
      remedy: `Use ${endpoint.origin.replace(/^http:/, 'https:')}${endpoint.pathPrefix} as the endpoint.`,
      field: 'endpoint',
    }),
  );
}

/** Any registry's endpoint: one whose host names an ECR registry is ECR's, and so HTTPS only. */
export const refusePlainHttpEcrHost = (endpoint: RegistryEndpoint): void => refusePlainHttpEcr(endpoint, false);

/** A VPC or private endpoint: https only, since AWS answers carry credentials and tokens. */
function overrideUrl(raw: string | undefined, field: string): URL | undefined {
  if (raw === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
  } catch {
    url = undefined;
  }
  if (url?.protocol === 'https:' && !url.username && !url.password && !url.search && !url.hash) return url;
  // Never echo an override that holds credentials.
  const shown = url && (url.username || url.password) ? 'a URL with credentials in it' : JSON.stringify(raw.slice(0, 200));
  throw new StepProblem(appError('AWS_API_ENDPOINT_INVALID', { field }), [`given: ${shown}`]);
}

/** The endpoint step's ECR lines: what the host says, and where the AWS calls will go. */
export function describeEcrTarget(target: EcrTarget, ecr: EcrValidation): string[] {
  const lines = [describeEcrHost(target.host)];
  if (!ecr.isPrivate) return [...lines, 'not protected: the registry is checked without AWS authentication'];
  if (ecr.region && target.host.kind === 'private' && ecr.region !== target.host.region) {
    lines.push(`API region ${ecr.region} given; the endpoint names ${target.host.region} (an ECR token works only in its own region)`);
  } else if (target.region) {
    lines.push(`AWS API region ${target.region}, partition ${target.partition}`);
  }
  lines.push(
    target.apiEndpoint
      ? `ECR API endpoint override ${target.apiEndpoint.origin}`
      : `ECR API: the SDK's regional endpoint${target.fips ? ' (FIPS)' : ''}${target.dualStack ? ' (dual-stack)' : ''}`,
  );
  if (ecr.method === 'sts')
    lines.push(target.stsEndpoint ? `STS endpoint override ${target.stsEndpoint.origin}` : "STS: the SDK's regional endpoint");
  return lines;
}
