import os from 'node:os';
import path from 'node:path';

/** The folder name of the app's user data; Electron's main sets its userData path to `vaultHome()` so both agree. */
export const APP_DIR_NAME = 'mcp-key-vault';
export const DEFAULT_KEYCHAIN_SERVICE = 'mcp-key-vault';
export const STORE_FILE_NAME = 'vault';

/** Where Electron keeps an app's user data on each platform (app.getPath('appData')). */
function appDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support');
  if (platform === 'win32') return env.APPDATA ?? path.join(home, 'AppData', 'Roaming');
  return env.XDG_CONFIG_HOME ?? path.join(home, '.config');
}

/** The vault's folder: `MCPKV_HOME`, else the app's user-data folder. App, CLI and tests all resolve it here. */
export function vaultHome(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const fromEnv = env.MCPKV_HOME?.trim();
  if (fromEnv) return path.resolve(fromEnv);
  return path.join(appDataDir(env, platform), APP_DIR_NAME);
}

export function keychainService(env: NodeJS.ProcessEnv = process.env): string {
  return env.MCPKV_KEYCHAIN_SERVICE?.trim() || DEFAULT_KEYCHAIN_SERVICE;
}
