// Which AWS API host the SDK picks for each registry host form (docs/reference/aws-ecr-sts.md#registry-and-api-hosts), observed without
// any network: the run is aborted before the first request leaves, after the SDK resolved the
// endpoint, and the agent refuses to open a connection at all.
import { describe, expect, it } from 'vitest';
import { createAwsSession } from '../../../../../../main/services/validation/ecr/aws-session';
import { parseEcrHost } from '../../../../../../main/services/validation/ecr/ecr-host';

async function resolvedHosts(registryHost: string, service: 'ecr' | 'sts') {
  const host = parseEcrHost(registryHost);
  if (host.kind !== 'private') throw new Error(registryHost);
  let connectionsTried = 0;
  const controller = new AbortController();
  controller.abort(new Error('resolve only'));
  const session = await createAwsSession({
    region: host.region,
    fips: host.fips,
    dualStack: host.dualStack,
    transport: {
      secureContext: undefined,
      connectTimeoutMs: 1000,
      proxyFor: () => {
        connectionsTried += 1;
        return null;
      },
      signal: controller.signal,
    },
    deadline: Date.now() + 5000,
  });
  const keys = { kind: 'keys' as const, keys: { accessKeyId: 'AKIAEXAMPLE000000001', secretAccessKey: 'x' } };
  const call =
    service === 'ecr' ? session.ecr(keys).getAuthorizationToken() : session.assumeRole(keys, 'arn:aws:iam::123456789012:role/r', 'ext');
  await expect(call).rejects.toThrow('Request aborted'); // NodeHttpHandler's own words: it stopped before sending
  session.close();
  expect(connectionsTried).toBe(0);
  return session.hosts;
}

describe('the AWS API endpoint follows the registry host', () => {
  it.each([
    ['123456789012.dkr.ecr.us-east-1.amazonaws.com', 'api.ecr.us-east-1.amazonaws.com', 'sts.us-east-1.amazonaws.com'],
    ['123456789012.dkr.ecr-fips.us-east-1.amazonaws.com', 'api.ecr-fips.us-east-1.amazonaws.com', 'sts-fips.us-east-1.amazonaws.com'],
    ['123456789012.dkr-ecr.us-east-1.on.aws', 'ecr.us-east-1.api.aws', 'sts.us-east-1.api.aws'],
    ['123456789012.dkr-ecr-fips.us-east-1.on.aws', 'ecr-fips.us-east-1.api.aws', 'sts-fips.us-east-1.api.aws'],
    ['123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn', 'api.ecr.cn-north-1.amazonaws.com.cn', 'sts.cn-north-1.amazonaws.com.cn'],
  ])('%s → %s and %s', async (registryHost, ecrApi, sts) => {
    expect(await resolvedHosts(registryHost, 'ecr')).toEqual([ecrApi]);
    expect(await resolvedHosts(registryHost, 'sts')).toEqual([sts]);
  });
});
