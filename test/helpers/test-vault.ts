/**
 * A vault for one test: a temp folder for the store and its own service name in the real (test)
 * keychain, so tests never see each other's keys. Cleans both up.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KeytarSecretStore } from '../../electron/core/keychain';
import { openNodeStore } from '../../electron/core/conf-store';
import { Vault } from '../../electron/core/vault';

import { clearKeychain, keychainEntries } from './keychain-entries';
import type { CliResult } from './process';

export { keytar, repoRoot, runCli, type CliResult } from './process';

export interface TestVault {
  home: string;
  service: string;
  env: NodeJS.ProcessEnv;
  vault: Vault;
  open(now?: () => number): Vault;
  /** All secrets under this vault's service, by key id (not the keychain check's probe account, which holds no secret). */
  keychain(): Promise<Map<string, string>>;
  /** Every file under the vault folder, with its content, for leak checks. */
  files(): { file: string; content: string }[];
  cleanup(): Promise<void>;
}

function withoutEnv(env: NodeJS.ProcessEnv, name: string): NodeJS.ProcessEnv {
  const copy = { ...env };
  delete copy[name];
  return copy;
}

export function makeTestVault(): TestVault {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mcpkv-test-'));
  const service = `mcpkv-test-${randomBytes(6).toString('hex')}`;
  // Outside the vault folder: `files()` and the leak checks look at the vault's files only (a CLI's compile cache lands here).
  const userHome = fs.mkdtempSync(path.join(os.tmpdir(), 'mcpkv-test-home-'));
  const open = (now?: () => number) => new Vault({ store: openNodeStore(home), secrets: new KeytarSecretStore(service), now });
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  return {
    home,
    service,
    // HOME and XDG_CONFIG_HOME: an empty folder of the test's own, so what the CLI finds from them (MCP clients'
    // configs for doctor and `mcpkv mcp`) is the test's, never the user's.
    env: { ...withoutEnv(process.env, 'APPDATA'), MCPKV_HOME: home, MCPKV_KEYCHAIN_SERVICE: service, HOME: userHome, XDG_CONFIG_HOME: path.join(userHome, '.config') },
    vault: open(),
    open,
    async keychain() {
      return new Map((await keychainEntries(service)).map((c) => [c.account, c.password]));
    },
    files() {
      return walk(home).map((file) => ({ file, content: fs.readFileSync(file, 'utf8') }));
    },
    async cleanup() {
      await clearKeychain(service);
      fs.rmSync(home, { recursive: true, force: true });
      fs.rmSync(userHome, { recursive: true, force: true });
    },
  };
}

export function parseJson<T = unknown>(result: CliResult): T {
  if (result.code !== 0) throw new Error(`mcpkv exited ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}
