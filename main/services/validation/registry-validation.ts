import { AppErrorException } from '../../../shared/errors';
import type { RegistryDetail, RegistryRecord } from '../../../shared/model/registry';
import { EcrValidationSchema, type EcrValidation } from '../../../shared/model/ecr-validation';
import {
  ValidationRequestSchema,
  type ValidationReport,
  type ValidationRequest,
  type ValidationRequestInput,
  type ValidationStep,
} from '../../../shared/model/validation';
import { neededSecrets, type SecretField } from '../../../shared/model/secrets';
import { explainMissingSecret, secretNotStored } from '../secrets/missing-secret';
import type { RegistrySecrets } from '../secrets/registry-secrets';
import type { RegistryRepository } from '../store/registry-repository';
import type { ValidationService } from './validation-service';

export interface StoredValidationOptions {
  secrets?: Partial<Record<SecretField, string>>;
  connection?: Pick<ValidationRequestInput, 'proxy' | 'deadlineMs' | 'connectTimeoutMs'>;
}

export interface RegistryValidationPorts {
  validation: ValidationService;
  registries: RegistryRepository;
  secrets: RegistrySecrets;
}

/**
 * Validates a stored registry exactly as stored, secrets from the vault, and records the result
 * against the fingerprint taken before it started: an edit made meanwhile leaves it stale. The
 * window never vouches for a validation itself; main runs and records it.
 */
export function createRegistryValidation({ validation, registries, secrets }: RegistryValidationPorts) {
  /** `endpoint`: where the secret is about to go; the vault refuses any origin it was not entered for. */
  const stored = (registryId: string, field: SecretField, endpoint?: string) =>
    storedSecret(() => secrets.reveal({ registryId, field }, endpoint));

  /**
   * Edits of a stored registry are validated with its stored password (ECR: secret access key)
   * unless a new one was typed, and only for the origin it was entered for: the window names the
   * endpoint, so a draft pointed elsewhere is refused (SECRET_ENDPOINT_CHANGED), never sent it.
   */
  async function withStoredSecrets(request: ValidationRequest, registryId: string): Promise<ValidationRequest> {
    const ecr = request.ecr;
    if (ecr?.isPrivate && ecr.method === 'credentials' && ecr.accessKeyId !== '' && ecr.secretAccessKey === '') {
      return { ...request, ecr: { ...ecr, secretAccessKey: await stored(registryId, 'awsSecretAccessKey', request.endpoint) } };
    }
    if (request.password !== '' || request.username === '') return request;
    return { ...request, password: await stored(registryId, 'password', request.endpoint) };
  }

  /**
   * `options.secrets`: secrets given by a host that cannot reach the keychain (the command line,
   * from standard input or the environment), used instead of the vault for the fields they name.
   * `options.connection`: that host's proxy and timeouts; otherwise the request schema's defaults.
   */
  async function validateStored(
    runId: string,
    registryId: string,
    onProgress: (step: ValidationStep) => void,
    options: StoredValidationOptions = {},
  ): Promise<{ report: ValidationReport; registry: RegistryDetail }> {
    const { record } = registries.get(registryId);
    const fingerprint = registries.fingerprint(registryId);
    const given = options.secrets ?? {};
    const secret = (field: SecretField) => (given[field] !== undefined ? Promise.resolve(given[field]) : stored(registryId, field));
    const password = record.type === 'basic' ? await secret('password') : '';
    const ecr = record.type === 'ecr' ? await ecrSettings(record, () => secret('awsSecretAccessKey')) : undefined;
    // Pack limits: the request schema's defaults, as for any other validation.
    const request = ValidationRequestSchema.parse({
      ...options.connection,
      endpoint: record.endpoint,
      baseContentPath: record.baseContentPath,
      username: record.type === 'basic' ? record.username : '',
      password,
      tls: record.tls,
      ...(ecr ? { ecr } : {}),
    });
    // A needed secret that is not stored is said as such, not as a password the registry refused.
    const missing = neededSecrets(record).find((field) => (field === 'password' ? password : ecr?.secretAccessKey) === '');
    const ran = await validation.run(runId, request, onProgress, { id: record.id, name: record.name, scope: record.scope });
    const report = missing ? explainMissingSecret(ran, secretNotStored(missing)) : ran;
    const cancelled = report.steps.some((s) => s.problem?.code === 'CANCELLED');
    const registry = cancelled
      ? registries.get(registryId)
      : await registries.recordValidation(registryId, { ok: report.ok, at: report.startedAt, configFingerprint: fingerprint, report });
    return { report, registry };
  }

  return { validateStored, withStoredSecrets };
}
export type RegistryValidation = ReturnType<typeof createRegistryValidation>;

/** No stored password means anonymous; a password that no longer decrypts is the admin's to re-enter. */
async function storedSecret(reveal: () => Promise<string>): Promise<string> {
  try {
    return await reveal();
  } catch (error) {
    if (error instanceof AppErrorException && error.appError.code === 'SECRET_NOT_STORED') return '';
    throw error;
  }
}

/**
 * A stored ECR registry as the engine needs it: the access key's secret from the vault (only for
 * the Credentials method), STS without a source identity (a stored registry has none), so the
 * report says what only Palette can check.
 */
async function ecrSettings(record: Extract<RegistryRecord, { type: 'ecr' }>, secret: () => Promise<string>): Promise<EcrValidation> {
  const auth = record.awsAuth;
  if (!record.isPrivate || !auth) return EcrValidationSchema.parse({ isPrivate: record.isPrivate });
  if (auth.method === 'sts')
    return EcrValidationSchema.parse({ isPrivate: true, method: 'sts', roleArn: auth.roleArn, externalId: auth.externalId });
  return EcrValidationSchema.parse({
    isPrivate: true,
    method: 'credentials',
    accessKeyId: auth.accessKeyId,
    secretAccessKey: await secret(),
  });
}
