import { describe, expect, expectTypeOf, it } from 'vitest';
import { buildApi, type Transport } from '../../../../shared/ipc/build-api';
import { channels, events, type RegdeskApi } from '../../../../shared/ipc/contract';
import type { Result } from '../../../../shared/ipc/result';
import type { AppInfo } from '../../../../shared/model/app-info';
import type { RegistryDetail, RegistryScope, RegistrySummary } from '../../../../shared/model/registry';
import type { ValidationStep } from '../../../../shared/model/validation';
import type { RegistryDraftInput } from '../../../../shared/model/registry-draft';
import type { SecretField, SecretStatus } from '../../../../shared/model/secrets';
import type { Settings } from '../../../../shared/model/settings';
import type { FetchPresentedChainInput, PickCertificateResult, PresentedChain } from '../../../../shared/model/certificate';
import type { ExportFormat } from '../../../../shared/model/export';
import type { PickImportResult } from '../../../../shared/model/import';

describe('RegdeskApi (derived from the contract)', () => {
  it('has the exact shape the renderer relies on', () => {
    expectTypeOf<RegdeskApi['appInfo']>().toEqualTypeOf<() => Promise<Result<AppInfo>>>();
    expectTypeOf<RegdeskApi['listRegistries']>().toEqualTypeOf<
      (input?: { scope?: RegistryScope | undefined }) => Promise<Result<RegistrySummary[]>>
    >();
    expectTypeOf<RegdeskApi['onRegistriesChanged']>().toEqualTypeOf<(listener: (payload: Record<string, never>) => void) => () => void>();
    expectTypeOf<RegdeskApi['cancelValidation']>().toEqualTypeOf<(input: { runId: string }) => Promise<Result<{ cancelled: boolean }>>>();
    expectTypeOf<Parameters<RegdeskApi['onValidationProgress']>[0]>().toEqualTypeOf<
      (payload: { runId: string; step: ValidationStep }) => void
    >();
    expectTypeOf<RegdeskApi['saveRegistry']>().returns.toEqualTypeOf<Promise<Result<RegistryDetail>>>();
    expectTypeOf<Parameters<RegdeskApi['saveRegistry']>[0]['draft']>().toEqualTypeOf<RegistryDraftInput>();
    expectTypeOf<RegdeskApi['deleteRegistry']>().toEqualTypeOf<(input: { id: string }) => Promise<Result<{ id: string }>>>();
    expectTypeOf<RegdeskApi['getSettings']>().toEqualTypeOf<() => Promise<Result<Settings>>>();
    // Secrets go in and never come out: the answers are statuses, whose fields are pinned here.
    expectTypeOf<Parameters<RegdeskApi['saveRegistry']>[0]['secret']>().toEqualTypeOf<
      | { action: 'set'; field: SecretField; value: string; persistence?: 'persist' | 'session' | undefined }
      | { action: 'clear'; field: SecretField }
      | undefined
    >();
    expectTypeOf<RegdeskApi['secretStatus']>().returns.toEqualTypeOf<Promise<Result<SecretStatus[]>>>();
    expectTypeOf<keyof SecretStatus>().toEqualTypeOf<
      'field' | 'stored' | 'where' | 'updatedAt' | 'usable' | 'unusableReason' | 'enteredFor'
    >();
    expectTypeOf<keyof RegdeskApi>().toEqualTypeOf<
      | 'appInfo'
      | 'listRegistries'
      | 'onRegistriesChanged'
      | 'runValidation'
      | 'validateRegistry'
      | 'cancelValidation'
      | 'onValidationProgress'
      | 'getRegistry'
      | 'saveRegistry'
      | 'duplicateRegistry'
      | 'deleteRegistry'
      | 'secretStatus'
      | 'getSettings'
      | 'updateSettings'
      | 'settingsEnvironment'
      | 'pickCertificateFile'
      | 'fetchPresentedChain'
      | 'renderExport'
      | 'saveExport'
      | 'pickImportFile'
      | 'previewImport'
      | 'applyImport'
      | 'publishRegistry'
      | 'renderDiagnostics'
      | 'saveDiagnostics'
      | 'comparePublish'
      | 'paletteSyncStatus'
      | 'paletteSyncNow'
      | 'paletteView'
    >();
    // The window never names a file: main opens the dialog and answers with what the file holds.
    expectTypeOf<RegdeskApi['pickCertificateFile']>().toEqualTypeOf<() => Promise<Result<PickCertificateResult>>>();
    expectTypeOf<RegdeskApi['fetchPresentedChain']>().returns.toEqualTypeOf<Promise<Result<PresentedChain>>>();
    expectTypeOf<Parameters<RegdeskApi['fetchPresentedChain']>[0]>().toHaveProperty('endpoint').toEqualTypeOf<string>();
    expectTypeOf<FetchPresentedChainInput['trustOnlySuppliedCa']>().toEqualTypeOf<boolean>();
    // Import files are opened by main; export files are saved by main. The window names no path.
    expectTypeOf<RegdeskApi['pickImportFile']>().toEqualTypeOf<() => Promise<Result<PickImportResult>>>();
    expectTypeOf<Parameters<RegdeskApi['saveExport']>[0]>().toEqualTypeOf<{
      ids: string[];
      format: ExportFormat;
      includeSecrets?: boolean | undefined;
      exportedAt?: string | undefined;
    }>();
  });

  it('names every channel domain:action, once', () => {
    const names = [...Object.values(channels), ...Object.values(events)].map((spec) => spec.channel);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z]+:[a-z-]+$/);
  });
});

