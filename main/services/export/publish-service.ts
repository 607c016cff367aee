import { AppErrorException, appError } from '../../../shared/errors';
import type {
  PaletteConnection,
  PublishInput,
  PublishPreview,
  PublishResult,
  SyncInput,
  SyncResult,
  SyncState,
  SyncStatusInput,
} from '../../../shared/model/publish';
import type { RegistryRecord } from '../../../shared/model/registry';
import type { SecretField } from '../../../shared/model/secrets';
import { openPaletteSession, type PaletteSession } from '../palette/palette-session';
import { specDifferences } from '../palette/registry-diff';
import { readSyncStatus } from '../palette/sync-state';
import { comparePalette } from '../palette/palette-view';
import type { RegistrySecrets } from '../secrets/registry-secrets';
import type { RegistryRepository } from '../store/registry-repository';
import { neededSecrets, paletteRequests, type Json } from './palette-payloads';
import { assertForPalette } from './palette-rules';

export interface PublishServicePorts {
  registries: RegistryRepository;
  secrets: RegistrySecrets;
  env?: NodeJS.ProcessEnv;
  /** Between two sync status reads while following a sync (the provider waits 10 s). */
  syncPollMs?: number;
}

export type SecretValues = Partial<Record<SecretField, string>>;
type Lookup =
  | { state: 'absent' }
  | { state: 'conflict'; message: string }
  | { state: 'found'; uid: string; current: Json | undefined }
  | { state: 'failed' };
const asObject = (v: Json | undefined): { [key: string]: Json } => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});

/** Palette's message from the last refused step, for the one sentence a result carries. */
function refusal(session: PaletteSession): string {
  const failed = session.steps.findLast((s) => !s.ok);
  const said = failed?.error?.message ?? (failed ? `HTTP ${failed.status}` : '');
  return `${appError('PUBLISH_REFUSED').message}${said ? ` Palette said: ${said}` : ''}`;
}

/**
 * Publish is idempotent: the registry is looked up by name in Palette first, created when absent,
 * updated (`PUT …/{uid}/{basic|ecr}`) when a compared field differs, and left alone when equal.
 * Sync status is read as the provider reads it; "Sync now" asks Palette to sync again. Secrets are
 * read from the vault inside main, and every answer is redacted before it leaves the service.
 */
