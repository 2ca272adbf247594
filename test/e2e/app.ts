/**
 * The E2E session in Chromium: the bridge server running the real main-process handlers on this session's
 * vault, and a page on the built renderer. The vault, the CLI and the clean-up come from `Session`; the
 * clipboard and the folder dialog are the bridge's test doubles, and every secret it saw is known, for the
 * leak scan after each test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { ConfirmRequest } from '../../electron/main/confirmations';
import { repoRoot } from '../helpers/process';
import { pageUrlWithToken } from './bridge/token';
import { Session, type SessionOptions } from './session';

export type AppOptions = SessionOptions;

export class App extends Session {
  private constructor(
    readonly page: Page,
    readonly context: BrowserContext,
    home: string,
    service: string,
    ownsHome: boolean,
    readonly url: string,
    readonly token: string,
    private readonly server: ChildProcess,
    /** Everything the main-process side printed: must never hold a secret. */
    readonly logs: string[],
  ) {
    super(home, service, ownsHome);
  }

  static async start(browser: Browser, options: AppOptions = {}): Promise<App> {
    const { home, service, ownsHome, env } = Session.newVault(options);
    const logs: string[] = [];
    const server = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'test/e2e/bridge/server.ts')], {
      env,
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const { url, token } = await new Promise<{ url: string; token: string }>((resolve, reject) => {
      let out = '';
      let err = '';
      // A hang guard: the bridge builds its script at start, which takes long on a CPU-starved machine.
      const timer = setTimeout(() => reject(new Error(`bridge did not start: ${err}`)), 90_000);
      server.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const line = out.split('\n').find((l) => l.startsWith('{'));
        if (line) {
          clearTimeout(timer);
          resolve(JSON.parse(line) as { url: string; token: string });
        }
      });
      server.stderr!.on('data', (d: Buffer) => (err += d.toString()));
      server.stdout!.on('data', (d: Buffer) => logs.push(d.toString()));
      server.stderr!.on('data', (d: Buffer) => logs.push(d.toString()));
      server.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`bridge exited (${code}): ${err}`));
      });
    });
    const context = await browser.newContext();
    const page = await context.newPage();
    const app = new App(page, context, home, service, ownsHome, url, token, server, logs);
    // As a user opens the link `npm run e2e:serve` prints: the token in the fragment, never served by the bridge.
    await page.goto(pageUrlWithToken(url, token));
    return app;
  }

  /** A call to the bridge's test endpoints, with the token in its header. */
  private testCall(pathname: string, body?: unknown): Promise<Response> {
    return fetch(new URL(pathname, this.url), {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'x-bridge-token': this.token },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  }

  /** What the app last put on the (bridge's in-memory) clipboard. */
  override async clipboardText(): Promise<string> {
    const response = await this.testCall('/__test/clipboard');
    return ((await response.json()) as { text: string }).text;
  }

  override async chooseFolderNext(folder: string | null): Promise<void> {
    await this.testCall('/__test/next-folder', { folder });
  }

  override async answerConfirmations(answer: boolean): Promise<void> {
    await this.testCall('/__test/confirm', { answer });
  }

  override async confirmationsAsked(): Promise<ConfirmRequest[]> {
    return (await (await this.testCall('/__test/confirmations')).json()) as ConfirmRequest[];
  }

  /** Every secret that passed through the keychain during this test (created, rotated-away, revealed…). */
  async seenSecrets(): Promise<string[]> {
    const response = await this.testCall('/__test/seen-secrets');
    return (await response.json()) as string[];
  }

  /**
   * Where a secret must never be: files under the vault folder (the .env files the user chose to write, and client
   * configs a test wrote with keys in them, excepted), the main side's logs, and the page's localStorage, sessionStorage and IndexedDB.
   * Returns one line per hit, naming the place, never the secret.
   */
  async findLeaks(): Promise<string[]> {
    const secrets = [...new Set([...(await this.seenSecrets()), ...this.notedSecrets])];
    if (secrets.length === 0) return [];
    const places: { where: string; text: string }[] = [];
    const walk = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    for (const file of walk(this.home)) {
      if (/^\.env(\.|$)/.test(path.basename(file)) || this.filesWithSecrets.has(file)) continue;
      places.push({ where: `file ${path.relative(this.home, file)}`, text: fs.readFileSync(file, 'latin1') });
    }
    places.push({ where: 'main-process logs', text: this.logs.join('') });
    const storage = await this.page.evaluate(async () => {
      const dump = (s: Storage) => JSON.stringify(Object.fromEntries(Array.from({ length: s.length }, (_, i) => [s.key(i), s.getItem(s.key(i)!)])));
      const databases = await indexedDB.databases();
      const idb: string[] = [];
      for (const { name } of databases) {
        if (!name) continue;
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        for (const store of Array.from(db.objectStoreNames)) {
          const all = await new Promise<unknown[]>((resolve, reject) => {
            const request = db.transaction(store).objectStore(store).getAll();
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
          idb.push(JSON.stringify(all));
        }
        db.close();
      }
      return { local: dump(localStorage), session: dump(sessionStorage), idb: idb.join('\n') };
    }).catch(() => ({ local: '', session: '', idb: '' }));
    places.push({ where: 'localStorage', text: storage.local }, { where: 'sessionStorage', text: storage.session }, { where: 'IndexedDB', text: storage.idb });
    return places.flatMap(({ where, text }) => secrets.filter((s) => text.includes(s)).map((s) => `${where} holds a secret ending …${s.slice(-4)}`));
  }

  protected override async stop(): Promise<void> {
    await this.context.close().catch(() => undefined);
    const exited = new Promise((resolve) => this.server.once('exit', resolve));
    this.server.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000))]);
  }
}
