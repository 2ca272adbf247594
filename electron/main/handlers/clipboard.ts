/** `clipboard:*`: "Clear now" and the countdown of a copied key. No response carries what was copied. */
import type { ClipboardService } from '../../core/clipboard';
import type { HandlersOf } from './types';

export function clipboardHandlers({ clipboard }: { clipboard: ClipboardService }): HandlersOf<'clipboard'> {
  return {
    'clipboard:clear': async () => ({ cleared: await clipboard.clearIfUnchanged() }),
    'clipboard:status': async () => clipboard.status(),
  };
}
