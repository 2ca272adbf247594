/**
 * What a new user hit in a day with `mcpkv` (issue 13): the CLI's checks and words, as a real process on the
 * real keychain, real files and real git.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DoctorReport } from '../../shared/doctor';
import type { ExportRecord } from '../../shared/exports';
import type { KeyWithSecret } from '../../shared/types';
import { git, repoRoot, runProcess } from '../helpers/process';
import { keytar, makeTestVault, parseJson, runCli, type TestVault } from '../helpers/test-vault';

let t: TestVault;
let work: string;
beforeEach(() => {
  t = makeTestVault();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'mcpkv-work-'));
});
afterEach(async () => {
  await t.cleanup();
  fs.rmSync(work, { recursive: true, force: true });
});

const cli = (args: string[], input?: string, cwd?: string) => runCli(args, t.env, { input, cwd });

/** mcpkv at a terminal (util-linux `script` gives it one), answering a question with `answer`. */
const hasScript = fs.existsSync('/usr/bin/script');
const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;
const atTerminal = (args: string[], answer: string) =>
  runProcess('script', ['-qec', [process.execPath, path.join(repoRoot, 'bin/mcpkv.js'), ...args].map(quote).join(' '), '/dev/null'], t.env, { input: `${answer}\n` });
/** `mcpkv <command> --help` with its wrapped lines joined. */
const help = async (command: string) => (await cli([command, '--help'])).stdout.replace(/\s+/g, ' ');
const create = async (name: string, ...args: string[]) => parseJson<KeyWithSecret>(await cli(['create', name, '--json', ...args]));

describe('one exit-code rule', () => {
  it('doctor with findings exits 1 with and without --json', async () => {
    const key = await create('lost');
    await keytar.deletePassword(t.service, key.id);
    const plain = await cli(['doctor']);
    const json = await cli(['doctor', '--json']);
    expect(plain.code).toBe(1);
    expect(json.code).toBe(1);
    expect((JSON.parse(json.stdout) as DoctorReport).findings.map((f) => f.kind)).toEqual(['missing-secret']);
  });
});

describe('advice for inactive keys', () => {
  it('copy on a revoked key does not advise a rotation that rotate refuses', async () => {
    const key = await create('gone');
    await cli(['revoke', key.id, '-y']);
    const copy = await cli(['copy', key.id]);
    expect(copy.code).toBe(1);
    expect(copy.stderr).not.toMatch(/rotate it/i);
    expect(copy.stderr).toMatch(/revoked.*create a new key/i);
    const use = await cli(['use', key.id, '--env', path.join(work, '.env')]);
    expect(use.stderr).not.toMatch(/rotate it/i);
    expect(use.stderr).toMatch(/create a new key/i);
  });
});

describe('short id prefixes', () => {
  it('says a prefix needs 4 or more characters and names the keys it could mean', async () => {
    const key = await create('Production Key');
    const short = await cli(['view', key.id.slice(0, 1)]);
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/id prefix needs 4 or more characters/);
    expect(short.stderr).toContain(`${key.id} "Production Key"`);
    expect(short.stderr).not.toMatch(/No key matches/);
    const three = await cli(['view', key.id.slice(0, 3)]);
    expect(three.stderr).toMatch(/id prefix needs 4 or more characters/);
    expect(parseJson<{ id: string }>(await cli(['view', key.id.slice(0, 4), '--json'])).id).toBe(key.id);
  });
});

