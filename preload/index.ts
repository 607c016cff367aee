import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../shared/ipc/build-api';

// Sandboxed preload: bundled to one CJS file. The page gets named functions only, never
// ipcRenderer or a generic invoke(channel) (Electron security checklist: narrow APIs).
contextBridge.exposeInMainWorld(
  'regdesk',
  buildApi({
    invoke: (channel, input) => ipcRenderer.invoke(channel, input),
    subscribe: (channel, listener) => {
      const wrapped = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, wrapped);
      return () => ipcRenderer.removeListener(channel, wrapped);
    },
  }),
);
