/**
 * The Electron main process: owns the vault (keychain, store, files, clipboard) and one window.
 * Everything here is wiring: the logic lives in plain-Node modules (electron/core, and main-side.ts with the
 * handlers) that the CLI, the E2E bridge and the tests use too.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Notification, protocol, session } from 'electron';
import ElectronStore from 'electron-store';
import { isVaultError } from '../../shared/errors';
import { ActivityLog } from '../core/activity-log';
import { KeytarSecretStore } from '../core/keychain';
import { locationEnvFromProcess } from '../core/mcp/locations';
import { keychainService, STORE_FILE_NAME, vaultHome } from '../core/paths';
import { recoveryNotes } from '../core/recovery';
import { openStoreRecovering } from '../core/store-recovery';
import { MetadataStore, openBackend, storeOptions, type JsonFileBackend } from '../core/store';
import { watchStoreFile } from '../core/store-watch';
import { Vault } from '../core/vault';
import { appLauncher, runCliInApp } from './app-launcher';
import { cliArguments } from '../../shared/mcp-launcher';
import { electronClipboard } from './clipboard-adapter';
import { createMainSide, type ConfirmRequest } from './main-side';
import { electronNotifier, ReminderScheduler } from './notifications';
import { registerIpc, isTrustedSender } from './ipc';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { hardenSession, hardenWebContents, rendererSource, windowOptions } from './window';

const here = path.dirname(fileURLToPath(import.meta.url));
const home = vaultHome();
// `<app> [appPath] --mcpkv-cli …`: this process runs the CLI only (see below); it sets up nothing of the app.
const cliMode = cliArguments(process.argv) !== null;
// App and CLI must agree on where the vault is: the user-data folder is the vault's folder. Not in CLI mode: many
// CLI processes may run beside the app, and Chromium's profile files would share the vault's folder with no lock.
if (!cliMode) app.setPath('userData', home);

let mainWindow: BrowserWindow | null = null;
const rendererDir = path.join(here, '../renderer');
// The built UI over app://; electron-vite's dev server only in development (never when packaged).
const source = rendererSource({ isPackaged: app.isPackaged, env: process.env, appEntryUrl: APP_ENTRY_URL });
const isAppUrl = (url: string) => url.split(/[?#]/)[0] === source.url.split(/[?#]/)[0];
// Must happen before `ready`: the scheme's privileges are fixed when Chromium starts.
if (!cliMode) protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

function createWindow(): BrowserWindow {
  const window = new BrowserWindow(windowOptions(path.join(here, '../preload/index.cjs'), { devTools: source.devTools }));
  hardenWebContents(window.webContents, isAppUrl);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(source.url);
  return window;
}

/** Opens the vault (electron-store on the same file the CLI's conf uses), mending a broken file first. */
async function openVault(): Promise<{ vault: Vault; activity: ActivityLog; notices: string[] }> {
  const openStore = () =>
    new MetadataStore(openBackend(home, () => new ElectronStore<Record<string, unknown>>(storeOptions(home)) as unknown as JsonFileBackend));
  const { store, setAsideAs } = await openStoreRecovering(path.join(home, `${STORE_FILE_NAME}.json`), openStore);
  const activity = new ActivityLog(home);
  const vault = new Vault({ store, secrets: new KeytarSecretStore(keychainService()), activity });
  const notices = await recoveryNotes(vault, setAsideAs);
  return { vault, activity, notices };
}

// `<app> [appPath] --mcpkv-cli run …`: the launcher this app writes into MCP clients' configs (app-launcher.ts).
// The packaged app's RunAsNode fuse is off, so the executable is not run as Node: it runs the CLI bundle itself,
// in this process, with no window and no single-instance lock (an MCP client may start many servers at once).
if (cliMode) {
  app.dock?.hide();
  void runCliInApp(path.join(here, '../cli/mcpkv.js'));
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, isAppUrl));

  void app.whenReady().then(async () => {
    protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
    hardenSession(session.defaultSession, { appOrigin: APP_ORIGIN, devServerOrigin: source.devServerOrigin, devTools: source.devTools });
    let opened: Awaited<ReturnType<typeof openVault>>;
    try {
      opened = await openVault();
    } catch (error) {
      dialog.showErrorBox('MCP Key Vault cannot open the vault', isVaultError(error) ? error.message : 'The vault could not be opened.');
      app.quit();
      return;
    }
    const { vault, activity, notices } = opened;
    const dialogs = {
      chooseFolder: async () => {
        const options = { title: 'Add a project folder', properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'> };
        const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
    };
    // Main's own question, drawn by main on the window: the renderer cannot draw, answer or skip it.
    const confirm = async (request: ConfirmRequest): Promise<boolean> => {
      const options = {
        type: 'warning' as const,
        title: request.title,
        message: request.message,
        detail: request.detail,
        buttons: ['Cancel', request.confirmLabel],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
      };
      const { response } = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
      return response === 1;
    };
    const { dispatch, services } = createMainSide({
      vault,
      clipboard: electronClipboard(),
      dialogs,
      confirm,
      // The user's own client configs; a config's launcher is this app's executable (app-launcher.ts).
      mcp: { locations: locationEnvFromProcess(), launcher: appLauncher({ isPackaged: app.isPackaged, appPath: app.getAppPath(), execPath: process.execPath, appImage: process.env.APPIMAGE }) },
      activity,
      notices,
      onUnexpected: (channel, error) => {
        // Only the kind of failure is logged: an unexpected error's text could hold anything.
        console.error(`[mcp-key-vault] ${channel} failed unexpectedly: ${(error as Error | undefined)?.name ?? 'error'}`);
      },
    });
    const { settings, clipboard: clipboardService } = services;
    registerIpc(ipcMain, dispatch, (event) => isTrustedSender(event, mainWindow, isAppUrl));
    const stopWatching = watchStoreFile(vault.store.path, () => mainWindow?.webContents.send('vault:changed', {}));

    mainWindow = createWindow();
    mainWindow.on('closed', () => (mainWindow = null));

    // Expiry reminders: an OS notification at most once a day while the app runs (setting `notifications`).
    const reminders = new ReminderScheduler({
      vault,
      settings,
      notifier: electronNotifier(Notification),
      onClick: () => {
        if (!mainWindow) {
          const window = createWindow();
          window.on('closed', () => (mainWindow = null));
          mainWindow = window;
          return;
        }
        if (mainWindow.isMinimized()) mainWindow.restore();
        mainWindow.show();
        mainWindow.focus();
      },
    });
    reminders.start();

    // Clear a copied key on quit (if the clipboard still holds it); quitting waits for that once.
    let clipboardCleared = false;
    app.on('before-quit', (event) => {
      stopWatching();
      reminders.stop();
      if (clipboardCleared) return;
      event.preventDefault();
      void clipboardService.clearIfUnchanged().catch(() => false).finally(() => {
        clipboardCleared = true;
        app.quit();
      });
    });
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
