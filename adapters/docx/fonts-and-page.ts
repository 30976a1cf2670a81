// Page and type of an order's appendix as Russian offices print it (ГОСТ Р 7.0.97-2016 and the usual office
// rules): A4, left margin 30 mm for the binding, 20 mm elsewhere, Times New Roman 14 pt in text and 12 pt in
// tables, single line spacing.
import { PageOrientation } from 'docx';

export type Orientation = 'portrait' | 'landscape';

export const fontName = 'Times New Roman';
/** Sizes in half-points, as WordprocessingML counts them. */
export const bodySize = 28;
export const tableSize = 24;
/** Single spacing: 240 twentieths of a line. */
export const singleLine = 240;

/** Rounded, not floored as docx's convertMillimetersToTwip does: 20 mm is 1134 twips as Word writes it, not 1133. */
export const mm = (millimetres: number): number => Math.round((millimetres * 1440) / 25.4);

/** A4 in twips, portrait; docx swaps the two for a landscape section. */
export const a4 = { width: 11906, height: 16838 } as const;

export const pageMargins = {
  top: mm(20),
  right: mm(20),
  bottom: mm(20),
  left: mm(30),
  header: mm(10),
  footer: mm(10),
  gutter: 0,
} as const;

/** Width between the margins, in twips. */
export function textWidth(orientation: Orientation): number {
  const across = orientation === 'portrait' ? a4.width : a4.height;
  return across - pageMargins.left - pageMargins.right;
}

export function pageOf(orientation: Orientation) {
  return {
    size: {
      width: a4.width,
      height: a4.height,
      orientation: orientation === 'portrait' ? PageOrientation.PORTRAIT : PageOrientation.LANDSCAPE,
    },
    margin: pageMargins,
  };
}
