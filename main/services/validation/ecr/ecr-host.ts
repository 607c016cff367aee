/** AWS partitions as ARNs name them. */
export type AwsPartition = 'aws' | 'aws-cn' | 'aws-us-gov' | 'aws-iso' | 'aws-iso-b' | 'aws-iso-e' | 'aws-iso-f' | 'aws-eusc';

export type EcrHost =
  | {
      kind: 'private';
      account: string;
      region: string;
      partition: AwsPartition;
      /** dkr.ecr-fips: the API must then be FIPS too. */
      fips: boolean;
      /** dkr-ecr.<region>.on.aws: IPv4 and IPv6; the API has a dual-stack name as well. */
      dualStack: boolean;
    }
  /** ECR Public (public.ecr.aws): anonymous pulls, no AWS signing needed. */
  | { kind: 'public' }
  /** A private (VPC) endpoint, a proxy or a mistake: accepted, but account and region are unknown. */
  | { kind: 'unrecognized' };

/**
 * The registry host forms of amazon-ecr-credential-helper's current `ecr-login/api/client.go`
 * (docs/reference/aws-ecr-sts.md#registry-and-api-hosts): standard, FIPS, dual-stack (dkr-ecr … on.aws), China, the sovereign and
 * isolated partitions.
 */
const ECR_HOST =
  /^(\d{12})\.dkr[.-]ecr(-fips)?\.([a-z0-9][a-z0-9-_]*)\.(amazonaws\.(?:com(?:\.cn)?|eu)|on\.(?:aws|amazonwebservices\.com\.cn)|sc2s\.sgov\.gov|c2s\.ic\.gov|cloud\.adc-e\.uk|csp\.hci\.ic\.gov)$/;

const PARTITION_BY_SUFFIX: Record<string, AwsPartition> = {
  'amazonaws.com.cn': 'aws-cn',
  'on.amazonwebservices.com.cn': 'aws-cn',
  'amazonaws.eu': 'aws-eusc',
  'c2s.ic.gov': 'aws-iso',
  'sc2s.sgov.gov': 'aws-iso-b',
  'cloud.adc-e.uk': 'aws-iso-e',
  'csp.hci.ic.gov': 'aws-iso-f',
};

export function parseEcrHost(host: string): EcrHost {
  const name = host.toLowerCase().replace(/\.$/, '');
  if (name === 'public.ecr.aws') return { kind: 'public' };
  const match = ECR_HOST.exec(name);
  if (!match) return { kind: 'unrecognized' };
  const [, account, fips, region, suffix] = match as unknown as [string, string, string | undefined, string, string];
  // GovCloud shares the commercial DNS suffixes; only its region names tell it apart.
  const partition = PARTITION_BY_SUFFIX[suffix] ?? (region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws');
  return { kind: 'private', account, region, partition, fips: fips !== undefined, dualStack: suffix.startsWith('on.') };
}

/** The partition a region belongs to, for hosts that do not say (private endpoints with a given region). */
export function partitionOfRegion(region: string): AwsPartition {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  if (region.startsWith('us-isof-')) return 'aws-iso-f';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  if (region.startsWith('eu-isoe-')) return 'aws-iso-e';
  if (region.startsWith('eusc-')) return 'aws-eusc';
  return 'aws';
}

/** One line for the report: what the host says about the registry. */
export function describeEcrHost(host: EcrHost): string {
  if (host.kind === 'public') return 'ECR Public (public.ecr.aws): pulls need no AWS credentials';
  if (host.kind === 'unrecognized') return 'not an ECR host name: account and region unknown';
  const variant = [host.fips ? 'FIPS' : '', host.dualStack ? 'dual-stack' : ''].filter(Boolean).join(', ');
  return `ECR registry of account ${host.account} in ${host.region} (partition ${host.partition}${variant ? `, ${variant}` : ''})`;
}
