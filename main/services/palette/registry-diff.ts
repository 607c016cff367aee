import type { FieldDifference } from '../../../shared/model/publish';
import type { Json } from '../export/palette-payloads';

type JsonObject = { [key: string]: Json };
const asObject = (v: Json | undefined): JsonObject => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});

/**
 * The spec fields a publish sets, compared between what Palette holds (its GET) and what would
 * be sent. Secrets are left out: Palette masks them on read, so they cannot be compared.
 */
const FIELDS: Record<'basic' | 'ecr', string[]> = {
  basic: [
    'endpoint',
    'baseContentPath',
    'providerType',
    'isSyncSupported',
    'auth.type',
    'auth.username',
    'auth.tls.insecureSkipVerify',
    'auth.tls.certificate',
  ],
  ecr: [
    'endpoint',
    'isPrivate',
    'baseContentPath',
    'providerType',
    'isSyncSupported',
    'credentials.credentialType',
    'credentials.partition',
    'credentials.accessKey',
    'credentials.sts.arn',
    'credentials.sts.externalId',
    'tls.insecureSkipVerify',
    'tls.certificate',
  ],
};

/** Absent and Palette's defaults read the same: a field the provider leaves out is not a difference. */
const DEFAULTS: Record<string, Json> = { 'credentials.partition': 'aws', 'auth.tls.certificate': '', 'tls.certificate': '', basePath: '' };

function at(spec: JsonObject, path: string): Json {
  let value: Json | undefined = spec;
  for (const part of path.split('.')) value = asObject(value)[part];
  return value ?? DEFAULTS[path] ?? null;
}

const normal = (v: Json) => (typeof v === 'string' ? v.trim().replace(/\r\n/g, '\n').replace(/\n+$/, '') : v);

export function specDifferences(kind: 'basic' | 'ecr', palette: Json | undefined, local: Json | undefined): FieldDifference[] {
  const [theirs, ours] = [asObject(asObject(palette)['spec']), asObject(asObject(local)['spec'])];
  return FIELDS[kind]
    .map((field) => ({ field, palette: at(theirs, field), local: at(ours, field) }))
    .filter((d) => JSON.stringify(normal(d.palette)) !== JSON.stringify(normal(d.local)));
}

/** The summary's few fields (v1OciRegistrySpec) against a local create body, for the Palette view. */
export function summaryDifferences(kind: 'basic' | 'ecr', item: Json, local: Json): FieldDifference[] {
  const theirs = asObject(asObject(item)['spec']);
  const ours = asObject(asObject(local)['spec']);
  const differences: FieldDifference[] = [];
  const compare = (field: string, palette: Json | undefined, mine: Json) => {
    if (palette !== undefined && JSON.stringify(normal(palette)) !== JSON.stringify(normal(mine)))
      differences.push({ field, palette, local: mine });
  };
  compare('registryType', typeof theirs['registryType'] === 'string' ? theirs['registryType'].toLowerCase() : theirs['registryType'], kind);
  compare('endpoint', theirs['endpoint'], ours['endpoint'] ?? null);
  compare('providerType', theirs['providerType'], ours['providerType'] ?? null);
  const isPrivate = kind === 'ecr' ? (ours['isPrivate'] ?? null) : asObject(ours['auth'])['type'] !== 'noAuth';
  compare('isPrivate', theirs['isPrivate'], isPrivate);
  return differences;
}
