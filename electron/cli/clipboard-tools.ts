/**
 * The system clipboard for the CLI, through the platform's own tools: the CLI has no Electron. Used by
 * `mcpkv copy` (to choose a tool and report a missing one) and by the clipboard holder (to copy, read back
 * and clear).
 *
 * Linux: wl-clipboard on Wayland, else xclip or xsel on X11. These keep a background process that owns the
 * selection (an X11 selection is served by its owner, so the owner must stay alive). macOS: pbcopy/pbpaste.
 * Windows: PowerShell's Set-Clipboard/Get-Clipboard.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { VaultError } from '../../shared/errors';

export const CLIPBOARD_TOOL_NAMES = ['wl-clipboard', 'xclip', 'xsel', 'pbcopy', 'powershell'] as const;
export type ClipboardToolName = (typeof CLIPBOARD_TOOL_NAMES)[number];

export interface ToolCommand {
  file: string;
  args: string[];
}

export interface ClipboardTool {
  name: ClipboardToolName;
  /** Reads the text to copy from stdin. */
  copy: ToolCommand;
  /** Prints the clipboard's text. */
  paste: ToolCommand;
  /** Empties the clipboard; null: copy an empty text instead. */
  clear: ToolCommand | null;
  /** A flag of `copy` that marks the text as sensitive for clipboard managers, where the installed version has it. */
  sensitive?: { flag: string; probe: ToolCommand };
}

const PS_PREFIX = '$ErrorActionPreference = "Stop"; [Console]::InputEncoding = [Text.Encoding]::UTF8; [Console]::OutputEncoding = [Text.Encoding]::UTF8;';
const ps = (file: string, script: string): ToolCommand => ({ file, args: ['-NoProfile', '-NonInteractive', '-STA', '-Command', `${PS_PREFIX} ${script}`] });

function toolTable(powershell: string): Record<ClipboardToolName, ClipboardTool> {
  return {
    'wl-clipboard': {
      name: 'wl-clipboard',
      copy: { file: 'wl-copy', args: ['--type', 'text/plain'] },
      paste: { file: 'wl-paste', args: ['--no-newline'] },
      clear: { file: 'wl-copy', args: ['--clear'] },
      // wl-clipboard 2.3+: offers x-kde-passwordManagerHint: secret with the text.
      sensitive: { flag: '--sensitive', probe: { file: 'wl-copy', args: ['--help'] } },
    },
    xclip: {
      name: 'xclip',
      copy: { file: 'xclip', args: ['-selection', 'clipboard', '-in'] },
      paste: { file: 'xclip', args: ['-selection', 'clipboard', '-out'] },
      clear: null,
    },
    xsel: {
      name: 'xsel',
      copy: { file: 'xsel', args: ['--clipboard', '--input'] },
      paste: { file: 'xsel', args: ['--clipboard', '--output'] },
      clear: { file: 'xsel', args: ['--clipboard', '--clear'] },
    },
    pbcopy: {
      name: 'pbcopy',
      copy: { file: 'pbcopy', args: [] },
      paste: { file: 'pbpaste', args: [] },
      clear: null,
    },
    powershell: {
      name: 'powershell',
      copy: ps(powershell, 'Set-Clipboard -Value ([Console]::In.ReadToEnd())'),
      paste: ps(powershell, '$t = Get-Clipboard -Raw; if ($null -ne $t) { [Console]::Out.Write($t) }'),
      clear: ps(powershell, 'Add-Type -AssemblyName System.Windows.Forms; [System.Windows.Forms.Clipboard]::Clear()'),
    },
  };
}

export interface ToolEnvironment {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** Whether an executable of this name is on the PATH. */
  has(file: string): boolean;
}

