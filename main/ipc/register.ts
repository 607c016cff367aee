import { events, channels, type EventName, type MethodName, type PayloadOf } from '../../shared/ipc/contract';
import type { Services } from '../services';
import { saveRegistryWithSecret } from '../services/store/registry-save';
import { explainMissingSecret, secretNotStored, secretStillMissing } from '../services/secrets/missing-secret';
import { createInvoke, type HandleOptions, type Handlers, type Invoke } from './handle';

/** Where handlers are bound: `ipcMain` + `webContents.send` in Electron, HTTP + SSE in the harness. */
export interface IpcBinder {
  handle(channel: string, invoke: Invoke): void;
  emit(channel: string, payload: unknown): void;
}

type Emit = <E extends EventName>(event: E, payload: PayloadOf<E>) => void;

/** The one list binding contract methods to service calls. */
function createHandlers(services: Services, emit: Emit): Handlers {
  return {
    appInfo: () => services.app.info(),
    listRegistries: async (input) => services.registries.listSummaries(input.scope),
    getRegistry: async ({ id }) => services.registries.get(id),
    saveRegistry: (input) => saveRegistryWithSecret(services, input),
    duplicateRegistry: ({ id, name }) => services.registries.duplicate(id, name),
    deleteRegistry: ({ id }) => services.registries.delete(id),
    secretStatus: ({ registryId }) => services.secrets.status(registryId),
    getSettings: async () => services.settings.get(),
    updateSettings: (change) => services.settings.update(change),
    settingsEnvironment: async () => services.settings.environment(),
    runValidation: async ({ runId, request, secretsFrom }) => {
      const filled = secretsFrom ? await services.withStoredSecrets(request, secretsFrom) : request;
      const report = await services.validation.run(runId, filled, (step) => emit('validationProgress', { runId, step }));
      // Asked for the stored secret and none is stored: said as such, not as a password the registry refused.
      const missing = secretsFrom ? secretStillMissing(filled) : undefined;
      return missing ? explainMissingSecret(report, secretNotStored(missing)) : report;
    },
    validateRegistry: ({ runId, id }) => services.validateStored(runId, id, (step) => emit('validationProgress', { runId, step })),
    cancelValidation: async ({ runId }) => ({ cancelled: services.validation.cancel(runId) }),
    pickCertificateFile: () => services.certificates.pick(),
    fetchPresentedChain: (input) => services.certificates.fetchPresented(input),
    // The preview: the window never receives a secret, not even one it asked to export.
    renderExport: (request) => services.exports.preview(request),
    saveExport: (request) => services.exports.save(request),
    pickImportFile: () => services.imports.pick(),
    previewImport: async ({ content }) => services.imports.preview(content),
    applyImport: ({ content, resolutions }) => services.imports.apply(content, resolutions),
    publishRegistry: (input) => services.publish.send(input),
    renderDiagnostics: (options) => services.diagnostics.render(options),
    saveDiagnostics: (options) => services.diagnostics.save(options),
    comparePublish: (input) => services.publish.compare(input),
    paletteSyncStatus: (input) => services.publish.syncStatus(input),
    paletteSyncNow: (input) => services.publish.syncNow(input),
    paletteView: (input) => services.publish.view(input),
  };
}

/** Binds every channel and event; returns a function that unbinds the event sources. */
export function register(binder: IpcBinder, services: Services, options: HandleOptions): () => void {
  const emit: Emit = (event, payload) => binder.emit(events[event].channel, events[event].payload.parse(payload));
  const handlers = createHandlers(services, emit);
  const bind = <M extends MethodName>(method: M) =>
    binder.handle(channels[method].channel, createInvoke(method, handlers[method], options));
  (Object.keys(channels) as MethodName[]).forEach(bind);
  const disposers = [services.registries.onChange(() => emit('registriesChanged', {}))];
  return () => disposers.forEach((dispose) => dispose());
}
