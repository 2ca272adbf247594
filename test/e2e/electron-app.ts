/**
 * The same E2E session as App, in the real Electron app via Playwright's `_electron.launch`, for
 * machines where Electron's binary is installed. Where it is not, `electronUnavailableReason()` says why.
 */
import fs from 'node:fs';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from '@playwright/test';
import type { ConfirmRequest } from '../../electron/main/confirmations';
import { repoRoot } from '../helpers/process';
import { Session, type SessionOptions } from './session';

const root = repoRoot;
const electronDir = path.join(root, 'node_modules/electron');

/** The binary, found without `require('electron')`, which would try to download it. */
export function electronBinary(): string | null {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : null;
}

export function electronUnavailableReason(): string | null {
  if (!electronBinary()) {
    return "Electron's binary is not installed on this machine (node_modules/electron/dist is missing: it downloads from GitHub on first run, which this network cannot reach). The same flows ran in Chromium against the real main-process handlers.";
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'No display to open an Electron window (run under xvfb-run).';
  }
  if (!fs.existsSync(path.join(root, 'out/main/index.js'))) return 'The app is not built (run `npm run build`).';
  return null;
}

export class ElectronApp extends Session {
  private constructor(
    readonly electronApp: ElectronApplication,
    readonly page: Page,
    home: string,
    service: string,
    ownsHome: boolean,
  ) {
    super(home, service, ownsHome);
  }

  static async start(options: SessionOptions = {}): Promise<ElectronApp> {
    const { home, service, ownsHome, env } = Session.newVault(options);
    // The real app looks for MCP clients' configs in its HOME, XDG_CONFIG_HOME and APPDATA: the session's fixture HOME.
    const clientHome = Session.clientHomeOf(home);
    fs.mkdirSync(clientHome, { recursive: true });
    const clientEnv = { HOME: clientHome, XDG_CONFIG_HOME: path.join(clientHome, '.config'), APPDATA: path.join(clientHome, 'AppData', 'Roaming') };
    const electronApp = await _electron.launch({
      executablePath: electronBinary()!,
      args: [path.join(root, 'out/main/index.js')],
      env: { ...env, ...clientEnv } as Record<string, string>,
    });
    const page = await electronApp.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    const app = new ElectronApp(electronApp, page, home, service, ownsHome);
    // Main's own confirmation dialog, answered as in the bridge: yes until a test says otherwise.
    await app.answerConfirmations(true);
    return app;
  }

  override async clipboardText(): Promise<string> {
    return this.electronApp.evaluate(({ clipboard }) => clipboard.readText());
  }

  /** In the real main process: the next folder dialog returns `folder` (null: cancel). */
  override async chooseFolderNext(folder: string | null): Promise<void> {
    await this.electronApp.evaluate(({ dialog }, picked) => {
      dialog.showOpenDialog = (async () => ({ canceled: picked === null, filePaths: picked === null ? [] : [picked] })) as typeof dialog.showOpenDialog;
    }, folder);
  }

  /** In the real main process: main's message box answers `answer` and keeps what it was asked. */
  override async answerConfirmations(answer: boolean): Promise<void> {
    await this.electronApp.evaluate(({ dialog }, yes) => {
      const asked = ((globalThis as { __confirmationsAsked?: unknown[] }).__confirmationsAsked ??= []);
      dialog.showMessageBox = (async (...args: unknown[]) => {
        const options = args.find((a): a is Electron.MessageBoxOptions => typeof a === 'object' && a !== null && 'buttons' in a)!;
        asked.push({ title: options.title, message: options.message, detail: options.detail, confirmLabel: options.buttons?.[1] });
        return { response: yes ? 1 : 0, checkboxChecked: false };
      }) as typeof dialog.showMessageBox;
    }, answer);
  }

  override async confirmationsAsked(): Promise<ConfirmRequest[]> {
    return this.electronApp.evaluate(() => ((globalThis as { __confirmationsAsked?: ConfirmRequest[] }).__confirmationsAsked ?? []) as ConfirmRequest[]);
  }

  protected override async stop(): Promise<void> {
    await this.electronApp.close().catch(() => undefined);
  }
}
