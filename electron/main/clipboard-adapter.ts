/**
 * The app's clipboard: Electron's (async) clipboard API behind the ClipboardAdapter of electron/core/clipboard.
 * The only module that imports Electron's clipboard. What each platform gets is decided by the pure
 * sensitiveClipboardEntry (electron/core/clipboard-formats.ts).
 */
import { clipboard, ClipboardItem } from 'electron';
import type { ClipboardAdapter } from '../core/clipboard';
import { sensitiveClipboardEntry } from '../core/clipboard-formats';

export function electronClipboard(platform: NodeJS.Platform = process.platform): ClipboardAdapter {
  return {
    async writeText(text) {
      const entry: Record<string, string | Blob> = {};
      for (const [type, payload] of Object.entries(sensitiveClipboardEntry(text, platform))) {
        entry[type] = typeof payload === 'string' ? payload : new Blob([Uint8Array.from(payload)]);
      }
      try {
        // One item, committed atomically: the text and its "do not keep this" markers arrive together.
        await clipboard.write([new ClipboardItem(entry)]);
      } catch {
        // A platform that refuses one of the markers must not make copying impossible: plain text, unmarked.
        await clipboard.writeText(text);
      }
    },
    readText: () => clipboard.readText(),
    clear: () => clipboard.clear(),
  };
}