describe('create --expires-at and conflicting options', () => {
  it('takes a plain date as the end of that day in local time, and says so in --help', async () => {
    const key = await create('dated', '--expires-at', '2099-12-31');
    expect(key.expiresAt).toBe(new Date(2099, 11, 31, 23, 59, 59, 999).toISOString());
    expect((await help('create'))).toMatch(/2026-12-31 \(the end of that day in local time\)/);
    expect((await cli(['create', 'bad', '--expires-at', '2099-02-30'])).stderr).toMatch(/not a date/);
  });

  it('refuses -e with --expires-at, and a repeated --meta name, in one line each', async () => {
    const both = await cli(['create', 'x', '-e', '30', '--expires-at', '2099-12-31']);
    expect(both.code).toBe(2);
    expect(both.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(both.stderr).toMatch(/--expires-in-days.*cannot be used with.*--expires-at/);
    const twice = await cli(['create', 'x', '--meta', 'env=dev', '--meta', 'env=prod']);
    expect(twice.code).toBe(2);
    expect(twice.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(twice.stderr).toMatch(/--meta "env" is given twice/);
    expect(parseJson<unknown[]>(await cli(['list', '--json']))).toEqual([]);
  });

  it('says what --owner takes', async () => {
    expect((await help('create'))).toMatch(/--owner <name or email>\s+who the key belongs to: a name or an email address/);
    expect((await create('owned', '--owner', 'Platform team')).owner).toBe('Platform team');
  });
});

describe('names, metadata and tables', () => {
  it('refuses a tab in a name as it refuses ESC', async () => {
    for (const name of ['tab\there', 'esc\u001b[31m']) {
      const result = await cli(['create', name]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/Name must not contain control characters/);
    }
  });

  it('accepts metadata names in any script, and never shows internal paths like permissions.1:', async () => {
    expect((await create('eu', '--meta', 'région=eu', '--meta', '地域=東京')).metadata).toEqual({ région: 'eu', 地域: '東京' });
    const bad = await cli(['create', 'x', '--meta', 'a b=c']);
    expect(bad.stderr).toMatch(/Metadata names may use only letters and digits \(of any language\) and _ \. -/);
    const scope = await cli(['create', 'x', '-p', 'ok', '-p', 'NOT OK']);
    expect(scope.stderr).toMatch(/Permission may use only .* \(item 2 of the list\)/);
    expect(scope.stderr).not.toMatch(/permissions\.\d/);
  });

  it('lines up list columns by display width for emoji and CJK names', async () => {
    for (const name of ['plain', '鍵の名前', 'rocket 🚀 key']) await create(name);
    const lines = (await cli(['list'])).stdout.trimEnd().split('\n');
    const stringWidth = (await import('string-width')).default;
    // The KEY column starts at the same display column on every line.
    const starts = lines.map((line) => stringWidth(line.slice(0, line.indexOf(line.startsWith('ID') ? 'KEY' : 'mcp_sk_'))));
    expect(new Set(starts).size).toBe(1);
  });
});

describe('importing a key', () => {
  it('takes echo\'s one trailing newline without a note, and gives an imported key no expiry', async () => {
    const result = await cli(['create', 'OpenAI', '--import', '--json'], 'sk-imported-value-12345\n');
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(/trimmed/);
    expect((JSON.parse(result.stdout) as KeyWithSecret).expiresAt).toBeNull();
    const spaced = await cli(['create', 'Spaced', '--import'], '  sk-imported-value-67890  \n');
    expect(spaced.stderr).toMatch(/whitespace was trimmed/);
    expect((await help('create'))).toMatch(/none for --import/);
  });
});

describe('the git check of mcpkv use and create -u', () => {
  it('warns on stderr about a file git would commit, and --gitignore adds it to .gitignore', async () => {
    git(work, 'init', '-q');
    const key = await create('k');
    const envFile = path.join(work, '.env');
    const warned = await cli(['use', key.id, '--env', envFile]);
    expect(warned.code).toBe(0);
    expect(warned.stderr).toMatch(/Warning: .*\.env is not ignored by git.*--gitignore/);
    const fixed = await cli(['use', key.id, '--env', path.join(work, '.env.local'), '--gitignore']);
    expect(fixed.code).toBe(0);
    expect(fixed.stderr).not.toMatch(/Warning/);
    expect(fs.readFileSync(path.join(work, '.gitignore'), 'utf8')).toBe('/.env.local\n');
    const created = await cli(['create', 'second', '-u', path.join(work, '.env.dev')]);
    expect(created.stderr).toMatch(/Warning: .*\.env\.dev is not ignored by git/);
  });

  it('refuses a git-tracked file without a terminal unless --force, and creates no key when refused', async () => {
    git(work, 'init', '-q');
    const envFile = path.join(work, '.env');
    fs.writeFileSync(envFile, 'PORT=3000\n');
    git(work, 'add', '.env');
    git(work, 'commit', '-q', '-m', 'env');
    const key = await create('k');
    const refused = await cli(['use', key.id, '--env', envFile]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/tracked by git.*nothing was written.*--force/);
    expect(fs.readFileSync(envFile, 'utf8')).toBe('PORT=3000\n');
    const createRefused = await cli(['create', 'other', '-u', envFile]);
    expect(createRefused.code).toBe(1);
    expect(parseJson<unknown[]>(await cli(['list', '--json']))).toHaveLength(1);
    expect((await cli(['use', key.id, '--env', envFile, '--force'])).code).toBe(0);
    expect(fs.readFileSync(envFile, 'utf8')).toContain(`MCP_API_KEY=${key.secret}`);
  });
});

describe('writing a key over another vault key', () => {
  it('names the key being replaced, refuses without a terminal unless --force, and ends its record cleanly', async () => {
    const production = await create('Production Key');
    const envFile = path.join(work, '.env');
    expect((await cli(['use', production.id, '--env', envFile])).code).toBe(0);
    const inline = await cli(['create', 'Inline', '-u', envFile]);
    expect(inline.code).toBe(1);
    expect(inline.stderr).toMatch(/MCP_API_KEY holds key "Production Key".*nothing was written.*--force/);
    expect(parseJson<unknown[]>(await cli(['list', '--json']))).toHaveLength(1);

    const forced = parseJson<KeyWithSecret>(await cli(['create', 'Inline', '-u', envFile, '--force', '--json']));
    expect(fs.readFileSync(envFile, 'utf8')).toContain(`MCP_API_KEY=${forced.secret}`);
    expect(parseJson<ExportRecord[]>(await cli(['exports', production.id, '--json']))).toEqual([]);
    const doctor = await cli(['doctor', '--json']);
    expect(doctor.code).toBe(0);
    expect(doctor.stdout).not.toMatch(/no longer holds/);
    const rotated = await cli(['rotate', production.id]);
    expect(rotated.stdout).not.toMatch(/changed by hand/);
    expect(fs.readFileSync(envFile, 'utf8')).toContain(`MCP_API_KEY=${forced.secret}`);
  });
});

describe('mcpkv use --dry-run and shared projects', () => {
  it('prints the masked diff and the key it would replace, and changes nothing', async () => {
    const production = await create('Production Key');
    const next = await create('Next Key');
    const envFile = path.join(work, '.env');
    fs.writeFileSync(envFile, `PORT=3000\nMCP_API_KEY=${production.secret}\n`);
    const before = fs.readFileSync(envFile, 'utf8');
    const dry = await cli(['use', next.id, '--env', envFile, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('nothing was written (--dry-run)');
    expect(dry.stdout).toContain(`+ MCP_API_KEY=mcp_sk_…${next.secret.slice(-4)}`);
    expect(dry.stdout).toMatch(/^- MCP_API_KEY=/m);
    expect(dry.stdout).toMatch(/Replaces key "Production Key"/);
    expect(dry.stdout.includes(production.secret) || dry.stdout.includes(next.secret), 'shows a secret').toBe(false);
    expect(fs.readFileSync(envFile, 'utf8')).toBe(before);
    const json = JSON.parse((await cli(['use', next.id, '--env', envFile, '--dry-run', '--json'])).stdout) as { replaces: { keyName: string }[] };
    expect(json.replaces.map((r) => r.keyName)).toEqual(['Production Key']);
    expect(parseJson<ExportRecord[]>(await cli(['exports', next.id, '--json']))).toEqual([]);
  });

  it('makes the folder a known project, as the app lists them', async () => {
    const key = await create('k');
    const envFile = path.join(work, '.env');
    const result = await cli(['use', key.id, '--env', envFile]);
    expect(result.stderr).toMatch(/Added .* to the vault's projects/);
    const projects = Object.values(t.open().store.read().projects as Record<string, { path: string }>);
    expect(projects.map((p) => p.path)).toEqual([fs.realpathSync(work)]);
    const records = parseJson<ExportRecord[]>(await cli(['exports', key.id, '--json']));
    expect(records[0]!.projectId).not.toBeNull();
  });
});

describe.skipIf(!hasScript)('at a terminal', () => {
  it('asks before writing into a git-tracked file or over another vault key, and does what the answer says', async () => {
    git(work, 'init', '-q');
    const envFile = path.join(work, '.env');
    fs.writeFileSync(envFile, 'PORT=3000\n');
    git(work, 'add', '.env');
    const production = await create('Production Key');
    const next = await create('Next Key');
    const yes = await atTerminal(['use', production.id, '--env', envFile], 'y');
    expect(yes.stdout).toMatch(/is tracked by git: the key would go into its next commit\. Write it anyway\? \[y\/N\]/);
    expect(fs.readFileSync(envFile, 'utf8')).toContain(`MCP_API_KEY=${production.secret}`);
    const no = await atTerminal(['use', next.id, '--env', envFile], 'n');
    expect(no.stdout).toMatch(/MCP_API_KEY holds key "Production Key".*Replace it\?/);
    expect(no.stdout).toMatch(/Cancelled; nothing was changed/);
    expect(fs.readFileSync(envFile, 'utf8')).toContain(`MCP_API_KEY=${production.secret}`);
  });
});
