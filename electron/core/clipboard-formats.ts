/**
 * What the app writes to the clipboard on each platform when it copies a key: the text, plus the markers
 * clipboard managers and clipboard history read to leave a secret alone. Pure (no `electron` import) so it is
 * tested in Node; electron/main/clipboard-adapter.ts turns it into a ClipboardItem.
 *
 * Electron 45's clipboard.write() takes MIME types; a platform's own (raw) clipboard format is written as the
 * custom format `electron application/osclipboard;format="<name>"`. A string payload is written as UTF-8 bytes,
 * a byte array as those bytes.
 */

/** Electron's custom format for a platform's raw clipboard format (a pasteboard type, an X11/Wayland target, a Windows format). */
export function rawFormat(name: string): string {
  return `electron application/osclipboard;format="${name}"`;
}

/** A Windows clipboard DWORD of 0 (little-endian). */
const DWORD_ZERO = new Uint8Array([0, 0, 0, 0]);

export interface SensitiveMarker {
  /** The platform format's own name. */
  format: string;
  payload: string | Uint8Array;
  /** What it tells whom (for docs and tests). */
  purpose: string;
}

/** The markers a copied secret gets on `platform`. */
export function sensitiveMarkers(platform: NodeJS.Platform): SensitiveMarker[] {
  switch (platform) {
    case 'darwin':
      return [
        {
          format: 'org.nspasteboard.ConcealedType',
          payload: '',
          purpose: 'nspasteboard.org convention: clipboard managers (Maccy, Alfred, Raycast, Paste, …) do not record or show it',
        },
      ];
    case 'win32':
      return [
        {
          format: 'ExcludeClipboardContentFromMonitorProcessing',
          payload: DWORD_ZERO,
          purpose: 'clipboard monitors (third-party managers) skip it',
        },
        { format: 'CanIncludeInClipboardHistory', payload: DWORD_ZERO, purpose: 'Windows clipboard history (Win+V) does not keep it' },
        { format: 'CanUploadToCloudClipboard', payload: DWORD_ZERO, purpose: 'it is not synced to other devices (cloud clipboard)' },
      ];
    default:
      // Linux and the BSDs (X11 and Wayland): KDE's convention, honoured by Klipper and other managers.
      return [{ format: 'x-kde-passwordManagerHint', payload: 'secret', purpose: 'Klipper and other managers do not keep it in their history' }];
  }
}

/** The whole clipboard entry for a copied secret: MIME type (or raw format) → payload. */
export function sensitiveClipboardEntry(text: string, platform: NodeJS.Platform): Record<string, string | Uint8Array> {
  const entry: Record<string, string | Uint8Array> = { 'text/plain': text };
  for (const marker of sensitiveMarkers(platform)) entry[rawFormat(marker.format)] = marker.payload;
  return entry;
}
