import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, shell } from 'electron';
import { join } from 'node:path';
import { decideLaunch } from './launch-guards';
import { register } from './ipc/register';
import { trustOrigin } from './ipc/handle';
import { applySecurityRestrictions } from './security';
import { failStartup, startWhenReady, type StartupShell } from './startup';
import { createMainWindow } from './window';
import { createServices } from './services';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './platform/app-protocol';
import { applicationMenuTemplate } from './platform/app-menu';
import { createSafeStorageCipher } from './platform/safe-storage-cipher';
import { openElectronStore } from './platform/store';
import { createFilePicker, type DialogParts } from './platform/file-picker';
import { createFileSaver } from './platform/file-saver';
import { currentSender, withSender } from './platform/ipc-sender';
import { openAppStorage } from './services/store/app-storage';
import { dataDirFromEnvironment } from './services/app-paths';

// A packaged app ignores the dev-server variable and refuses debugging switches (main/launch-guards.ts).
const launch = decideLaunch({
  isPackaged: app.isPackaged,
  argv: process.argv,
  env: process.env,
  platform: process.platform,
  appOrigin: APP_ORIGIN,
});
const rendererOrigin = launch.ok ? launch.rendererOrigin : APP_ORIGIN;
const windowUrl = launch.ok ? launch.windowUrl : `${APP_ORIGIN}/index.html`;

// A portable or per-test data folder; must be set before anything reads userData. The same rule as `regdesk`'s.
const userDataOverride = dataDirFromEnvironment(process.env);
if (!('error' in userDataOverride) && userDataOverride.dir) app.setPath('userData', userDataOverride.dir);
// Settings that make the app refuse to start, said before anything else runs.
const launchRefusal = !launch.ok ? launch.reason : 'error' in userDataOverride ? userDataOverride.error : undefined;

const startupShell: StartupShell = { app, dialog, log: console };

if (launchRefusal !== undefined) {
  console.error(launchRefusal);
  dialog.showErrorBox('Pack Registry Desk cannot start', launchRefusal);
  app.exit(launch.ok ? 2 : 1);
} else if (!app.requestSingleInstanceLock()) {
  // One writer for the store: a second launch focuses the first window instead.
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

  // Any failure from here on ends in an error dialog and a non-zero exit (main/startup.ts).
  void startWhenReady(startupShell, startApp);
}

function startApp(): void {
  const template = applicationMenuTemplate(process.platform, app.isPackaged);
  if (template !== undefined) Menu.setApplicationMenu(template && Menu.buildFromTemplate(template));
  serveRenderer(join(import.meta.dirname, '../renderer'));
  // After `ready`: safeStorage cannot be used before it. A damaged file is moved aside here and reported through app:info.
  const storage = openAppStorage(app.getPath('userData'), { open: openElectronStore });
  const dialogs: DialogParts = {
    dialog,
    ownerWindow: () => {
      const sender = currentSender<Electron.WebContents>();
      return (sender && !sender.isDestroyed() && BrowserWindow.fromWebContents(sender)) || undefined;
    },
  };
  const services = createServices({
    appInfo: { name: app.getName(), version: app.getVersion(), platform: process.platform, host: 'electron' },
    store: storage.store,
    secrets: { store: storage.secretsStore, cipher: createSafeStorageCipher(process.platform) },
    storageNotices: storage.storageNotices,
    filePicker: createFilePicker(dialogs),
    fileSaver: createFileSaver(dialogs),
  });
  register(
    {
      handle: (channel, invoke) =>
        ipcMain.handle(channel, (event, input: unknown) => withSender(event.sender, () => invoke(event.senderFrame?.url, input))),
      emit: (channel, payload) => BrowserWindow.getAllWindows().forEach((w) => w.webContents.send(channel, payload)),
    },
    services,
    { isTrustedSender: trustOrigin(rendererOrigin), log: console },
  );
  createMainWindow(BrowserWindow, {
    preloadDir: join(import.meta.dirname, '../preload'),
    url: windowUrl,
    dark: nativeTheme.shouldUseDarkColors,
    onLoadFailed: (error) => failStartup(startupShell, error),
  });
}
