import type { StepId } from '../../../shared/model/validation';
import { ecrBasePathStep, ecrPacksStep } from './ecr/ecr-content-steps';
import { ecrAuthStep, ecrEndpointStep } from './ecr/ecr-steps';
import { dnsStep, endpointStep, tcpStep, tlsStep } from './connection/connection-steps';
import { authStep, basePathStep, packsStep, registryApiStep } from './oci/registry-steps';
import type { StepOutcome } from './core/step-runner';
import type { ValidationContext } from './validation-context';

type Step = (ctx: ValidationContext) => Promise<StepOutcome>;

/** ECR registries (request.ecr) keep the same step ids; AWS's part shows inside them (issue 7). */
const orEcr =
  (basic: Step, ecr: Step): Step =>
  (ctx) =>
    ctx.request.ecr ? ecr(ctx) : basic(ctx);

/** The steps in the order a connection is built (ARCHITECTURE.md §5). */
export const validationSteps: ReadonlyArray<readonly [StepId, Step]> = [
  ['endpoint', orEcr(endpointStep, ecrEndpointStep)],
  ['dns', dnsStep],
  ['tcp', tcpStep],
  ['tls', tlsStep],
  ['registry-api', registryApiStep],
  ['auth', orEcr(authStep, ecrAuthStep)],
  ['base-path', orEcr(basePathStep, ecrBasePathStep)],
  ['packs', orEcr(packsStep, ecrPacksStep)],
];