export function createPublishService(ports: PublishServicePorts) {
  const env = ports.env ?? process.env;
  const syncPollMs = ports.syncPollMs ?? 5000;

  async function secretsOf(record: RegistryRecord, given: SecretValues = {}): Promise<Map<SecretField, string>> {
    const values = new Map<SecretField, string>();
    for (const field of neededSecrets(record)) {
      const value = given[field];
      if (value) {
        values.set(field, value);
        continue;
      }
      try {
        values.set(field, await ports.secrets.reveal({ registryId: record.id, field }));
      } catch (error) {
        if (!(error instanceof AppErrorException)) throw error;
        const what = field === 'password' ? 'password' : 'AWS secret access key';
        throw new AppErrorException(
          appError('PUBLISH_SECRET_MISSING', {
            message: `The ${what} of "${record.name}" is needed and could not be read: ${error.appError.message}`,
            field,
          }),
        );
      }
    }
    return values;
  }

  function checkScope(record: RegistryRecord, auth: PaletteConnection['auth']): void {
    // A pasted token carries its own scope; an API key is a tenant's, the console login the system's.
    if (auth.kind === 'token') return;
    if (auth.kind !== (record.scope === 'system' ? 'system' : 'apiKey'))
      throw new AppErrorException(appError('PUBLISH_SCOPE_MISMATCH', { field: 'auth.kind' }));
  }

  async function lookup(session: PaletteSession, record: RegistryRecord, local: Json): Promise<Lookup> {
    const summary = await session.call('lookup', 'GET', '/v1/registries/oci/summary');
    if (!summary.step.ok) return { state: 'failed' };
    const items = asObject(summary.data)['items'];
    const found = (Array.isArray(items) ? items : []).map(asObject).find((item) => {
      const { name } = asObject(item['metadata']);
      const { scope } = asObject(item['spec']);
      return name === record.name && (typeof scope !== 'string' || scope === '' || scope === record.scope);
    });
    if (!found) return { state: 'absent' };
    const uid = asObject(found['metadata'])['uid'];
    const type = asObject(found['spec'])['registryType'];
    if (typeof type === 'string' && type !== '' && type.toLowerCase() !== record.type) {
      return {
        state: 'conflict',
        message: `Palette already has a registry named "${record.name}" of type ${type}; this one is ${record.type}. Rename one of them.`,
      };
    }
    if (typeof uid !== 'string' || uid === '') return { state: 'conflict', message: `Palette listed "${record.name}" without a uid.` };
    const read = await session.call('read', 'GET', `/v1/registries/oci/${encodeURIComponent(uid)}/${record.type}`);
    if (!read.step.ok) return { state: 'failed' };
    void local;
    return { state: 'found', uid, current: read.data };
  }

  async function withSession<T>(
    connection: PaletteConnection,
    secrets: string[],
    run: (session: PaletteSession) => Promise<T>,
    deadlineMs?: number,
  ): Promise<T> {
    const session = await openPaletteSession(connection, { env, secrets, ...(deadlineMs ? { deadlineMs } : {}) });
    try {
      return await run(session);
    } finally {
      await session.close();
    }
  }

  async function prepare(input: PublishInput, given?: SecretValues) {
    const { record } = ports.registries.get(input.id);
    checkScope(record, input.auth);
    assertForPalette([record]);
    const secrets = await secretsOf(record, given);
    const requests = paletteRequests(record, (field) => secrets.get(field) ?? '');
    return { record, secrets: [...secrets.values()], requests };
  }

  async function syncStatusOf(session: PaletteSession, uid: string, kind: 'basic' | 'ecr'): Promise<SyncState | undefined> {
    const status = await session.call('sync-status', 'GET', `/v1/registries/oci/${encodeURIComponent(uid)}/${kind}/sync/status`);
    return status.step.ok ? readSyncStatus(status.data) : undefined;
  }

  return {
    /** `given`: secrets from the command line (it cannot decrypt the app's), used before the vault. */
    async send(input: PublishInput, given?: SecretValues): Promise<PublishResult> {
      const { record, secrets, requests } = await prepare(input, given);
      return withSession(input, secrets, async (session) => {
        const result = (outcome: PublishResult['outcome'], extra: Partial<PublishResult> = {}): PublishResult => ({
          ok: outcome !== 'refused',
          outcome,
          registry: record.name,
          paletteUrl: session.origin.origin,
          steps: session.steps,
          kind: record.type,
          differences: [],
          ...(outcome === 'refused' && !extra.message ? { message: refusal(session) } : {}),
          ...extra,
        });
        if (!(await session.signIn())) return result('refused');
        const found = await lookup(session, record, requests.create.body);
        if (found.state === 'failed') return result('refused');
        if (found.state === 'conflict') return result('refused', { message: found.message });
        const differences = found.state === 'found' ? specDifferences(record.type, found.current, requests.create.body) : [];
        if (found.state === 'found' && differences.length === 0) return result('unchanged', { uid: found.uid });
        if (input.validateFirst) {
          const validated = await session.call('validate', 'POST', requests.validate.path, requests.validate.body);
          if (!validated.step.ok) return result('refused', { differences });
        }
        if (found.state === 'found') {
          const path = `/v1/registries/oci/${encodeURIComponent(found.uid)}/${record.type}`;
          const updated = await session.call('update', 'PUT', path, requests.create.body);
          return updated.step.ok ? result('updated', { uid: found.uid, differences }) : result('refused', { uid: found.uid, differences });
        }
        const created = await session.call('create', 'POST', requests.create.path, requests.create.body);
        if (!created.step.ok) return result('refused');
        const uid = asObject(created.data)['uid'];
        const auditUid = created.headers['audituid'];
        return result('created', { ...(typeof uid === 'string' ? { uid } : {}), ...(typeof auditUid === 'string' ? { auditUid } : {}) });
      });
    },

    /** What a publish would do, read from Palette without writing: absent, the same, or which fields differ. */
    async compare(input: PublishInput, given?: SecretValues): Promise<PublishPreview & { steps: PublishResult['steps'] }> {
      const { record, secrets, requests } = await prepare(input, given);
      return withSession(input, secrets, async (session) => {
        const refused = { state: 'conflict' as const, kind: record.type, differences: [], steps: session.steps };
        if (!(await session.signIn())) return { ...refused, message: refusal(session) };
        const found = await lookup(session, record, requests.create.body);
        if (found.state === 'failed') return { ...refused, message: refusal(session) };
        if (found.state === 'conflict') return { ...refused, message: found.message };
        if (found.state === 'absent') return { state: 'absent', kind: record.type, differences: [], steps: session.steps };
        const differences = specDifferences(record.type, found.current, requests.create.body);
        return { state: differences.length ? 'differs' : 'same', uid: found.uid, kind: record.type, differences, steps: session.steps };
      });
    },

    async syncStatus(input: SyncStatusInput): Promise<SyncResult> {
      return withSession(input, [], async (session) => {
        if (!(await session.signIn())) return { ok: false, steps: session.steps };
        const sync = await syncStatusOf(session, input.uid, input.kind);
        return { ok: sync !== undefined, steps: session.steps, ...(sync ? { sync } : {}) };
      });
    },

    /** "Sync now": `POST …/sync?forceSync=…`, then the status once. */
    async syncNow(input: SyncInput): Promise<SyncResult> {
      return withSession(input, [], async (session) => {
        if (!(await session.signIn())) return { ok: false, steps: session.steps };
        const path = `/v1/registries/oci/${encodeURIComponent(input.uid)}/${input.kind}/sync?forceSync=${input.force}`;
        if (!(await session.call('sync', 'POST', path)).step.ok) return { ok: false, steps: session.steps };
        const sync = await syncStatusOf(session, input.uid, input.kind);
        return { ok: sync !== undefined, steps: session.steps, ...(sync ? { sync } : {}) };
      });
    },

    /** Reads the sync status until it is done or failed, or the deadline passes; each read is reported. */
    async followSync(
      input: SyncStatusInput,
      options: {
        timeoutMs: number;
        onProgress?: (sync: SyncState) => void;
        /** Between two reads (`regdesk publish --sync-interval`); the service's own interval when absent. */
        pollMs?: number;
      },
    ): Promise<SyncResult & { timedOut: boolean }> {
      const deadline = Date.now() + options.timeoutMs;
      const pollMs = options.pollMs ?? syncPollMs;
      return withSession(
        input,
        [],
        async (session) => {
          if (!(await session.signIn())) return { ok: false, steps: session.steps, timedOut: false };
          for (;;) {
            const sync = await syncStatusOf(session, input.uid, input.kind);
            if (!sync) return { ok: false, steps: session.steps, timedOut: false };
            options.onProgress?.(sync);
            if (sync.state === 'done' || sync.state === 'failed')
              return { ok: sync.state === 'done', steps: session.steps, sync, timedOut: false };
            const left = deadline - Date.now();
            if (left <= 0) return { ok: false, steps: session.steps, sync, timedOut: true };
            await new Promise((resolve) => setTimeout(resolve, Math.min(pollMs, left)));
          }
        },
        options.timeoutMs + 30_000,
      );
    },

    /** The Palette view: what Palette holds for the signed-in scope beside the local registries. */
    async view(connection: PaletteConnection) {
      return withSession(connection, [], (session) => comparePalette(session, connection, ports.registries.list()));
    },
  };
}
export type PublishService = ReturnType<typeof createPublishService>;
