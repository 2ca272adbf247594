/**
 * TEST ONLY. The one fixture HOME of MCP clients' configs, for every test that needs one (core, CLI, IPC, E2E): the
 * fixture configs of all six clients (test/fixtures/mcp-clients) copied into a folder whose `home/` is the home
 * folder (Linux layout, see clientLocations: `~/.config` is XDG_CONFIG_HOME) and `project/` a project folder with
 * its own configs. Markers in the fixtures are filled in on copy:
 * - `{{KEY:<name>:<prefix>}}`: a fresh key-like value (the prefix, then 32 random letters and digits), known to the
 *   test as `keys.<name>`, so a test can check that no value is left in a file;
 * - `{{PROJECT}}`: the project folder's path (Claude Code's local section is keyed by it).
 * `~/.cursor/mcp.json` is written with CRLF line endings.
 *
 * What the slots hold, by state: plaintext keys (prefixed, unprefixed under a key-like name, in env and in
 * headers), plain values, client placeholders (`${input:…}`, `${env:…}`, `${VAR}`, `${VAR:-default}`), an empty
 * key (Windsurf's brave-search), a server with no key; the project's Cursor file does not parse.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { userConfigFile, type McpLocationEnv } from '../../electron/core/mcp/locations';
import { McpService } from '../../electron/core/mcp/mcp-service';
import { Projects } from '../../electron/core/projects';
import type { McpClientId, McpScope, McpSlotKind, McpSlotRef } from '../../shared/mcp';
import { repoRoot } from './process';
import { clientLocations, TEST_LAUNCHER } from './test-mcp';
import { makeTestVault, type TestVault } from './test-vault';

export const CLIENT_FIXTURES = path.join(repoRoot, 'test/fixtures/mcp-clients');
const CRLF_FILES = ['home/.cursor/mcp.json'];
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export interface ClientHome {
  root: string;
  home: string;
  project: string;
  locations: McpLocationEnv;
  /** The user-scope config file of a client (absolute). */
  userFile(client: McpClientId): string;
  /** The values put in for `{{KEY:<name>:…}}`, by name. */
  keys: Record<string, string>;
  /** A fixture file's path in the temp folder, e.g. `home/.cursor/mcp.json`. */
  file(relative: string): string;
  read(relative: string): string;
  /** Every file under the fixture folder, with its content: to check that no value is left anywhere. */
  all(): { file: string; content: string }[];
  /** The file's text with the values, the project path and the launcher put back as markers (for golden files). */
  templated(relative: string, extra?: Record<string, string>): string;
  cleanup(): void;
}

function randomValue(prefix: string): string {
  return prefix + [...randomBytes(32)].map((b) => ALPHANUMERIC[b % ALPHANUMERIC.length]).join('');
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

export interface ClientHomeOptions {
  /** The folder to write `home/` and `project/` into (made if missing); by default a fresh temp folder. */
  root?: string;
}

export function makeClientHome({ root: given }: ClientHomeOptions = {}): ClientHome {
  if (given) fs.mkdirSync(given, { recursive: true });
  const root = fs.realpathSync(given ?? fs.mkdtempSync(path.join(os.tmpdir(), 'mcpkv-clients-')));
  const home = path.join(root, 'home');
  const project = path.join(root, 'project');
  const keys: Record<string, string> = {};
  for (const source of walk(CLIENT_FIXTURES)) {
    const relative = path.relative(CLIENT_FIXTURES, source);
    if (relative.startsWith(`golden${path.sep}`)) continue;
    let text = fs
      .readFileSync(source, 'utf8')
      .replaceAll('{{PROJECT}}', JSON.stringify(project).slice(1, -1))
      .replace(/\{\{KEY:([a-z]+):([A-Za-z_-]*)\}\}/g, (_, name: string, prefix: string) => (keys[name] ??= randomValue(prefix)));
    if (CRLF_FILES.includes(relative.split(path.sep).join('/'))) text = text.replace(/\r?\n/g, '\r\n');
    const target = path.join(root, relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text, { mode: 0o644 });
  }
  const file = (relative: string) => path.join(root, relative);
  const locations = clientLocations(home);
  return {
    root,
    home,
    project,
    locations,
    userFile: (client) => userConfigFile(locations, client),
    keys,
    file,
    read: (relative) => fs.readFileSync(file(relative), 'utf8'),
    all: () => walk(root).map((f) => ({ file: f, content: fs.readFileSync(f, 'utf8') })),
    templated(relative, extra = {}) {
      let text = fs.readFileSync(file(relative), 'utf8').replaceAll(JSON.stringify(project).slice(1, -1), '{{PROJECT}}');
      for (const [name, value] of Object.entries(keys)) text = text.replaceAll(value, `{{KEY:${name}}}`);
      for (const [marker, value] of Object.entries(extra)) text = text.replaceAll(value, marker);
      return text;
    },
    cleanup: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

/** A test vault, the fixture HOME with its project added to the vault, and the MCP service over both. */
export async function openClientFixture(): Promise<{ t: TestVault; h: ClientHome; mcp: McpService }> {
  const t = makeTestVault();
  const h = makeClientHome();
  const projects = new Projects(t.vault.store);
  await projects.add(h.project);
  return { t, h, mcp: new McpService(t.vault, { launcher: TEST_LAUNCHER, projects, locations: h.locations }) };
}

export async function closeClientFixture({ t, h }: { t: TestVault; h: ClientHome }): Promise<void> {
  h.cleanup();
  await t.cleanup();
}

/** A slot named as the renderer and the CLI name it: the server's config id, its name and the slot. */
export async function slotRef(mcp: McpService, client: McpClientId, server: string, kind: McpSlotKind, slot: string, scope: McpScope = 'user'): Promise<McpSlotRef> {
  const found = (await mcp.servers({ client })).find((s) => s.name === server && s.scope === scope);
  if (!found) throw new Error(`no ${client} server ${server} (${scope})`);
  return { configId: found.configId, server, slot: { kind, name: slot } };
}
