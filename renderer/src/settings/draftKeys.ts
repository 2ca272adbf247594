import type { KeyboardEvent } from 'react';

/** Keys of a text setting being edited: Enter saves the draft, Esc drops it and shows the saved value again. */
export function draftKeyHandler(hasDraft: boolean, commit: () => Promise<void>, discard: () => void) {
  return (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void commit();
    } else if (event.key === 'Escape' && hasDraft) {
      event.preventDefault();
      discard();
    }
  };
}