describe('buildApi', () => {
  function recordingTransport() {
    const invoked: Array<[string, unknown]> = [];
    const listeners = new Map<string, (payload: unknown) => void>();
    const transport: Transport = {
      invoke: async (channel, input) => {
        invoked.push([channel, input]);
        return { ok: true, data: channel };
      },
      subscribe: (channel, listener) => {
        listeners.set(channel, listener);
        return () => listeners.delete(channel);
      },
    };
    return { transport, invoked, listeners };
  }

  it('turns each method into a call on its own channel, passing the input through', async () => {
    const { transport, invoked } = recordingTransport();
    const api = buildApi(transport);
    await api.appInfo();
    await api.listRegistries({ scope: 'tenant' });
    expect(invoked).toEqual([
      ['app:info', undefined],
      ['registries:list', { scope: 'tenant' }],
    ]);
  });

  it('exposes only named functions: no channel strings, no generic invoke', () => {
    const api = buildApi(recordingTransport().transport);
    expect(Object.keys(api).sort()).toEqual([
      'appInfo',
      'applyImport',
      'cancelValidation',
      'comparePublish',
      'deleteRegistry',
      'duplicateRegistry',
      'fetchPresentedChain',
      'getRegistry',
      'getSettings',
      'listRegistries',
      'onRegistriesChanged',
      'onValidationProgress',
      'paletteSyncNow',
      'paletteSyncStatus',
      'paletteView',
      'pickCertificateFile',
      'pickImportFile',
      'previewImport',
      'publishRegistry',
      'renderDiagnostics',
      'renderExport',
      'runValidation',
      'saveDiagnostics',
      'saveExport',
      'saveRegistry',
      'secretStatus',
      'settingsEnvironment',
      'updateSettings',
      'validateRegistry',
    ]);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('subscribes to events and unsubscribes with the returned function', () => {
    const { transport, listeners } = recordingTransport();
    const api = buildApi(transport);
    const seen: unknown[] = [];
    const off = api.onRegistriesChanged((payload) => seen.push(payload));
    listeners.get('registries:changed')?.({});
    expect(seen).toEqual([{}]);
    off();
    expect(listeners.has('registries:changed')).toBe(false);
  });
});
