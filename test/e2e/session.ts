/**
 * What every E2E session has, whichever app it drives (in the manner of Signal Desktop's test-mock `App` and
 * its `bootstrap.ts`): its own vault folder and keychain service, the real `mcpkv` on them, what the keychain
 * holds, project folders to write `.env` files in, and the clean-up. `App` (the built UI in Chromium, bridged
 * to the real main-process code) and `ElectronApp` (the real app) add how they start, and how their clipboard
 * and folder dialog are reached.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { DAY_MS } from '../../shared/key-status';
import type { KeyView } from '../../shared/types';
import type { ConfirmRequest } from '../../electron/main/confirmations';
import { clearKeychain, keychainEntries } from '../helpers/keychain-entries';
import { makeClientHome, type ClientHome } from '../helpers/mcp-client-home';
import { git, runCli, type CliResult } from '../helpers/process';

export type { CliResult };

export interface SessionOptions {
  /** 'unavailable' starts the app with no reachable Secret Service (a real keytar failure). */
  keychain?: 'real' | 'unavailable';
  /** Use this vault folder instead of a fresh one (e.g. one a test prepared); the test then removes it. */
  home?: string;
}

/** A key as `mcpkv … --json` prints it: `secret` only from create, rotate and `list --show-keys`. */
export type CliKey = KeyView & { secret?: string };

/** Where a session's vault is, and the environment that points the app and the CLI at it. */
export interface SessionVault {
  home: string;
  service: string;
  ownsHome: boolean;
  env: NodeJS.ProcessEnv;
}

export abstract class Session {
  abstract readonly page: Page;

  protected constructor(
    readonly home: string,
    readonly service: string,
    private readonly ownsHome: boolean,
  ) {}

  /** A fresh vault folder (unless one is given) and keychain service for a session about to start. */
  protected static newVault(options: SessionOptions): SessionVault {
    const home = options.home ?? fs.mkdtempSync(path.join(os.tmpdir(), 'mcpkv-e2e-'));
    const service = `mcpkv-e2e-${randomBytes(6).toString('hex')}`;
    // The MCP clients' configs are looked for in a fixture HOME inside the vault folder, never in the user's own.
    const env: NodeJS.ProcessEnv = { ...process.env, MCPKV_HOME: home, MCPKV_KEYCHAIN_SERVICE: service, BRIDGE_CLIENT_HOME: Session.clientHomeOf(home) };
    if (options.keychain === 'unavailable') env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/mcpkv-no-bus';
    return { home, service, ownsHome: !options.home, env };
  }

  /** Where a test writes the MCP clients' fixture configs (mcp-client-home.ts): `home/` and `project/`, in the vault's folder. */
  static clientFixturesOf(home: string): string {
    return path.join(home, 'mcp-clients');
  }

  /** The fixture HOME the app looks for MCP clients' configs in (empty until a test writes the fixtures). */
  static clientHomeOf(home: string): string {
    return path.join(Session.clientFixturesOf(home), 'home');
  }

  get clientHome(): string {
    return Session.clientHomeOf(this.home);
  }

  /** Values a test put where the vault never saw them (client configs): the leak scan looks for them too. */
  readonly notedSecrets = new Set<string>();
  /** Files that hold a secret by the user's own doing (a client config as they wrote it): the leak scan skips them; the test checks them itself. */
  readonly filesWithSecrets = new Set<string>();

  /**
   * Writes the six MCP clients' fixture configs into this session's client HOME (and its fixture project, which the
   * vault knows only once a test adds it); their keys count as secrets from now on, and the files holding them are
   * the user's doing until a test has taken the keys out (`forgetFilesWithoutKeys`).
   */
  writeClientFixtures(): ClientHome {
    const fixtures = makeClientHome({ root: Session.clientFixturesOf(this.home) });
    for (const value of Object.values(fixtures.keys)) this.notedSecrets.add(value);
    for (const { file, content } of fixtures.all()) if (Object.values(fixtures.keys).some((v) => content.includes(v))) this.filesWithSecrets.add(file);
    return fixtures;
  }

