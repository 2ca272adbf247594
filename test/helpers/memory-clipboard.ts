/**
 * TEST ONLY. Electron's clipboard does not exist in plain Node: where the real main-process handlers run
 * outside Electron (the E2E bridge, IPC tests, the benchmark), the clipboard is this.
 */
import type { ClipboardAdapter } from '../../electron/core/clipboard';

export class MemoryClipboard implements ClipboardAdapter {
  text = '';
  async writeText(text: string): Promise<void> {
    this.text = text;
  }
  async readText(): Promise<string> {
    return this.text;
  }
  clear(): void {
    this.text = '';
  }
}
