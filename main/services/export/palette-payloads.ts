import type { RegistryRecord } from '../../../shared/model/registry';
import type { SecretField } from '../../../shared/model/secrets';
import { AppErrorException } from '../../../shared/errors';
import { normalizeBaseContentPath, normalizeEndpoint } from '../../../shared/model/registry-values';
import { ecrPartition } from './palette-rules';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface PaletteRequest {
  method: 'POST';
  path: string;
  body: JsonObject;
}

/** What goes where a secret belongs: its value, or a placeholder that cannot be mistaken for one. */
export type SecretSource = (field: SecretField) => string;

export const SECRET_PLACEHOLDERS: Record<SecretField, string> = {
  password: '<password>',
  awsSecretAccessKey: '<secret-key>',
};
export const placeholders: SecretSource = (field) => SECRET_PLACEHOLDERS[field];

/** Said once, in shared/model/secrets.ts; exported from here too for the export and publish code. */
export { neededSecrets } from '../../../shared/model/secrets';

/**
 * Palette's Basic endpoint carries its scheme (`https://harbor.example.com`): the stored value is
 * already in that form (registry-values.ts); a record stored before that is put in it here.
 */
export function basicEndpoint(endpoint: string): string {
  const normalized = normalizeEndpoint(endpoint, 'basic').replace(/\/+$/, '');
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(normalized) ? normalized : `https://${normalized}`;
}

/** ECR endpoints go to Palette without `https://` and without a repository (docs/reference/palette-registries.md#the-add-registry-form). */
export function ecrEndpoint(endpoint: string): string {
  return normalizeEndpoint(endpoint, 'ecr')
    .replace(/^https?:\/\//i, '')
    .replace(/\/+$/, '');
}

/** The base content path as validated: a record stored before values were normalised on entry gets it here. */
export const paletteBasePath = (record: RegistryRecord): string => normalizeBaseContentPath(record.baseContentPath);

/**
 * The TLS block Terraform's provider sends: `enabled` and `insecureSkipVerify` always serialized,
 * `certificate` only when there is one (`omitempty` in the SDK's model).
 */
function tlsBlock(record: RegistryRecord): JsonObject {
  const { insecureSkipVerify, caPem } = record.tls;
  return { enabled: true, insecureSkipVerify, ...(caPem ? { certificate: caPem } : {}) };
}

/** The partition for the credentials block; a registry Palette cannot take never gets this far. */
function partitionOf(record: Extract<RegistryRecord, { type: 'ecr' }>): string {
  const verdict = ecrPartition(record);
  if ('problem' in verdict) throw new AppErrorException(verdict.problem);
  return verdict.partition;
}

function basicSpec(record: Extract<RegistryRecord, { type: 'basic' }>, secret: SecretSource): JsonObject {
  const username = record.username.trim();
  // No username means no credentials: Palette's "leave both blank" maps to noAuth (docs/reference/palette-registries.md#the-add-registry-form).
  const auth: JsonObject = username
    ? { type: 'basic', username, password: secret('password'), tls: tlsBlock(record) }
    : { type: 'noAuth', tls: tlsBlock(record) };
  return {
    endpoint: basicEndpoint(record.endpoint),
    basePath: '',
    baseContentPath: paletteBasePath(record),
    providerType: 'pack',
    isSyncSupported: true,
    containsSpectroManifest: false,
    auth,
  };
}

function ecrSpec(record: Extract<RegistryRecord, { type: 'ecr' }>, secret: SecretSource): JsonObject {
  const { awsAuth } = record;
  let credentials: JsonObject | undefined;
  if (record.isPrivate && awsAuth?.method === 'credentials') {
    credentials = {
      credentialType: 'secret',
      partition: partitionOf(record),
      accessKey: awsAuth.accessKeyId,
      secretKey: secret('awsSecretAccessKey'),
    };
  } else if (record.isPrivate && awsAuth?.method === 'sts') {
    // No policyARNs: the spec types it as an array, and null is not one (docs/palette-api.md).
    credentials = { credentialType: 'sts', partition: partitionOf(record), sts: { arn: awsAuth.roleArn, externalId: awsAuth.externalId } };
  }
  return {
    endpoint: ecrEndpoint(record.endpoint),
    isPrivate: record.isPrivate,
    baseContentPath: paletteBasePath(record),
    providerType: 'pack',
    isSyncSupported: true,
    containsSpectroManifest: false,
    // A registry that is not protected is pulled anonymously: no credentials block at all.
    ...(credentials ? { credentials } : {}),
    // For ECR the TLS block sits under spec, not under auth (docs/reference/palette-registries.md#the-add-registry-form).
    tls: tlsBlock(record),
  };
}

/**
 * The create and validate requests for one registry, as Terraform's toRegistryBasic /
 * toRegistryEcr build them (docs/palette-api.md#operations-spec). Provider `pack` always, which Palette only accepts
 * with synchronization on. Validate takes the bare spec, without the metadata wrapper.
 */
export function paletteRequests(record: RegistryRecord, secret: SecretSource): { validate: PaletteRequest; create: PaletteRequest } {
  const spec = record.type === 'basic' ? basicSpec(record, secret) : ecrSpec(record, secret);
  const kind = record.type === 'basic' ? 'basic' : 'ecr';
  return {
    validate: { method: 'POST', path: `/v1/registries/oci/${kind}/validate`, body: spec },
    create: { method: 'POST', path: `/v1/registries/oci/${kind}?skipPackSync=false`, body: { metadata: { name: record.name }, spec } },
  };
}
