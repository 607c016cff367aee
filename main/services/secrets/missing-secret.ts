import { appError, type AppError } from '../../../shared/errors';
import type { SecretField } from '../../../shared/model/secrets';
import type { ValidationReport, ValidationRequest } from '../../../shared/model/validation';

/**
 * A registry whose secret is missing (imported from a draft file, kept for a session that has
 * ended) sends its username alone, and the registry's refusal would read as a wrong password
 * (AUTH_REJECTED). Said as what it is, with its own code: nothing is stored, enter it.
 */

const WHAT: Record<SecretField, string> = { password: 'password', awsSecretAccessKey: 'AWS secret access key' };

/**
 * The secret a request still lacks after the stored ones were filled in (`withStoredSecrets`):
 * a username without its password, or an access key without its secret. Undefined when complete.
 */
export function secretStillMissing(request: ValidationRequest): SecretField | undefined {
  const ecr = request.ecr;
  if (ecr)
    return ecr.isPrivate && ecr.method === 'credentials' && ecr.accessKeyId !== '' && ecr.secretAccessKey === ''
      ? 'awsSecretAccessKey'
      : undefined;
  return request.username !== '' && request.password === '' ? 'password' : undefined;
}

/** In the window: the secret is not stored; the admin edits the registry and enters it. */
export function secretNotStored(field: SecretField): AppError {
  return appError('SECRET_MISSING', {
    message: `No ${WHAT[field]} is stored for this registry, so its credentials could not be checked.`,
    remedy: `Edit the registry and enter the ${WHAT[field]}.`,
  });
}

/** The failures a missing secret causes: the registry refuses the username alone, or AWS has no key to sign with. */
function causedByMissingSecret(problem: AppError): boolean {
  return problem.code === 'AUTH_REJECTED' || problem.code === 'AUTH_REQUIRED' || problem.field === 'ecr.secretAccessKey';
}

/** The report with the credential failure said as the missing secret it comes from; unchanged when the run got past it. */
export function explainMissingSecret(report: ValidationReport, missing: AppError): ValidationReport {
  const steps = report.steps.map((step) =>
    step.status === 'fail' && step.problem && causedByMissingSecret(step.problem)
      ? { ...step, problem: { ...missing, ...(step.problem.field ? { field: step.problem.field } : {}) } }
      : step,
  );
  return { ...report, steps };
}

/** On the command line: none was given; a password comes from standard input or the environment. */
export function passwordNotGiven(): AppError {
  return appError('SECRET_MISSING', {
    message: 'No password was given for this registry, so its credentials could not be checked.',
    remedy: 'Pipe the password to --password-stdin, or set REGDESK_PASSWORD.',
  });
}
