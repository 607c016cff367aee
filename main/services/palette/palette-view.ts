import type { PaletteComparison, PaletteComparisonRow, PaletteConnection } from '../../../shared/model/publish';
import type { RegistryRecord } from '../../../shared/model/registry';
import { ecrEndpoint, basicEndpoint, paletteRequests, placeholders, type Json } from '../export/palette-payloads';
import type { PaletteSession } from './palette-session';
import { summaryDifferences } from './registry-diff';
import { readSyncStatus } from './sync-state';

const asObject = (v: Json | undefined): { [key: string]: Json } => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});

/** What would be sent for a local registry; one Palette cannot take still shows its endpoint. */
function localBody(record: RegistryRecord): Json {
  try {
    return paletteRequests(record, placeholders).create.body;
  } catch {
    return { spec: { endpoint: record.type === 'basic' ? basicEndpoint(record.endpoint) : ecrEndpoint(record.endpoint) } };
  }
}

/**
 * Palette beside local: the summary (`GET /v1/registries/oci/summary`) for the signed-in scope
 * matched by name with the local registries of that scope: only here, only in Palette, the same,
 * or which summary fields differ. An API key signs in to a tenant; the console login and a pasted
 * token to the system console.
 */
export async function comparePalette(
  session: PaletteSession,
  connection: PaletteConnection,
  local: RegistryRecord[],
): Promise<PaletteComparison> {
  const scope = connection.auth.kind === 'apiKey' ? 'tenant' : 'system';
  const empty = { paletteUrl: session.origin.origin, scope, rows: [], steps: session.steps } as const;
  if (!(await session.signIn())) return { ...empty, rows: [] };
  const summary = await session.call('lookup', 'GET', '/v1/registries/oci/summary');
  if (!summary.step.ok) return { ...empty, rows: [] };
  const raw = asObject(summary.data)['items'];
  const items = (Array.isArray(raw) ? raw : []).map(asObject).filter((item) => {
    const itemScope = asObject(item['spec'])['scope'];
    return typeof itemScope !== 'string' || itemScope === '' || itemScope === scope;
  });
  const rows: PaletteComparisonRow[] = [];
  const matched = new Set<number>();
  for (const record of local.filter((r) => r.scope === scope)) {
    const index = items.findIndex((item, i) => !matched.has(i) && asObject(item['metadata'])['name'] === record.name);
    if (index < 0) {
      rows.push({
        name: record.name,
        scope,
        kind: record.type,
        state: 'only-here',
        localId: record.id,
        endpoint: record.endpoint,
        differences: [],
      });
      continue;
    }
    matched.add(index);
    const item = items[index]!;
    const differences = summaryDifferences(record.type, item, localBody(record));
    const uid = asObject(item['metadata'])['uid'];
    rows.push({
      name: record.name,
      scope,
      kind: record.type,
      state: differences.length ? 'differs' : 'same',
      localId: record.id,
      ...(typeof uid === 'string' ? { uid } : {}),
      endpoint: record.endpoint,
      differences,
      sync: readSyncStatus(asObject(item['status'])['sync']),
    });
  }
  items.forEach((item, i) => {
    if (matched.has(i)) return;
    const { name, uid } = asObject(item['metadata']);
    const spec = asObject(item['spec']);
    const type = typeof spec['registryType'] === 'string' ? spec['registryType'].toLowerCase() : '';
    rows.push({
      name: typeof name === 'string' ? name : '',
      scope,
      ...(type === 'basic' || type === 'ecr' ? { kind: type } : {}),
      state: 'only-in-palette',
      ...(typeof uid === 'string' ? { uid } : {}),
      ...(typeof spec['endpoint'] === 'string' ? { endpoint: spec['endpoint'] } : {}),
      differences: [],
      sync: readSyncStatus(asObject(item['status'])['sync']),
    });
  });
  rows.sort((a, b) => a.name.localeCompare(b.name));
  return { paletteUrl: session.origin.origin, scope, rows, steps: session.steps };
}
