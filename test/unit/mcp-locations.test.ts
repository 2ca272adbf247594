/**
 * Where each client's config is, per OS, from the injected environment only; and the stable config ids a record's
 * place is found by again.
 */
import { describe, expect, it } from 'vitest';
import { configIdOf, configLocations, displayPath, placeOf, projectConfigFile, userConfigFile, type McpLocationEnv } from '../../electron/core/mcp/locations';
import { MCP_CLIENT_IDS } from '../../shared/mcp';

const linux: McpLocationEnv = { platform: 'linux', home: '/home/ana' };
const linuxXdg: McpLocationEnv = { platform: 'linux', home: '/home/ana', xdgConfigHome: '/home/ana/.xdg' };
const mac: McpLocationEnv = { platform: 'darwin', home: '/Users/ana', xdgConfigHome: '/Users/ana/.xdg' };
const windows: McpLocationEnv = { platform: 'win32', home: 'C:\\Users\\ana', appData: 'D:\\Roaming' };

describe('user config files', () => {
  it('Linux: ~/.config (or XDG_CONFIG_HOME) for Claude Desktop, VS Code and Zed; the home folder for the others', () => {
    expect(Object.fromEntries(MCP_CLIENT_IDS.map((c) => [c, userConfigFile(linux, c)]))).toEqual({
      'claude-desktop': '/home/ana/.config/Claude/claude_desktop_config.json',
      'claude-code': '/home/ana/.claude.json',
      cursor: '/home/ana/.cursor/mcp.json',
      vscode: '/home/ana/.config/Code/User/mcp.json',
      windsurf: '/home/ana/.codeium/windsurf/mcp_config.json',
      zed: '/home/ana/.config/zed/settings.json',
    });
    expect(userConfigFile(linuxXdg, 'zed')).toBe('/home/ana/.xdg/zed/settings.json');
    expect(userConfigFile(linuxXdg, 'vscode')).toBe('/home/ana/.xdg/Code/User/mcp.json');
    expect(userConfigFile(linuxXdg, 'claude-desktop')).toBe('/home/ana/.xdg/Claude/claude_desktop_config.json');
    // A relative XDG_CONFIG_HOME is invalid by the spec and ignored.
    expect(userConfigFile({ ...linux, xdgConfigHome: 'rel' }, 'zed')).toBe('/home/ana/.config/zed/settings.json');
  });

  it('macOS: Application Support for Claude Desktop and VS Code; Zed in ~/.config whatever XDG says', () => {
    expect(userConfigFile(mac, 'claude-desktop')).toBe('/Users/ana/Library/Application Support/Claude/claude_desktop_config.json');
    expect(userConfigFile(mac, 'vscode')).toBe('/Users/ana/Library/Application Support/Code/User/mcp.json');
    expect(userConfigFile(mac, 'zed')).toBe('/Users/ana/.config/zed/settings.json');
    expect(userConfigFile(mac, 'cursor')).toBe('/Users/ana/.cursor/mcp.json');
  });

  it('Windows: %APPDATA% for Claude Desktop, VS Code and Zed (default ~\\AppData\\Roaming), the profile for the others', () => {
    expect(userConfigFile(windows, 'claude-desktop')).toBe('D:\\Roaming\\Claude\\claude_desktop_config.json');
    expect(userConfigFile(windows, 'vscode')).toBe('D:\\Roaming\\Code\\User\\mcp.json');
    expect(userConfigFile(windows, 'zed')).toBe('D:\\Roaming\\Zed\\settings.json');
    expect(userConfigFile(windows, 'windsurf')).toBe('C:\\Users\\ana\\.codeium\\windsurf\\mcp_config.json');
    expect(userConfigFile(windows, 'claude-code')).toBe('C:\\Users\\ana\\.claude.json');
    expect(userConfigFile({ platform: 'win32', home: 'C:\\Users\\ana' }, 'zed')).toBe('C:\\Users\\ana\\AppData\\Roaming\\Zed\\settings.json');
  });
});

describe('project config files', () => {
  it('.mcp.json, .cursor/mcp.json, .vscode/mcp.json, .zed/settings.json; none for Claude Desktop and Windsurf', () => {
    expect(MCP_CLIENT_IDS.map((c) => projectConfigFile(linux, c, '/code/app'))).toEqual([
      null,
      '/code/app/.mcp.json',
      '/code/app/.cursor/mcp.json',
      '/code/app/.vscode/mcp.json',
      null,
      '/code/app/.zed/settings.json',
    ]);
    expect(configLocations(linux, ['/code/app'], ['cursor', 'windsurf'])).toEqual([
      { client: 'cursor', scope: 'user', file: '/home/ana/.cursor/mcp.json', projectPath: null },
      { client: 'windsurf', scope: 'user', file: '/home/ana/.codeium/windsurf/mcp_config.json', projectPath: null },
      { client: 'cursor', scope: 'project', file: '/code/app/.cursor/mcp.json', projectPath: '/code/app' },
    ]);
  });
});

describe('a recorded connection’s place', () => {
  it('gives the same config id as discovery, for user, project and Claude Code local scope', () => {
    expect(placeOf(linux, 'cursor', '/home/ana/.cursor/mcp.json', ['mcpServers', 'x'])).toEqual({
      scope: 'user',
      projectPath: null,
      configId: configIdOf('cursor', 'user', '/home/ana/.cursor/mcp.json', null),
    });
    expect(placeOf(linux, 'vscode', '/code/app/.vscode/mcp.json', ['servers', 'x'])).toEqual({
      scope: 'project',
      projectPath: '/code/app',
      configId: configIdOf('vscode', 'project', '/code/app/.vscode/mcp.json', '/code/app'),
    });
    expect(placeOf(linux, 'claude-code', '/home/ana/.claude.json', ['projects', '/code/app', 'mcpServers', 'x'])).toEqual({
      scope: 'local',
      projectPath: '/code/app',
      configId: configIdOf('claude-code', 'local', '/home/ana/.claude.json', '/code/app'),
    });
  });

  it('ids are opaque and differ by client, scope, file and project', () => {
    const ids = new Set([
      configIdOf('cursor', 'user', '/a', null),
      configIdOf('vscode', 'user', '/a', null),
      configIdOf('cursor', 'project', '/a', null),
      configIdOf('cursor', 'user', '/b', null),
      configIdOf('claude-code', 'local', '/a', '/p'),
      configIdOf('claude-code', 'local', '/a', '/q'),
    ]);
    expect(ids.size).toBe(6);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('messages name files in the home folder with ~', () => {
    expect(displayPath(linux, '/home/ana/.cursor/mcp.json')).toBe('~/.cursor/mcp.json');
    expect(displayPath(linux, '/code/app/.mcp.json')).toBe('/code/app/.mcp.json');
    expect(displayPath(windows, 'C:\\Users\\ana\\.claude.json')).toBe('~\\.claude.json');
  });
});
