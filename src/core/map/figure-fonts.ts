// The font families a map figure can be set in. Only embedded families are offered: the layout
// measures labels with the family's own advance widths and the PNG/PDF exporters embed its files,
// so a family named here looks and wraps the same on screen, in SVG, PNG and PDF on any machine.
// (The CLI's --font-family may name any other family; the SVG then names it first, but PNG and PDF
// still draw the embedded one, and wrapping follows the embedded metrics.)
export const EMBEDDED_FONT_FAMILIES = ['IBM Plex Sans'] as const;
export const DEFAULT_FONT_FAMILY: string = EMBEDDED_FONT_FAMILIES[0];

/** Typography and title of the figure, saved with the project so every export of it matches. */
export interface FigureSettings {
  fontFamily: string;
  fontSize: number;
  title: string;
}