/** Is `file` an executable on env.PATH (with PATHEXT on Windows)? */
export function onPath(file: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): boolean {
  const dirs = (env.PATH ?? env.Path ?? '').split(path.delimiter).filter(Boolean);
  const exts = platform === 'win32' ? ['', ...(env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').split(';').map((e) => e.toLowerCase())] : [''];
  for (const dir of dirs) {
    for (const ext of exts) {
      try {
        const candidate = path.join(dir, file + ext);
        if (!fs.statSync(candidate).isFile()) continue;
        fs.accessSync(candidate, fs.constants.X_OK);
        return true;
      } catch {
        // not here
      }
    }
  }
  return false;
}

export function realToolEnvironment(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): ToolEnvironment {
  return { platform, env, has: (file) => onPath(file, env, platform) };
}

function needs(tool: ClipboardTool): string[] {
  return [...new Set([tool.copy.file, tool.paste.file, ...(tool.clear ? [tool.clear.file] : [])])];
}

/** Which tools could serve on this platform and session, best first (before checking they are installed). */
export function candidateTools({ platform, env, has }: ToolEnvironment): ClipboardTool[] {
  const table = toolTable(has('pwsh') && !has('powershell') ? 'pwsh' : 'powershell');
  if (platform === 'darwin') return [table.pbcopy];
  if (platform === 'win32') return [table.powershell];
  const tools: ClipboardTool[] = [];
  if (env.WAYLAND_DISPLAY) tools.push(table['wl-clipboard']);
  if (env.DISPLAY) tools.push(table.xclip, table.xsel);
  return tools;
}

/**
 * The clipboard tool to use: `MCPKV_CLIPBOARD_TOOL` if set, else the first installed candidate.
 * Throws a VaultError saying what to install (or that there is no graphical session).
 */
export function chooseClipboardTool(environment: ToolEnvironment): ClipboardTool {
  const { platform, env, has } = environment;
  const wanted = env.MCPKV_CLIPBOARD_TOOL?.trim();
  if (wanted) {
    if (!(CLIPBOARD_TOOL_NAMES as readonly string[]).includes(wanted)) {
      throw new VaultError('VALIDATION', `MCPKV_CLIPBOARD_TOOL must be one of ${CLIPBOARD_TOOL_NAMES.join(', ')}.`);
    }
    const tool = toolTable(has('pwsh') && !has('powershell') ? 'pwsh' : 'powershell')[wanted as ClipboardToolName];
    const missing = needs(tool).filter((file) => !has(file));
    if (missing.length) throw new VaultError('FILE_ERROR', `MCPKV_CLIPBOARD_TOOL is ${wanted}, but ${missing.join(' and ')} is not installed.`);
    return tool;
  }
  const candidates = candidateTools(environment);
  const found = candidates.find((tool) => needs(tool).every((file) => has(file)));
  if (found) return found;
  if (platform === 'linux' || platform === 'freebsd' || platform === 'openbsd' || platform === 'netbsd') {
    if (candidates.length === 0) {
      throw new VaultError('FILE_ERROR', 'No clipboard here: mcpkv copy needs a graphical session (DISPLAY or WAYLAND_DISPLAY is not set).');
    }
    const install = env.WAYLAND_DISPLAY && !env.DISPLAY ? 'wl-clipboard' : env.WAYLAND_DISPLAY ? 'wl-clipboard, xclip or xsel' : 'xclip or xsel';
    throw new VaultError('FILE_ERROR', `No clipboard tool found: install ${install} (e.g. apt-get install ${install.split(/, | or /)[0]}).`);
  }
  if (platform === 'darwin') throw new VaultError('FILE_ERROR', 'No clipboard tool found: pbcopy and pbpaste are missing from the PATH.');
  if (platform === 'win32') throw new VaultError('FILE_ERROR', 'No clipboard tool found: PowerShell (powershell.exe or pwsh) is missing from the PATH.');
  throw new VaultError('FILE_ERROR', `mcpkv copy does not know the clipboard of this platform (${platform}).`);
}

export function toolByName(name: string, environment: ToolEnvironment): ClipboardTool {
  if (!(CLIPBOARD_TOOL_NAMES as readonly string[]).includes(name)) throw new VaultError('VALIDATION', `Unknown clipboard tool ${name}.`);
  const { has } = environment;
  return toolTable(has('pwsh') && !has('powershell') ? 'pwsh' : 'powershell')[name as ClipboardToolName];
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a tool command with `input` on stdin. Resolves when the process exits — not when its pipes close: xclip
 * and xsel leave a background child that owns the selection and may keep inherited pipes open.
 */
export function runTool(command: ToolCommand, input: string | null, timeoutMs = 10_000): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command.file, command.args, { stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      // Let output already written arrive, then let go of the pipes a background child may still hold.
      setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        resolve({ code, stdout, stderr });
      }, code === 0 ? 0 : 50);
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });
}

function failure(tool: ClipboardTool, what: string, result: RunResult): Error {
  const reason = result.stderr.trim().split('\n')[0]?.slice(0, 200);
  return new Error(`${tool.copy.file} could not ${what} the clipboard (exit ${result.code ?? 'killed'})${reason ? `: ${reason}` : ''}`);
}

export async function writeClipboard(tool: ClipboardTool, text: string): Promise<void> {
  let command = tool.copy;
  if (tool.sensitive) {
    const help = await runTool(tool.sensitive.probe, null).catch(() => undefined);
    if (help && `${help.stdout}${help.stderr}`.includes(tool.sensitive.flag)) command = { ...command, args: [tool.sensitive.flag, ...command.args] };
  }
  const result = await runTool(command, text);
  if (result.code !== 0) throw failure(tool, 'write', result);
}

/** The clipboard's text; '' when it is empty or holds no text. */
export async function readClipboard(tool: ClipboardTool): Promise<string> {
  const result = await runTool(tool.paste, null);
  // xclip/xsel/wl-paste exit non-zero when nothing (no text) is on the clipboard: that is an empty clipboard.
  return result.code === 0 ? result.stdout : '';
}

export async function clearClipboard(tool: ClipboardTool): Promise<void> {
  const result = tool.clear ? await runTool(tool.clear, null) : await runTool(tool.copy, '');
  if (result.code !== 0) throw failure(tool, 'clear', result);
}
