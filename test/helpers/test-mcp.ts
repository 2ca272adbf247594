/**
 * What the test assemblies of the main side (test-main-side.ts, the E2E bridge, the bench) give its MCP clients'
 * service instead of the user's own: every client's config located under a test's own folder (its fixture HOME),
 * and the launcher written into configs is the source checkout's CLI (`node bin/mcpkv.js`), which exists whether
 * or not the app is packaged.
 */
import path from 'node:path';
import type { McpLocationEnv } from '../../electron/core/mcp/locations';
import type { LauncherCommand } from '../../shared/mcp-launcher';
import { repoRoot } from './process';

export const TEST_LAUNCHER: LauncherCommand = { command: process.execPath, args: [path.join(repoRoot, 'bin/mcpkv.js')] };

/**
 * Every client's config under `clientHome`, laid out as on Linux (`~/.config` is XDG_CONFIG_HOME) whatever the
 * platform, as the fixture HOME (mcp-client-home.ts) is; the per-OS locations have their own unit tests.
 */
export function clientLocations(clientHome: string): McpLocationEnv {
  return { platform: 'linux', home: clientHome, xdgConfigHome: path.join(clientHome, '.config') };
}

/** The `mcp` dependencies of createMainSide for a test whose client configs live under `clientHome`. */
export function testMcpDeps(clientHome: string): { locations: McpLocationEnv; launcher: LauncherCommand } {
  return { locations: clientLocations(clientHome), launcher: TEST_LAUNCHER };
}
