import type { SyncState } from '../../../shared/model/publish';
import type { Json } from '../export/palette-payloads';

/**
 * A `v1RegistrySyncStatus` read as the Terraform provider reads it (resourceOciRegistrySyncRefreshFunc,
 * docs/palette-api.md): no sync supported counts as done; Success/Completed done; Failed/Error
 * failed; InProgress/Running/Syncing running; anything else, empty included, pending. Any case.
 */
export function readSyncStatus(body: Json | undefined): SyncState {
  const status = body && typeof body === 'object' && !Array.isArray(body) ? body : {};
  const word = typeof status['status'] === 'string' ? status['status'] : '';
  const message = typeof status['message'] === 'string' && status['message'] ? status['message'] : undefined;
  const lastSyncedTime = typeof status['lastSyncedTime'] === 'string' ? status['lastSyncedTime'] : undefined;
  const isSyncSupported = typeof status['isSyncSupported'] === 'boolean' ? status['isSyncSupported'] : undefined;
  const base = {
    ...(word ? { status: word } : {}),
    ...(message ? { message } : {}),
    ...(lastSyncedTime ? { lastSyncedTime } : {}),
    ...(isSyncSupported === undefined ? {} : { isSyncSupported }),
  };
  // The SDK's zero value for a missing isSyncSupported is false, which the provider takes as done.
  if (isSyncSupported !== true) return { state: 'done', ...base };
  switch (word.toLowerCase()) {
    case 'success':
    case 'completed':
      return { state: 'done', ...base };
    case 'failed':
    case 'error':
      return { state: 'failed', ...base };
    case 'inprogress':
    case 'running':
    case 'syncing':
      return { state: 'running', ...base };
    default:
      return { state: 'pending', ...base };
  }
}
