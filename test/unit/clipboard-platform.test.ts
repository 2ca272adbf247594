/** What the app writes per platform, and which tool `mcpkv copy` picks: pure functions, tested in Node. */
import { describe, expect, it } from 'vitest';
import { VaultError } from '../../shared/errors';
import { rawFormat, sensitiveClipboardEntry, sensitiveMarkers } from '../../electron/core/clipboard-formats';
import { chooseClipboardTool, type ToolEnvironment } from '../../electron/cli/clipboard-tools';

describe('sensitive clipboard formats per platform', () => {
  it('Linux: the text plus x-kde-passwordManagerHint = secret, as a raw platform format', () => {
    expect(sensitiveClipboardEntry('mcp_sk_x', 'linux')).toEqual({
      'text/plain': 'mcp_sk_x',
      'electron application/osclipboard;format="x-kde-passwordManagerHint"': 'secret',
    });
    // The BSDs run the same desktops.
    expect(sensitiveClipboardEntry('k', 'freebsd')).toEqual(sensitiveClipboardEntry('k', 'linux'));
  });

  it('macOS: the text plus the nspasteboard.org concealed marker', () => {
    expect(sensitiveClipboardEntry('mcp_sk_x', 'darwin')).toEqual({
      'text/plain': 'mcp_sk_x',
      'electron application/osclipboard;format="org.nspasteboard.ConcealedType"': '',
    });
  });

  it('Windows: excluded from monitors, history (DWORD 0) and cloud clipboard (DWORD 0)', () => {
    const entry = sensitiveClipboardEntry('mcp_sk_x', 'win32');
    expect(Object.keys(entry)).toEqual([
      'text/plain',
      rawFormat('ExcludeClipboardContentFromMonitorProcessing'),
      rawFormat('CanIncludeInClipboardHistory'),
      rawFormat('CanUploadToCloudClipboard'),
    ]);
    expect(entry['text/plain']).toBe('mcp_sk_x');
    for (const name of ['CanIncludeInClipboardHistory', 'CanUploadToCloudClipboard', 'ExcludeClipboardContentFromMonitorProcessing']) {
      expect(Array.from(entry[rawFormat(name)] as Uint8Array)).toEqual([0, 0, 0, 0]);
    }
  });

  it('no marker ever carries the secret', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      for (const marker of sensitiveMarkers(platform)) expect(String(marker.payload)).not.toContain('mcp_sk_x');
    }
  });
});

function environment(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, installed: string[]): ToolEnvironment {
  return { platform, env, has: (file) => installed.includes(file) };
}

function errorOf(fn: () => unknown): VaultError {
  try {
    fn();
  } catch (error) {
    if (error instanceof VaultError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('mcpkv copy: choosing the clipboard tool', () => {
  it('X11: xclip, else xsel', () => {
    expect(chooseClipboardTool(environment('linux', { DISPLAY: ':0' }, ['xclip', 'xsel'])).name).toBe('xclip');
    expect(chooseClipboardTool(environment('linux', { DISPLAY: ':0' }, ['xsel'])).name).toBe('xsel');
  });

  it('Wayland: wl-clipboard first, X11 tools through XWayland otherwise', () => {
    const wayland = { WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0' };
    expect(chooseClipboardTool(environment('linux', wayland, ['wl-copy', 'wl-paste', 'xclip'])).name).toBe('wl-clipboard');
    expect(chooseClipboardTool(environment('linux', wayland, ['xclip'])).name).toBe('xclip');
    // wl-copy alone is not enough: reading back (to clear only an unchanged clipboard) needs wl-paste.
    expect(chooseClipboardTool(environment('linux', wayland, ['wl-copy', 'xsel'])).name).toBe('xsel');
  });

  it('macOS pbcopy/pbpaste, Windows PowerShell (pwsh if that is all there is)', () => {
    expect(chooseClipboardTool(environment('darwin', {}, ['pbcopy', 'pbpaste'])).copy.file).toBe('pbcopy');
    const windows = chooseClipboardTool(environment('win32', {}, ['powershell']));
    expect(windows.copy.file).toBe('powershell');
    expect(windows.copy.args.join(' ')).toContain('Set-Clipboard');
    expect(chooseClipboardTool(environment('win32', {}, ['pwsh'])).paste.file).toBe('pwsh');
  });

  it('the text to copy is never an argument of a tool: it goes to stdin', () => {
    for (const [platform, env, installed] of [
      ['linux', { DISPLAY: ':0' }, ['xclip']],
      ['linux', { DISPLAY: ':0' }, ['xsel']],
      ['linux', { WAYLAND_DISPLAY: 'w' }, ['wl-copy', 'wl-paste']],
      ['darwin', {}, ['pbcopy', 'pbpaste']],
      ['win32', {}, ['powershell']],
    ] as const) {
      const tool = chooseClipboardTool(environment(platform, env, [...installed]));
      expect(tool.copy.args.join(' ')).not.toMatch(/mcp_sk|\$\{/);
    }
  });

  it('clear errors: no graphical session, nothing installed, a bad override', () => {
    expect(errorOf(() => chooseClipboardTool(environment('linux', {}, ['xclip']))).message).toMatch(/needs a graphical session/);
    expect(errorOf(() => chooseClipboardTool(environment('linux', { DISPLAY: ':0' }, []))).message).toMatch(/install xclip or xsel/);
    expect(errorOf(() => chooseClipboardTool(environment('linux', { WAYLAND_DISPLAY: 'w' }, []))).message).toMatch(/install wl-clipboard/);
    expect(errorOf(() => chooseClipboardTool(environment('darwin', {}, []))).message).toMatch(/pbcopy/);
    expect(errorOf(() => chooseClipboardTool(environment('win32', {}, []))).message).toMatch(/PowerShell/);
    expect(errorOf(() => chooseClipboardTool(environment('linux', { DISPLAY: ':0', MCPKV_CLIPBOARD_TOOL: 'clip.exe' }, ['xclip']))).code).toBe('VALIDATION');
    expect(errorOf(() => chooseClipboardTool(environment('linux', { DISPLAY: ':0', MCPKV_CLIPBOARD_TOOL: 'xsel' }, ['xclip']))).message).toMatch(/xsel is not installed/);
  });

  it('MCPKV_CLIPBOARD_TOOL picks an installed tool', () => {
    expect(chooseClipboardTool(environment('linux', { DISPLAY: ':0', MCPKV_CLIPBOARD_TOOL: 'xsel' }, ['xclip', 'xsel'])).name).toBe('xsel');
  });
});
