/**
 * The keys list's tick box: chooses a key for "Use… (N)". Named by the key's name (aria-labelledby), kept
 * out of the Tab order (Space on a focused row ticks it), off — saying why — for keys that cannot be written.
 */
import type { MouseEvent } from 'react';
import './exports.css';

interface PickCheckboxProps {
  keyName: string;
  /** The id of the element holding the key's name. */
  labelId: string;
  picked: boolean;
  disabledReason: string | null;
  /** `range`: Shift was held (tick everything from the last ticked key). */
  onPick(range: boolean): void;
}

export function PickCheckbox({ keyName, labelId, picked, disabledReason, onPick }: PickCheckboxProps) {
  return (
    <input
      type="checkbox"
      className="pick-box"
      tabIndex={-1}
      checked={picked}
      disabled={disabledReason !== null}
      aria-labelledby={labelId}
      title={disabledReason ?? `Choose ${keyName} (Space); Shift-click chooses a range`}
      // The row opens the key on click: a click here only ticks.
      onClick={(event: MouseEvent<HTMLInputElement>) => event.stopPropagation()}
      onChange={(event) => onPick((event.nativeEvent as { shiftKey?: boolean }).shiftKey === true)}
    />
  );
}
