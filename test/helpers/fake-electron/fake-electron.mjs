// TEST ONLY: a stand-in for the `electron` module, recording what the main process does with it. Once the
// window has loaded, it exercises IPC as the renderer would (and as a foreign frame would), writes a report to
// $FAKE_ELECTRON_REPORT and quits the app (which runs its quit handlers).
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';

const report = { channels: [], windows: [], loaded: [], errors: [], calls: {}, sessionHardened: {}, quit: false };
const handlers = new Map();
const appListeners = new Map();
const paths = new Map();

const emit = (event, ...args) => {
  for (const listener of appListeners.get(event) ?? []) listener(...args);
};

export const app = {
  isPackaged: false,
  setPath: (name, value) => paths.set(name, value),
  getPath: (name) => paths.get(name) ?? `/tmp/fake-electron-${name}`,
  getName: () => 'mcp-key-vault',
  getVersion: () => '0.0.0',
  requestSingleInstanceLock: () => true,
  on(event, listener) {
    appListeners.set(event, [...(appListeners.get(event) ?? []), listener]);
    return app;
  },
  whenReady: () => Promise.resolve(),
  quit() {
    let prevented = false;
    emit('before-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) {
      report.quit = true;
      fs.writeFileSync(process.env.FAKE_ELECTRON_REPORT, JSON.stringify(report));
      process.exit(0);
    }
  },
};

class WebContents {
  constructor() {
    this.mainFrame = { url: 'about:blank' };
    this.listeners = new Map();
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
  on(event, listener) {
    this.listeners.set(event, listener);
  }
  send() {}
}

async function exercise(window) {
  const trusted = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
  const foreign = { sender: window.webContents, senderFrame: { url: window.webContents.mainFrame.url } };
  const call = (event, channel, payload) => handlers.get(channel)(event, payload);
  report.calls.statusTrusted = await call(trusted, 'vault:status', {});
  // The report is a file the test prints on failure: keep the generated key's value out of it.
  const created = await call(trusted, 'keys:create', { name: 'booted' });
  report.calls.createTrusted = created.ok ? { ok: true, value: { name: created.value.name, hasSecret: typeof created.value.secret === 'string' } } : created;
  report.calls.listTrusted = await call(trusted, 'keys:list', {});
  report.calls.listFromSubframe = await call(foreign, 'keys:list', {});
  report.calls.invalidPayload = await call(trusted, 'keys:create', { name: 42 });
  report.windowOpen = window.webContents.windowOpenHandler?.({ url: 'https://example.com' });
  app.quit();
}

export class BrowserWindow {
  static windows = [];
  static getAllWindows = () => BrowserWindow.windows;
  constructor(options) {
    this.options = options;
    this.webContents = new WebContents();
    BrowserWindow.windows.push(this);
    report.windows.push(options);
    emit('web-contents-created', {}, this.webContents);
  }
  once() {}
  on() {}
  show() {}
  focus() {}
  isMinimized() {
    return false;
  }
  async loadFile(file) {
    report.loaded.push(file);
    this.webContents.mainFrame.url = pathToFileURL(file).href;
    setTimeout(() => exercise(this).catch((error) => {
      report.errors.push(String(error?.stack ?? error));
      fs.writeFileSync(process.env.FAKE_ELECTRON_REPORT, JSON.stringify(report));
      process.exit(1);
    }), 50);
  }
  async loadURL(url) {
    report.loaded.push(url);
  }
}

export const ipcMain = {
  handle(channel, handler) {
    report.channels.push(channel);
    handlers.set(channel, handler);
  },
  on() {},
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: () => (report.sessionHardened.permissionRequest = true),
    setPermissionCheckHandler: () => (report.sessionHardened.permissionCheck = true),
    webRequest: {
      onHeadersReceived: () => (report.sessionHardened.csp = true),
      onBeforeRequest: () => (report.sessionHardened.remoteBlocked = true),
    },
  },
};

let clipboardText = '';
export const clipboard = {
  write: async () => undefined,
  writeText: async (text) => void (clipboardText = text),
  readText: async () => clipboardText,
  clear: () => void (clipboardText = ''),
};

export class ClipboardItem {
  constructor(items) {
    this.items = items;
  }
}

export class Notification {
  static isSupported = () => false;
  show() {}
  on() {}
}

export const dialog = {
  showErrorBox: (title, message) => report.errors.push(`${title}: ${message}`),
  showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
};

export const shell = {};
export const ipcRenderer = undefined;

export default { app, BrowserWindow, ClipboardItem, Notification, clipboard, dialog, ipcMain, session, shell };
