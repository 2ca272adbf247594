/**
 * The same E2E session as App, in the real Electron app via Playwright's `_electron.launch`, for
 * machines where Electron's binary is installed. Where it is not, `electronUnavailableReason()` says why.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from '@playwright/test';
import { keychainEntries } from '../helpers/keychain-entries';
import { keytar, repoRoot, runCli, type CliResult } from '../helpers/process';
import type { AppOptions } from './app';

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

export class ElectronApp {
  private constructor(
    readonly electronApp: ElectronApplication,
    readonly page: Page,
    readonly home: string,
    readonly service: string,
    private readonly ownsHome: boolean,
  ) {}

  static async start(options: AppOptions = {}): Promise<ElectronApp> {
    const home = options.home ?? fs.mkdtempSync(path.join(os.tmpdir(), 'mcpkv-electron-'));
    const service = `mcpkv-e2e-${randomBytes(6).toString('hex')}`;
    const env: Record<string, string> = { ...(process.env as Record<string, string>), MCPKV_HOME: home, MCPKV_KEYCHAIN_SERVICE: service };
    if (options.keychain === 'unavailable') env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/mcpkv-no-bus';
    const electronApp = await _electron.launch({ executablePath: electronBinary()!, args: [path.join(root, 'out/main/index.js')], env });
    const page = await electronApp.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    return new ElectronApp(electronApp, page, home, service, !options.home);
  }

  get env(): NodeJS.ProcessEnv {
    return { ...process.env, MCPKV_HOME: this.home, MCPKV_KEYCHAIN_SERVICE: this.service };
  }

  cli(args: string[], options: { input?: string } = {}): Promise<CliResult> {
    return runCli(args, this.env, options);
  }

  async secrets(): Promise<string[]> {
    return (await keychainEntries(this.service)).map((c) => c.password);
  }

  async clipboardText(): Promise<string> {
    return this.electronApp.evaluate(({ clipboard }) => clipboard.readText());
  }

  /** Scripts the OS folder dialog in the real main process: the next pick returns `folder` (null: cancel). */
  async chooseFolderNext(folder: string | null): Promise<void> {
    await this.electronApp.evaluate(({ dialog }, picked) => {
      dialog.showOpenDialog = (async () => ({ canceled: picked === null, filePaths: picked === null ? [] : [picked] })) as typeof dialog.showOpenDialog;
    }, folder);
  }

  async reload(): Promise<void> {
    await this.page.reload();
  }

  async close(): Promise<void> {
    await this.electronApp.close().catch(() => undefined);
    for (const { account } of await keytar.findCredentials(this.service).catch(() => [])) {
      await keytar.deletePassword(this.service, account).catch(() => false);
    }
    if (this.ownsHome) fs.rmSync(this.home, { recursive: true, force: true });
  }
}
