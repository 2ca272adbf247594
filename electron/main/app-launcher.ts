/**
 * The launcher the app writes into MCP clients' configs (shared/mcp-launcher.ts): the app's own executable, run
 * as the CLI with `--mcpkv-cli`. An absolute path that exists wherever the app is installed, so a client started
 * from the desktop (without the user's shell PATH) finds it, and one that works with the RunAsNode fuse off: the
 * executable is not run as Node, it runs the CLI itself when it sees the flag (index.ts). Unpackaged (a source
 * checkout), the executable is Electron's, which needs the app's folder first. Plain: no `electron` import, so
 * main passes what it knows of `app`.
 */
import { pathToFileURL } from 'node:url';
import { CLI_FLAG, type LauncherCommand } from '../../shared/mcp-launcher';

export interface AppFacts {
  isPackaged: boolean;
  /**
   * `process.env.APPIMAGE`: the AppImage file the app runs from on Linux. Its executable (`execPath`) lives in a
   * temporary mount (`/tmp/.mount_…`) that is gone when the app quits, so a config must name the AppImage itself.
   */
  appImage?: string;
  /** `app.getAppPath()`: the folder (or asar) Electron runs the app from. */
  appPath: string;
  /** `process.execPath`: the app's executable, or Electron's when unpackaged. */
  execPath: string;
}

export function appLauncher({ isPackaged, appPath, execPath, appImage }: AppFacts): LauncherCommand {
  if (!isPackaged) return { command: execPath, args: [appPath, CLI_FLAG] };
  return { command: appImage || execPath, args: [CLI_FLAG] };
}

/**
 * Runs the CLI bundle (out/cli/mcpkv.js, packaged with the app) in this process: it reads its arguments after
 * `--mcpkv-cli` and sets the exit code; `mcpkv run` may replace the process (execve) or wait for its command. Then
 * the process ends with the CLI's code (Electron would otherwise keep it running, waiting for windows).
 */
export async function runCliInApp(bundle: string, exit: (code: number) => void = (code) => process.exit(code)): Promise<void> {
  try {
    await import(/* @vite-ignore */ pathToFileURL(bundle).href);
  } catch {
    process.stderr.write('mcpkv: the command-line part of MCP Key Vault could not be loaded; reinstall the app.\n');
    process.exitCode = 1;
  }
  exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
}
