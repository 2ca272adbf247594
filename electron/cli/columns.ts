/**
 * Text tables for a terminal, measured in display columns rather than UTF-16 units: a CJK character or an emoji
 * takes two columns, a combining mark none (string-width knows the Unicode tables), so names in any script line up.
 */
import stringWidth from 'string-width';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Cuts text to at most `width` columns, marking the cut with an ellipsis; never splits a character. */
export function clip(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  let kept = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const w = stringWidth(segment);
    if (used + w > width - 1) break;
    kept += segment;
    used += w;
  }
  return `${kept}…`;
}

/** Pads text with spaces to `width` columns. */
export function padColumns(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

/** Rows of cells as lines, each column as wide as its widest cell, two spaces apart; the last column is not padded. */
export function alignColumns(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, stringWidth(cell))));
  return rows.map((cells) => cells.map((c, i) => (i === cells.length - 1 ? c : padColumns(c, widths[i]!))).join('  ').trimEnd());
}
