import { DRAFT_FILE_FORMAT, type DraftFile } from '../../../shared/model/draft-file';
import type { RegistryRecord } from '../../../shared/model/registry';
import type { RegistryDraft } from '../../../shared/model/registry-draft';

/**
 * A stored registry as a draft: its configuration only. Ids, timestamps, the last validation
 * and secrets stay on this workstation; the keys come out in one fixed order so exports diff well.
 */
export function recordToDraft(record: RegistryRecord): RegistryDraft {
  const { insecureSkipVerify, caPem, trustOnlySuppliedCa } = record.tls;
  const tls = { insecureSkipVerify, ...(caPem ? { caPem } : {}), ...(trustOnlySuppliedCa ? { trustOnlySuppliedCa } : {}) };
  const base = { name: record.name, scope: record.scope, endpoint: record.endpoint, baseContentPath: record.baseContentPath };
  if (record.type === 'basic') return { type: 'basic', ...base, username: record.username, tls };
  return { type: 'ecr', ...base, isPrivate: record.isPrivate, ...(record.awsAuth ? { awsAuth: { ...record.awsAuth } } : {}), tls };
}

/** The draft file (`pack-registry-desk/drafts` version 1), as `regdesk validate --file` and import read it. */
export function renderDraftFile(records: RegistryRecord[], exportedAt: string): string {
  const file: DraftFile = { format: DRAFT_FILE_FORMAT, version: 1, exportedAt, registries: records.map(recordToDraft) };
  return `${JSON.stringify(file, null, 2)}\n`;
}
