/**
 * `mcpkv mcp clients|servers|import|connect|disconnect` as users run them: real processes, the real keychain, and
 * the six clients' fixture configs in a temp HOME (test/helpers/mcp-client-home.ts). Values are checked never to
 * reach the output, and the files never to keep a key the user did not ask to keep there.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Projects } from '../../electron/core/projects';
import type { McpConfigView, McpServerView } from '../../shared/mcp';
import { parseLaunched } from '../../shared/mcp-launcher';
import type { KeyView } from '../../shared/types';
import { makeClientHome, type ClientHome } from '../helpers/mcp-client-home';
import { makeTestVault, parseJson, repoRoot, runCli, type CliResult, type TestVault } from '../helpers/test-vault';

let t: TestVault;
let clients: ClientHome;
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  t = makeTestVault();
  clients = makeClientHome();
  await new Projects(t.vault.store).add(clients.project);
  // The clients' files are found from HOME (Linux layout): the test's own HOME and XDG folders are not looked at.
  env = { ...t.env, HOME: clients.home, XDG_CONFIG_HOME: path.join(clients.home, '.config') };
  delete env.APPDATA;
});
afterEach(async () => {
  clients.cleanup();
  await t.cleanup();
});

const cli = (...args: string[]) => runCli(args, env);

function expectNoValue(result: CliResult) {
  for (const value of Object.values(clients.keys)) {
    expect(result.stdout.includes(value), 'a value on stdout').toBe(false);
    expect(result.stderr.includes(value), 'a value on stderr').toBe(false);
  }
}

function expectOneLineRefusal(result: CliResult, pattern: RegExp) {
  expect(result.code).not.toBe(0);
  expect(result.stdout).toBe('');
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(pattern);
}

const CLAUDE_DESKTOP = 'home/.config/Claude/claude_desktop_config.json';

describe('mcpkv mcp clients / servers', () => {
  it('lists every client\'s config files and every server\'s slots, masked; the unparsable file in one line', async () => {
    const listed = await cli('mcp', 'clients', '--json');
    const configs = parseJson<McpConfigView[]>(listed);
    expect(new Set(configs.filter((c) => c.exists).map((c) => c.client))).toEqual(new Set(['claude-desktop', 'claude-code', 'cursor', 'vscode', 'windsurf', 'zed']));
    expect(configs.some((c) => c.scope === 'project' && c.projectPath === clients.project)).toBe(true);
    const broken = configs.filter((c) => c.error !== null);
    expect(broken.length).toBeGreaterThan(0);
    for (const c of broken) expect(c.error).toMatch(/^[^\n]+ does not parse \(line \d+, column \d+\)/);
    expectNoValue(listed);
    const clientsText = await cli('mcp', 'clients');
    for (const c of broken) expect(clientsText.stdout).toContain(`${c.file} (${c.scope}) — ${c.error}`);

    const result = await cli('mcp', 'servers', '--json');
    const servers = parseJson<McpServerView[]>(result);
    const github = servers.find((s) => s.client === 'claude-desktop' && s.name === 'github')!;
    expect(github.slots).toEqual([expect.objectContaining({ kind: 'env', name: 'GITHUB_PERSONAL_ACCESS_TOKEN', state: 'plaintext-key' })]);
    const weather = servers.find((s) => s.client === 'claude-desktop' && s.name === 'weather')!;
    expect(weather.slots.find((s) => s.name === 'WEATHER_REGION')).toMatchObject({ state: 'plaintext' });
    expectNoValue(result);

    const text = await cli('mcp', 'servers', '--client', 'claude-desktop');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/GITHUB_PERSONAL_ACCESS_TOKEN: PLAINTEXT KEY mcp_sk_…/);
    expect(text.stdout).toMatch(/key\(s\) sit in plain text in these configs: mcpkv mcp import --client claude-desktop/);
    expectNoValue(text);
  });

  it('refuses an unknown client in one line', async () => {
    expectOneLineRefusal(await cli('mcp', 'servers', '--client', 'notepad'), /Unknown client "notepad"; clients: claude-desktop, /);
  });
});

describe('mcpkv mcp import', () => {
  it('asks first: a script without -y is refused and nothing changes; --dry-run shows the change masked', async () => {
    const before = clients.read(CLAUDE_DESKTOP);
    expectOneLineRefusal(await cli('mcp', 'import', '--client', 'claude-desktop'), /add -y to go ahead/);
    const dry = await cli('mcp', 'import', '--client', 'claude-desktop', '--server', 'github', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^- .*GITHUB_PERSONAL_ACCESS_TOKEN/m);
    expect(dry.stdout).toMatch(/^\+ .*"run"/m);
    expectNoValue(dry);
    expect(clients.read(CLAUDE_DESKTOP)).toBe(before);
    expect(t.open().list()).toHaveLength(0);
  });

  it('moves each plaintext key into the keychain and rewrites its server to the launcher form: no key left in the file', async () => {
    const result = await cli('mcp', 'import', '--client', 'claude-desktop', '-y');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/variable GITHUB_PERSONAL_ACCESS_TOKEN: imported, now through mcpkv run; the file holds no key\./);
    expectNoValue(result);
    const text = clients.read(CLAUDE_DESKTOP);
    expect(text.includes(clients.keys.github!)).toBe(false);
    expect(text.includes(clients.keys.weather!)).toBe(false);
    expect(text).toContain('"globalShortcut": "Ctrl+Space"');

    const keys = parseJson<KeyView[]>(await cli('list', '--json'));
    const github = keys.find((k) => k.source === 'imported' && /github/i.test(k.name))!;
    expect(github).toBeDefined();
    expect((await t.keychain()).get(github.id) === clients.keys.github, 'the keychain holds the value that was in the file').toBe(true);

    // The config now starts the server through this CLI, by absolute paths.
    const server = (JSON.parse(text) as { mcpServers: Record<string, { command: string; args: string[]; env?: Record<string, string> }> }).mcpServers.github!;
    const launched = parseLaunched(server.command, server.args)!;
    expect(launched.launcher).toEqual({ command: process.execPath, args: [fs.realpathSync(path.join(repoRoot, 'bin/mcpkv.js'))] });
    expect(launched.keys).toEqual([{ keyId: github.id, variable: 'GITHUB_PERSONAL_ACCESS_TOKEN' }]);
    expect([launched.command, ...launched.args]).toEqual(['npx', '-y', '@modelcontextprotocol/server-github']);

    const servers = parseJson<McpServerView[]>(await cli('mcp', 'servers', '--client', 'claude-desktop', '--json'));
    expect(servers.find((s) => s.name === 'github')!.slots[0]).toMatchObject({ state: 'connected', keyId: github.id, form: 'launcher' });
    // A second import finds nothing left to take.
    const again = await cli('mcp', 'import', '--client', 'claude-desktop', '-y');
    expect(again.stdout).toMatch(/nothing to import/);
  });
});

describe('mcpkv mcp connect / disconnect', () => {
  it('connects a vault key to a stdio server through the launcher, and disconnect restores the plain form without the key', async () => {
    const key = await t.vault.create({ name: 'memory key' });
    const file = 'home/.codeium/windsurf/mcp_config.json';
    const connected = await cli('mcp', 'connect', 'memory key', '--client', 'windsurf', '--server', 'memory', '--var', 'MEMORY_API_KEY', '--json');
    expect(parseJson<{ form: string; keyId: string }>(connected)).toMatchObject({ form: 'launcher', keyId: key.id });
    expect(clients.read(file).includes(key.secret)).toBe(false);
    const server = () => (JSON.parse(clients.read(file)) as { mcpServers: Record<string, { command: string; args: string[] }> }).mcpServers.memory!;
    expect(parseLaunched(server().command, server().args)?.keys).toEqual([{ keyId: key.id, variable: 'MEMORY_API_KEY' }]);

    const disconnected = await cli('mcp', 'disconnect', 'memory key', '--client', 'windsurf', '--server', 'memory');
    expect(disconnected.code, disconnected.stderr).toBe(0);
    expect(disconnected.stdout).toMatch(/Disconnected key "memory key" .* the server has no key now\./);
    expect(server()).toMatchObject({ command: 'npx', args: ['-y', '@modelcontextprotocol/server-memory'] });
    expect(clients.read(file).includes(key.secret)).toBe(false);

    expectOneLineRefusal(await cli('mcp', 'disconnect', 'memory key', '--client', 'windsurf', '--server', 'memory'), /is not connected to Windsurf server "memory"/);
    expectOneLineRefusal(await cli('mcp', 'connect', 'memory key', '--client', 'windsurf', '--server', 'nope'), /Windsurf has no server "nope"; see mcpkv mcp servers --client windsurf\./);
  });

  it('the header form writes the key in the key\'s style, owner-only; rotation rewrites it; disconnect takes it out', async () => {
    const key = await t.vault.create({ name: 'plex key', httpHeader: 'apikey' });
    const file = 'home/.codeium/windsurf/mcp_config.json';
    const header = () => (JSON.parse(clients.read(file)) as { mcpServers: { plex: { headers?: Record<string, string> } } }).mcpServers.plex.headers?.Authorization;
    const connected = await cli('mcp', 'connect', key.id, '--client', 'windsurf', '--server', 'plex', '--form', 'header');
    expect(connected.code, connected.stderr).toBe(0);
    expect(connected.stdout.includes(key.secret)).toBe(false);
    expect(header() === `ApiKey ${key.secret}`, 'the header holds the key in its style').toBe(true);
    expect(fs.statSync(clients.file(file)).mode & 0o777).toBe(0o600);

    const rotated = await cli('rotate', key.id);
    expect(rotated.code, rotated.stderr).toBe(0);
    const newSecret = (await t.keychain()).get(key.id)!;
    expect(newSecret).not.toBe(key.secret);
    expect(header() === `ApiKey ${newSecret}`, 'rotation rewrote the header').toBe(true);

    const disconnected = await cli('mcp', 'disconnect', key.id, '--client', 'windsurf', '--server', 'plex');
    expect(disconnected.code, disconnected.stderr).toBe(0);
    expect(clients.read(file).includes(newSecret)).toBe(false);
    expect(header()).toBeUndefined();
  });

  it('a server name in two places of ~/.claude.json (user and a project\'s section) is chosen with --scope or --project', async () => {
    const file = clients.file('home/.claude.json');
    const config = JSON.parse(fs.readFileSync(file, 'utf8')) as { mcpServers: Record<string, unknown> };
    config.mcpServers.db = { type: 'stdio', command: 'node', args: ['./db.js'] };
    fs.writeFileSync(file, JSON.stringify(config, null, 2));
    const key = await t.vault.create({ name: 'db key' });
    const ambiguous = await cli('mcp', 'connect', 'db key', '--client', 'claude-code', '--server', 'db', '--var', 'DB_API_KEY');
    expectOneLineRefusal(ambiguous, /Claude Code has a server "db" in 2 places \(user, .*; local .*\); choose one with --file, --project or --scope\./);
    const chosen = await cli('mcp', 'connect', 'db key', '--client', 'claude-code', '--server', 'db', '--scope', 'user', '--var', 'DB_API_KEY', '--json');
    expect(parseJson<{ form: string }>(chosen).form).toBe('launcher');
    const after = JSON.parse(fs.readFileSync(file, 'utf8')) as { mcpServers: { db: { command: string; args: string[] } }; projects: Record<string, { mcpServers: { db: { command: string } } }> };
    expect(parseLaunched(after.mcpServers.db.command, after.mcpServers.db.args)?.keys).toEqual([{ keyId: key.id, variable: 'DB_API_KEY' }]);
    expect(after.projects[clients.project]!.mcpServers.db.command).toBe('node');
    const byProject = await cli('mcp', 'servers', '--client', 'claude-code', '--json');
    expect(parseJson<McpServerView[]>(byProject).filter((s) => s.name === 'db').map((s) => s.scope).sort()).toEqual(['local', 'user']);
  });

  it('disconnects a launcher whose key was deleted, by the id the config still names (doctor\'s advice)', async () => {
    const key = await t.vault.create({ name: 'short-lived' });
    const file = 'home/.codeium/windsurf/mcp_config.json';
    expect((await cli('mcp', 'connect', key.id, '--client', 'windsurf', '--server', 'memory', '--var', 'MEMORY_API_KEY')).code).toBe(0);
    expect((await cli('delete', key.id, '-y')).code).toBe(0);
    const result = await cli('mcp', 'disconnect', key.id, '--client', 'windsurf', '--server', 'memory');
    expect(result.code, result.stderr).toBe(0);
    const server = (JSON.parse(clients.read(file)) as { mcpServers: Record<string, { command: string; args: string[] }> }).mcpServers.memory!;
    expect(server).toMatchObject({ command: 'npx', args: ['-y', '@modelcontextprotocol/server-memory'] });
  });
});

describe('output to a reader that stops early', () => {
  it('ends quietly with the command\'s status (no stack trace) when stdout is closed', async () => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/mcpkv.js'), 'mcp', '--help'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
