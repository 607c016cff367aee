import { AppErrorException } from '../../../shared/errors';
import type { RegistryDetail } from '../../../shared/model/registry';
import type { ValidationReport, ValidationStep } from '../../../shared/model/validation';
import type { RegistrySecrets } from '../secrets/registry-secrets';
import type { RegistryRepository } from '../store/registry-repository';
import type { ValidationService } from './validation-service';

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
  return async function validateStored(
    runId: string,
    registryId: string,
    onProgress: (step: ValidationStep) => void,
  ): Promise<{ report: ValidationReport; registry: RegistryDetail }> {
    const { record } = registries.get(registryId);
    const fingerprint = registries.fingerprint(registryId);
    const password = record.type === 'basic' ? await storedSecret(() => secrets.reveal({ registryId, field: 'password' })) : '';
    const report = await validation.run(
      runId,
      {
        endpoint: record.endpoint,
        baseContentPath: record.baseContentPath,
        username: record.type === 'basic' ? record.username : '',
        password,
        tls: {
          insecureSkipVerify: record.tls.insecureSkipVerify,
          ...(record.tls.caPem ? { caPem: record.tls.caPem } : {}),
          trustOnlySuppliedCa: record.tls.trustOnlySuppliedCa ?? false,
        },
        proxy: { fromEnvironment: true },
        connectTimeoutMs: 10_000,
        deadlineMs: 20_000,
        maxPacks: 20,
      },
      onProgress,
    );
    const cancelled = report.steps.some((s) => s.problem?.code === 'CANCELLED');
    const registry = cancelled
      ? registries.get(registryId)
      : await registries.recordValidation(registryId, { ok: report.ok, at: report.startedAt, configFingerprint: fingerprint, report });
    return { report, registry };
  };
}

/** No stored password means anonymous; a password that no longer decrypts is the admin's to re-enter. */
async function storedSecret(reveal: () => Promise<string>): Promise<string> {
  try {
    return await reveal();
  } catch (error) {
    if (error instanceof AppErrorException && error.appError.code === 'SECRET_NOT_STORED') return '';
    throw error;
  }
}
