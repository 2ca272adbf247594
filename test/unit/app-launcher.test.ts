/** The launcher the app writes into MCP clients' configs: its own executable, run as the CLI, found without PATH. */
import { describe, expect, it } from 'vitest';
import { appLauncher } from '../../electron/main/app-launcher';
import { buildLaunched, parseLaunched } from '../../shared/mcp-launcher';

describe('appLauncher', () => {
  it('packaged: the app executable with --mcpkv-cli (no Node: the RunAsNode fuse may be off)', () => {
    expect(appLauncher({ isPackaged: true, appPath: '/opt/MCP Key Vault/resources/app.asar', execPath: '/opt/MCP Key Vault/mcp-key-vault' })).toEqual({
      command: '/opt/MCP Key Vault/mcp-key-vault',
      args: ['--mcpkv-cli'],
    });
  });

  it('from a source checkout: Electron with the app folder first, then --mcpkv-cli', () => {
    expect(appLauncher({ isPackaged: false, appPath: '/src/mcp-key-vault', execPath: '/src/mcp-key-vault/node_modules/electron/dist/electron' })).toEqual({
      command: '/src/mcp-key-vault/node_modules/electron/dist/electron',
      args: ['/src/mcp-key-vault', '--mcpkv-cli'],
    });
  });

  it('is recognised again in a config written with it', () => {
    for (const isPackaged of [true, false]) {
      const launcher = appLauncher({ isPackaged, appPath: '/src/app', execPath: '/usr/bin/mcp-key-vault' });
      const written = buildLaunched({ launcher, keys: [{ keyId: '0123456789abcdef', variable: 'API_KEY' }], command: 'npx', args: ['-y', 'server'] });
      expect(parseLaunched(written.command, written.args)).toEqual({ launcher, keys: [{ keyId: '0123456789abcdef', variable: 'API_KEY' }], command: 'npx', args: ['-y', 'server'] });
    }
  });
});
