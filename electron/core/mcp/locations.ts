/**
 * Where each MCP client keeps its config files, per OS, derived only from an injected environment (platform,
 * home, XDG_CONFIG_HOME, APPDATA), so that tests point every client at a temp folder. The defaults are read from
 * the process at the edge (`locationEnvFromProcess`) and nowhere else.
 *
 * Checked against the clients' documentation (/work/shared/mcp-clients.md):
 * - Claude Desktop: macOS `~/Library/Application Support/Claude`, Windows `%APPDATA%\Claude`, Linux (community
 *   builds) `$XDG_CONFIG_HOME/Claude`; `claude_desktop_config.json`, `mcpServers`.
 * - Claude Code: `~/.claude.json` (`mcpServers`, and `projects.<path>.mcpServers`: the local scope), `.mcp.json`.
 * - Cursor: `~/.cursor/mcp.json`, `.cursor/mcp.json` (every OS: the home folder).
 * - VS Code: `<config>/Code/User/mcp.json` (`servers`), `.vscode/mcp.json`.
 * - Windsurf: `~/.codeium/windsurf/mcp_config.json` (every OS).
 * - Zed: `$XDG_CONFIG_HOME/zed/settings.json` on Linux, `~/.config/zed/settings.json` on macOS,
 *   `%APPDATA%\Zed\settings.json` on Windows (`context_servers`), `.zed/settings.json`.
 */
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { McpClientId, McpScope } from '../../../shared/mcp';

export interface McpLocationEnv {
  platform: NodeJS.Platform;
  /** The user's home folder. */
  home: string;
  /** `$XDG_CONFIG_HOME` when set (Linux); otherwise `~/.config`. */
  xdgConfigHome?: string;
  /** `%APPDATA%` when set (Windows); otherwise `~\AppData\Roaming`. */
  appData?: string;
}

/** The environment of this process: the only place the locations read process state. */
export function locationEnvFromProcess(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): McpLocationEnv {
  return {
    platform,
    home: os.homedir(),
    ...(env.XDG_CONFIG_HOME && { xdgConfigHome: env.XDG_CONFIG_HOME }),
    ...(env.APPDATA && { appData: env.APPDATA }),
  };
}

/** One config file a client reads (Claude Code's local sections are found inside `~/.claude.json` when it is read). */
export interface ConfigLocation {
  client: McpClientId;
  scope: Exclude<McpScope, 'local'>;
  file: string;
  projectPath: string | null;
}

/** Paths are built with the target platform's rules, whatever platform the code runs on (tests check all three). */
function pathsOf(platform: NodeJS.Platform): path.PlatformPath {
  return platform === 'win32' ? path.win32 : path.posix;
}

function configHome(env: McpLocationEnv): string {
  const p = pathsOf(env.platform);
  return env.xdgConfigHome && p.isAbsolute(env.xdgConfigHome) ? env.xdgConfigHome : p.join(env.home, '.config');
}

function appData(env: McpLocationEnv): string {
  return env.appData ?? pathsOf(env.platform).join(env.home, 'AppData', 'Roaming');
}

/** The folder where desktop apps (Electron's `appData`) keep their settings on this platform. */
function desktopAppData(env: McpLocationEnv): string {
  if (env.platform === 'win32') return appData(env);
  if (env.platform === 'darwin') return pathsOf(env.platform).join(env.home, 'Library', 'Application Support');
  return configHome(env);
}

/** The user-scope file of each client. */
export function userConfigFile(env: McpLocationEnv, client: McpClientId): string {
  const p = pathsOf(env.platform);
  switch (client) {
    case 'claude-desktop':
      return p.join(desktopAppData(env), 'Claude', 'claude_desktop_config.json');
    case 'claude-code':
      return p.join(env.home, '.claude.json');
    case 'cursor':
      return p.join(env.home, '.cursor', 'mcp.json');
    case 'vscode':
      return p.join(desktopAppData(env), 'Code', 'User', 'mcp.json');
    case 'windsurf':
      return p.join(env.home, '.codeium', 'windsurf', 'mcp_config.json');
    case 'zed':
      if (env.platform === 'win32') return p.join(appData(env), 'Zed', 'settings.json');
      // Zed follows XDG_CONFIG_HOME on Linux only; on macOS it is always ~/.config/zed.
      return p.join(env.platform === 'linux' ? configHome(env) : p.join(env.home, '.config'), 'zed', 'settings.json');
  }
}

