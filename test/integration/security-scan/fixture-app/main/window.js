// A deliberately unsafe window for test/integration/security-scan: the gate must refuse it.
import { BrowserWindow } from 'electron';

export function openUnsafeWindow() {
  return new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });
}
