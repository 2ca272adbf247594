/**
 * The main side, built in one place: the services on the opened vault, the handler of every channel (one
 * file per contract group in handlers/) and the dispatcher that validates each call. The Electron app
 * (index.ts), the E2E bridge, the IPC tests and the bench all build it here; each passes its own adapters for
 * what plain Node does not have (Electron's clipboard and dialogs, main's own confirmation dialog, or stand-ins). Plain Node: no `electron`
 * import, and nothing is defaulted: every dependency is passed in.
 */
import type { ActivityLog } from '../core/activity-log';
import { ClipboardService, type ClipboardAdapter } from '../core/clipboard';
import { ExportsService } from '../core/exports/exports-service';
import type { McpLocationEnv } from '../core/mcp/locations';
import { McpService } from '../core/mcp/mcp-service';
import { Projects } from '../core/projects';
import { SettingsStore } from '../core/settings';
import type { Vault } from '../core/vault';
import type { LauncherCommand } from '../../shared/mcp-launcher';
import { activityHandlers } from './handlers/activity';
import { clipboardHandlers } from './handlers/clipboard';
import { exportsHandlers } from './handlers/exports';
import { keysHandlers } from './handlers/keys';
import { mcpHandlers } from './handlers/mcp';
import { projectsHandlers, type DialogAdapter } from './handlers/projects';
import { settingsHandlers } from './handlers/settings';
import type { Handlers } from './handlers/types';
import { vaultHandlers } from './handlers/vault';
import { createDispatcher, type Dispatch } from './ipc-dispatch';
import { Confirmations, type ConfirmAdapter, type ConfirmRequest } from './confirmations';

export type { ConfirmAdapter, ConfirmRequest, DialogAdapter };

export interface MainSideDeps {
  /** The opened vault (electron-store in the app, conf elsewhere), with its activity sink. */
  vault: Vault;
  /** The OS clipboard: Electron's in the app, an in-memory one in the bridge, tests and bench. */
  clipboard: ClipboardAdapter;
  /** The OS dialogs: Electron's in the app, scripted in the bridge and tests. */
  dialogs: DialogAdapter;
  /**
   * Main's own confirmation dialog, drawn by main and out of the renderer's reach (Electron's message box on the
   * window in the app; a stand-in the test answers in the bridge and tests). Asked beyond a few secrets a minute
   * and before the only copy of a key's value is destroyed (confirmations.ts).
   */
  confirm: ConfirmAdapter;
  /**
   * The MCP clients: where their config files are (the user's home, XDG_CONFIG_HOME, APPDATA and platform in the
   * app; a fixture HOME in tests), and the launcher written into a config to start `mcpkv run` (the app's own
   * executable with `--mcpkv-cli` in the app, app-launcher.ts; `node bin/mcpkv.js` in tests).
   */
  mcp: { locations: McpLocationEnv; launcher: LauncherCommand };
  /** The activity log `activity:list` reads: the file the vault's activity sink appends to. */
  activity: Pick<ActivityLog, 'list'>;
  /** What opening the vault had to mend, for the app's banner. */
  notices: string[];
  /** Told of each failure that is not a VaultError (its text never reaches the reply); for a log line. */
  onUnexpected?: (channel: string, error: unknown) => void;
}

/** The services main holds beside the vault; the app needs some of them outside IPC (reminders, quit). */
export interface MainServices {
  settings: SettingsStore;
  clipboard: ClipboardService;
  projects: Projects;
  exports: ExportsService;
  mcp: McpService;
}

export interface MainSide {
  services: MainServices;
  handlers: Handlers;
  dispatch: Dispatch;
}

export function createMainSide(deps: MainSideDeps): MainSide {
  const { vault, dialogs, activity, notices } = deps;
  const settings = new SettingsStore(vault.store);
  const clipboard = new ClipboardService(deps.clipboard);
  const projects = new Projects(vault.store);
  const exports = new ExportsService(vault, projects);
  const mcp = new McpService(vault, { projects, locations: deps.mcp.locations, launcher: deps.mcp.launcher });
  // One dialog at a time across every group: main's questions never stack up.
  const confirmations = new Confirmations(deps.confirm);
  const handlers: Handlers = {
    ...vaultHandlers({ vault, notices, mcpLocations: deps.mcp.locations }),
    ...keysHandlers({ vault, settings, clipboard, exports, confirmations }),
    ...projectsHandlers({ projects, exports, dialogs }),
    ...exportsHandlers({ vault, exports, settings }),
    ...mcpHandlers({ vault, mcp, confirmations }),
    ...clipboardHandlers({ clipboard }),
    ...activityHandlers({ activity }),
    ...settingsHandlers({ settings }),
  };
  return {
    services: { settings, clipboard, projects, exports, mcp },
    handlers,
    dispatch: createDispatcher(handlers, deps.onUnexpected),
  };
}
