import type { EcrValidation } from '../../../shared/model/ecr-validation';
import { dnsStep, endpointStep, tcpStep, tlsStep, type Located } from './connection/connection-steps';
import type { Run } from './core/run';
import type { Passed, StepRunner } from './core/step-runner';
import { ecrBasePathStep, ecrPacksStep, type EcrListed } from './ecr/ecr-content-steps';
import { ecrAuthStep, ecrEndpointStep, type EcrLocated, type EcrSignedIn } from './ecr/ecr-steps';
import { refusePlainHttpEcrHost } from './ecr/ecr-target';
import { basePathStep, packsStep, type Listed } from './oci/pack-steps';
import { authStep, registryApiStep, type ApiAnswer, type SignedIn } from './oci/registry-steps';

/**
 * The steps a kind of registry does its own way; DNS, TCP, TLS and the registry API are the same
 * for every kind. Every kind keeps the same step ids: ECR's AWS side shows inside them.
 */
interface RegistryKind<L extends Located, S, P> {
  endpoint(run: Run): Promise<Passed<L>>;
  auth(located: L, api: ApiAnswer): Promise<Passed<S>>;
  basePath(signedIn: S): Promise<Passed<P>>;
  packs(listed: P): Promise<Passed<undefined>>;
}

const basicRegistry: RegistryKind<Located, SignedIn, Listed> = {
  // Any host that names an ECR registry is ECR's, and so HTTPS only, even without the ECR settings.
  endpoint: (run) => endpointStep(run, refusePlainHttpEcrHost),
  auth: (_located, api) => authStep(api),
  basePath: basePathStep,
  packs: packsStep,
};

const ecrRegistry = (settings: EcrValidation): RegistryKind<EcrLocated, EcrSignedIn, EcrListed> => ({
  endpoint: (run) => ecrEndpointStep(run, settings),
  auth: ecrAuthStep,
  basePath: ecrBasePathStep,
  packs: ecrPacksStep,
});

/**
 * The steps in the order a connection is built (docs/architecture.md#validation-steps), each given what the one
 * before it handed on; the runner stops at the first failure.
 */
export async function runSteps(runner: StepRunner, run: Run): Promise<void> {
  const { ecr } = run.request;
  await (ecr ? runKind(runner, run, ecrRegistry(ecr)) : runKind(runner, run, basicRegistry));
}

async function runKind<L extends Located, S, P>(runner: StepRunner, run: Run, kind: RegistryKind<L, S, P>): Promise<void> {
  const located = await runner.run('endpoint', () => kind.endpoint(run));
  if (!located) return;
  const resolved = await runner.run('dns', () => dnsStep(located));
  if (!resolved) return;
  const connected = await runner.run('tcp', () => tcpStep(resolved));
  if (!connected) return;
  const secured = await runner.run('tls', () => tlsStep(connected));
  if (!secured) return;
  const api = await runner.run('registry-api', () => registryApiStep(secured));
  if (!api) return;
  const signedIn = await runner.run('auth', () => kind.auth(located, api));
  if (!signedIn) return;
  const listed = await runner.run('base-path', () => kind.basePath(signedIn));
  if (!listed) return;
  await runner.run('packs', () => kind.packs(listed));
}
