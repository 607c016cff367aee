import type { StepId } from '../../../shared/model/validation';
import { dnsStep, endpointStep, tcpStep, tlsStep } from './connection-steps';
import { authStep, basePathStep, packsStep, registryApiStep } from './registry-steps';
import type { StepOutcome } from './step-runner';
import type { ValidationContext } from './validation-context';

/** The steps in the order a connection is built (ARCHITECTURE.md §5). */
export const validationSteps: ReadonlyArray<readonly [StepId, (ctx: ValidationContext) => Promise<StepOutcome>]> = [
  ['endpoint', endpointStep],
  ['dns', dnsStep],
  ['tcp', tcpStep],
  ['tls', tlsStep],
  ['registry-api', registryApiStep],
  ['auth', authStep],
  ['base-path', basePathStep],
  ['packs', packsStep],
];
