import { app, BrowserWindow, dialog, ipcMain, nativeTheme, shell } from 'electron';
import { join } from 'node:path';
import { decideLaunch } from './launch-guards';
import { register } from './ipc/register';
import { trustOrigin } from './ipc/handle';
import { applySecurityRestrictions } from './security';
import { createMainWindow } from './window';
import { createServices } from './services';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './platform/app-protocol';
import { createSafeStorageCipher } from './platform/safe-storage-cipher';
import { openElectronStore } from './platform/store';
import { createCertificatePicker } from './platform/certificate-picker';
import { createFileSaver } from './platform/file-saver';
import { openAppStorage } from './services/store/app-storage';

// A packaged app ignores the dev-server variable and refuses debugging switches (main/launch-guards.ts).
const launch = decideLaunch({
  isPackaged: app.isPackaged,
  argv: process.argv,
  env: process.env,
  platform: process.platform,
  appOrigin: APP_ORIGIN,
});
const rendererOrigin = launch.ok ? launch.rendererOrigin : APP_ORIGIN;

// A portable or per-test data folder; must be set before anything reads userData.
const userDataOverride = process.env['REGDESK_USER_DATA_DIR'];
if (userDataOverride) app.setPath('userData', userDataOverride);

// One writer for the store: a second launch focuses the first window instead.
if (!launch.ok) {
  console.error(launch.reason);
  dialog.showErrorBox('Pack Registry Desk cannot start', launch.reason);
  app.exit(1);
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  applySecurityRestrictions(app, { appOrigins: [rendererOrigin], openExternal: (url) => shell.openExternal(url), log: console });

  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(() => {
    serveRenderer(join(import.meta.dirname, '../renderer'));
    // After `ready`: safeStorage cannot be used before it. A damaged file is moved aside here and reported through app:info.
    const storage = openAppStorage(app.getPath('userData'), { open: openElectronStore });
    const services = createServices({
      appInfo: { name: app.getName(), version: app.getVersion(), platform: process.platform, host: 'electron' },
      store: storage.store,
      secrets: { store: storage.secretsStore, cipher: createSafeStorageCipher(process.platform) },
      storageNotices: storage.storageNotices,
      filePicker: createCertificatePicker(),
      fileSaver: createFileSaver(),
    });
    register(
      {
        handle: (channel, invoke) => ipcMain.handle(channel, (event, input: unknown) => invoke(event.senderFrame?.url, input)),
        emit: (channel, payload) => BrowserWindow.getAllWindows().forEach((w) => w.webContents.send(channel, payload)),
      },
      services,
      { isTrustedSender: trustOrigin(rendererOrigin), log: console },
    );
    createMainWindow(BrowserWindow, {
      preloadDir: join(import.meta.dirname, '../preload'),
      url: launch.windowUrl,
      dark: nativeTheme.shouldUseDarkColors,
    });
  });
}
