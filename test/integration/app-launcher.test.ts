/**
 * The launcher the app writes into MCP clients' configs: its own executable running the CLI with --mcpkv-cli (the
 * packaged app's RunAsNode fuse is off). Recognised by the same code that reads configs, and run for real: the CLI
 * bundle, loaded as the main process loads it, reads its arguments after the flag.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appLauncher } from '../../electron/main/app-launcher';
import { buildLaunched, cliArguments, parseLaunched } from '../../shared/mcp-launcher';
import { runProcess } from '../helpers/process';
import { makeTestVault, repoRoot, type TestVault } from '../helpers/test-vault';

const AS_APP = path.join(repoRoot, 'test/fixtures/app-cli/as-app.ts');
const BUNDLE = path.join(repoRoot, 'out/cli/mcpkv.js');
const sha = (value: string) => createHash('sha256').update(value).digest('hex');

describe('cliArguments', () => {
  it('takes what follows the flag where the launcher puts it, and nothing else', () => {
    expect(cliArguments(['/opt/MCP Key Vault/mcp-key-vault', '--mcpkv-cli', 'run', '--key', 'a=B', '--', 'x'])).toEqual(['run', '--key', 'a=B', '--', 'x']);
    expect(cliArguments(['/repo/node_modules/electron/dist/electron', '/repo', '--mcpkv-cli', '--version'])).toEqual(['--version']);
    expect(cliArguments(['/opt/app/mcp-key-vault'])).toBeNull();
    // The command being run may have the flag among its own arguments: not ours.
    expect(cliArguments(['/opt/app/mcp-key-vault', '/repo', 'x', '--mcpkv-cli'])).toBeNull();
  });
});

describe('appLauncher', () => {
  it('is the executable with the flag when packaged, with the app folder first when not, and reads back as a launcher', () => {
    const packaged = appLauncher({ isPackaged: true, appPath: '/opt/app/resources/app.asar', execPath: '/opt/app/mcp-key-vault' });
    expect(packaged).toEqual({ command: '/opt/app/mcp-key-vault', args: ['--mcpkv-cli'] });
    const source = appLauncher({ isPackaged: false, appPath: '/repo', execPath: '/repo/node_modules/electron/dist/electron' });
    expect(source).toEqual({ command: '/repo/node_modules/electron/dist/electron', args: ['/repo', '--mcpkv-cli'] });
    // An AppImage runs from a temporary mount gone when the app quits: the config names the AppImage file.
    expect(appLauncher({ isPackaged: true, appPath: '/tmp/.mount_MCPKeyV1a2b/resources/app.asar', execPath: '/tmp/.mount_MCPKeyV1a2b/mcp-key-vault', appImage: '/home/ana/Apps/MCP-Key-Vault.AppImage' })).toEqual({
      command: '/home/ana/Apps/MCP-Key-Vault.AppImage',
      args: ['--mcpkv-cli'],
    });
    for (const launcher of [packaged, source]) {
      const written = buildLaunched({ launcher, keys: [{ keyId: '0123456789abcdef', variable: 'API_KEY' }], command: 'npx', args: ['-y', 'server'] });
      expect(parseLaunched(written.command, written.args)).toEqual({ launcher, keys: [{ keyId: '0123456789abcdef', variable: 'API_KEY' }], command: 'npx', args: ['-y', 'server'] });
    }
  });
});

describe('the app executable as the CLI', () => {
  let t: TestVault;
  beforeEach(() => {
    t = makeTestVault();
  });
  afterEach(async () => {
    await t.cleanup();
  });

  const asApp = (args: string[]) => runProcess(process.execPath, ['--import', 'tsx', AS_APP, BUNDLE, repoRoot, '--mcpkv-cli', ...args], t.env, { cwd: repoRoot });

  it('runs `run --key` with the arguments after the flag, and ends with the command\'s exit code', async () => {
    const key = await t.vault.create({ name: 'server key' });
    const child = `process.stdout.write(require('crypto').createHash('sha256').update(process.env.API_KEY ?? '').digest('hex')); process.exit(7)`;
    const result = await asApp(['run', '--key', `${key.id}=API_KEY`, '--', process.execPath, '-e', child]);
    expect(result.stdout).toBe(sha(key.secret));
    expect(result.code).toBe(7);
    expect(result.stderr).not.toContain(key.secret);
  });

  it('says what is wrong in one line for a bad command', async () => {
    const result = await asApp(['get', 'no-such-key']);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