  /** The client configs that no longer hold a fixture key are scanned for leaks again after the test. */
  forgetFilesWithoutKeys(): void {
    const noted = [...this.notedSecrets];
    for (const file of this.filesWithSecrets) if (!noted.some((v) => fs.readFileSync(file, 'utf8').includes(v))) this.filesWithSecrets.delete(file);
  }

  /** The CLI's environment: this session's vault, and the real keychain (even when the app's is unavailable). */
  get env(): NodeJS.ProcessEnv {
    return { ...process.env, MCPKV_HOME: this.home, MCPKV_KEYCHAIN_SERVICE: this.service };
  }

  /** Runs the real `mcpkv` on this session's vault, whatever its exit. */
  runCli(args: string[], input?: string): Promise<CliResult> {
    return runCli(args, this.env, { input });
  }

  /** Runs `mcpkv`, expects it to succeed, and returns what it printed. */
  async cli(args: string[], input?: string): Promise<string> {
    const result = await this.runCli(args, input);
    expect(result.code, result.stderr).toBe(0);
    return result.stdout;
  }

  /** Runs `mcpkv … --json`, expects it to succeed, and returns the value it printed. */
  async cliJson<T>(args: string[], input?: string): Promise<T> {
    return JSON.parse(await this.cli([...args, '--json'], input)) as T;
  }

  /** `mcpkv create NAME …options`: the new key, with its secret. */
  createKey(name: string, ...options: string[]): Promise<CliKey & { secret: string }> {
    return this.cliJson(['create', name, ...options]);
  }

  listKeys(): Promise<CliKey[]> {
    return this.cliJson(['list']);
  }

  /** Every secret under this session's keychain service: what must never leak. */
  async secrets(): Promise<string[]> {
    return (await keychainEntries(this.service)).map((c) => c.password);
  }

  /** The secret of the key named `name`, from the keychain (matched by its fingerprint). */
  async secretOf(name: string): Promise<string> {
    const key = (await this.listKeys()).find((k) => k.name === name);
    expect(key, `key ${name}`).toBeDefined();
    const matches = (await this.secrets()).filter((s) => s.endsWith(key!.fingerprint));
    expect(matches).toHaveLength(1);
    return matches[0]!;
  }

  /** A project folder under the vault folder (so the leak scan covers it), optionally a git repository. */
  makeProject(name: string, options: { git?: boolean; files?: Record<string, string> } = {}): string {
    const dir = path.join(this.home, 'projects', name);
    fs.mkdirSync(dir, { recursive: true });
    if (options.git) git(dir, 'init', '-q');
    for (const [file, text] of Object.entries(options.files ?? {})) fs.writeFileSync(path.join(dir, file), text);
    return dir;
  }

  /** What the app last put on the clipboard. */
  abstract clipboardText(): Promise<string>;

  /** Scripts the OS folder dialog: the next "Add project" picks `folder` (null: the user cancels). */
  abstract chooseFolderNext(folder: string | null): Promise<void>;

  /** Scripts main's own confirmation dialog (electron/main/confirmations.ts): what the user answers from now on (yes at first). */
  abstract answerConfirmations(answer: boolean): Promise<void>;

  /** What main's own confirmation dialog asked so far. */
  abstract confirmationsAsked(): Promise<ConfirmRequest[]>;

  async reload(): Promise<void> {
    await this.page.reload();
  }

  /** Reloads the page with its clock `days` ahead, for expiry and reminders (main's clock, and the CLI's, stay). */
  async reloadDaysLater(days: number): Promise<void> {
    await this.page.clock.install({ time: Date.now() + days * DAY_MS });
    await this.reload();
  }

  /** Stops the app, then removes this session's keychain entries and (if it made it) its vault folder. */
  async close(): Promise<void> {
    await this.stop();
    await clearKeychain(this.service);
    if (this.ownsHome) fs.rmSync(this.home, { recursive: true, force: true });
  }

  /** Stops what the session started (browser context and bridge, or the Electron app). */
  protected abstract stop(): Promise<void>;
}
