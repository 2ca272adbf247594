/**
 * Notices changes another process (the CLI) makes to the vault file. Writes are atomic renames, so the
 * folder is watched, not the file; a burst of events becomes one call.
 */
import fs from 'node:fs';
import path from 'node:path';

export function watchStoreFile(file: string, onChange: () => void, debounceMs = 150): () => void {
  let timer: NodeJS.Timeout | undefined;
  const name = path.basename(file);
  const watcher = fs.watch(path.dirname(file), (_event, changed) => {
    if (changed && changed !== name) return;
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  });
  watcher.on('error', () => undefined);
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