/** The project-scope file of each client, relative to the project folder (none for Claude Desktop and Windsurf). */
export const PROJECT_FILES: Readonly<Partial<Record<McpClientId, readonly string[]>>> = {
  'claude-code': ['.mcp.json'],
  cursor: ['.cursor', 'mcp.json'],
  vscode: ['.vscode', 'mcp.json'],
  zed: ['.zed', 'settings.json'],
};

export function projectConfigFile(env: McpLocationEnv, client: McpClientId, projectPath: string): string | null {
  const parts = PROJECT_FILES[client];
  return parts ? pathsOf(env.platform).join(projectPath, ...parts) : null;
}

/** Every user-scope file, then every project-scope file of every project (client by client). */
export function configLocations(env: McpLocationEnv, projectPaths: readonly string[], clients: readonly McpClientId[]): ConfigLocation[] {
  const user = clients.map((client): ConfigLocation => ({ client, scope: 'user', file: userConfigFile(env, client), projectPath: null }));
  const project = clients.flatMap((client) =>
    projectPaths.flatMap((projectPath): ConfigLocation[] => {
      const file = projectConfigFile(env, client, projectPath);
      return file ? [{ client, scope: 'project', file, projectPath }] : [];
    }),
  );
  return [...user, ...project];
}

/** The JSON path of the servers object of a client's config (Claude Code's local scope: inside its project's section). */
export function serversPathOf(client: McpClientId, projectSection: string | null = null): string[] {
  if (projectSection !== null) return ['projects', projectSection, 'mcpServers'];
  switch (client) {
    case 'vscode':
      return ['servers'];
    case 'zed':
      return ['context_servers'];
    default:
      return ['mcpServers'];
  }
}

/** The opaque, stable id of a config (client, scope, file and project): what the renderer names it by. */
export function configIdOf(client: McpClientId, scope: McpScope, file: string, projectPath: string | null): string {
  return createHash('sha256').update(JSON.stringify([client, scope, file, projectPath])).digest('hex').slice(0, 16);
}

/**
 * Where a recorded connection's config sits: its scope and project, from the client, the file and the server's
 * JSON path alone (a record keeps no more), so its id is the one `configs()` gives.
 */
export function placeOf(env: McpLocationEnv, client: McpClientId, file: string, serverPath: readonly string[]): { scope: McpScope; projectPath: string | null; configId: string } {
  if (client === 'claude-code' && serverPath[0] === 'projects' && serverPath.length === 4) {
    const projectPath = serverPath[1]!;
    return { scope: 'local', projectPath, configId: configIdOf(client, 'local', file, projectPath) };
  }
  if (file === userConfigFile(env, client)) return { scope: 'user', projectPath: null, configId: configIdOf(client, 'user', file, null) };
  const p = pathsOf(env.platform);
  let projectPath: string | null = null;
  const parts = PROJECT_FILES[client];
  if (parts) {
    let folder = file;
    for (let i = 0; i < parts.length; i++) folder = p.dirname(folder);
    projectPath = folder;
  }
  return { scope: 'project', projectPath, configId: configIdOf(client, 'project', file, projectPath) };
}

/** `~/.cursor/mcp.json` for a file in the home folder: how messages name a config. */
export function displayPath(env: McpLocationEnv, file: string): string {
  const p = pathsOf(env.platform);
  const relative = p.relative(env.home, file);
  if (relative === '' || relative.startsWith('..') || p.isAbsolute(relative)) return file;
  return `~${p.sep}${relative}`;
}
