// TEST ONLY: a stand-in for the `electron` module, recording what the main process does with it. Once the
// window has loaded, it exercises IPC as the renderer would (and as a foreign frame would), writes a report to
// $FAKE_ELECTRON_REPORT and quits the app (which runs its quit handlers).
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';

const report = { channels: [], windows: [], loaded: [], served: [], schemes: [], errors: [], calls: {}, sessionHardened: {}, quit: false };
const protocolHandlers = new Map();
const handlers = new Map();
const appListeners = new Map();
const paths = new Map();

const emit = (event, ...args) => {
  for (const listener of appListeners.get(event) ?? []) listener(...args);
};

export const app = {
  isPackaged: process.env.FAKE_ELECTRON_PACKAGED === '1',
  setPath: (name, value) => paths.set(name, value),
  getPath: (name) => paths.get(name) ?? `/tmp/fake-electron-${name}`,
  getAppPath: () => process.cwd(),
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
    this.exerciseSoon();
  }
  async loadURL(url) {
    report.loaded.push(url);
    this.webContents.mainFrame.url = url;
    // As Chromium would: fetch the page (and a path that tries to leave the renderer folder) from the scheme's handler.
    const handler = protocolHandlers.get(new URL(url).protocol.replace(/:$/, ''));
    if (handler) {
      for (const target of [url, 'app://vault/..%2Fmain%2Findex.js', 'app://vault/%2e%2e/main/index.js', 'app://elsewhere/index.html']) {
        const response = await handler(new Request(target));
        report.served.push({ url: target, status: response.status, type: response.headers.get('content-type'), csp: response.headers.get('content-security-policy'), bytes: (await response.arrayBuffer()).byteLength });
      }
    }
    this.exerciseSoon();
  }
  exerciseSoon() {
    setTimeout(() => exercise(this).catch((error) => {
      report.errors.push(String(error?.stack ?? error));
      fs.writeFileSync(process.env.FAKE_ELECTRON_REPORT, JSON.stringify(report));
      process.exit(1);
    }), 50);
  }
}

export const ipcMain = {
  handle(channel, handler) {
    report.channels.push(channel);
    handlers.set(channel, handler);
  },
  on() {},
};

export const protocol = {
  registerSchemesAsPrivileged: (schemes) => report.schemes.push(...schemes),
  handle: (scheme, handler) => protocolHandlers.set(scheme, handler),
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: () => (report.sessionHardened.permissionRequest = true),
    setPermissionCheckHandler: () => (report.sessionHardened.permissionCheck = true),
    webRequest: {
      onHeadersReceived: () => (report.sessionHardened.csp = true),
      onBeforeRequest: (filter) => {
        report.sessionHardened.remoteBlocked = true;
        // What the filter lets through, asked as Chromium would: recorded for the test.
        const decide = (url) => {
          let cancel;
          filter({ url }, (result) => (cancel = result.cancel));
          return cancel ? 'blocked' : 'allowed';
        };
        report.requestFilter = Object.fromEntries(
          ['app://vault/index.html', 'file:///etc/passwd', 'http://localhost:5173/', 'https://example.com/', 'devtools://devtools/bundled/x.html'].map((url) => [url, decide(url)]),
        );
      },
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

export default { app, BrowserWindow, ClipboardItem, Notification, clipboard, dialog, ipcMain, protocol, session, shell };
