// The thematic map model: input (derived from the theme tree) and the positioned layout.
export type MapNodeKind = 'core' | 'group' | 'theme' | 'subtheme' | 'code';

export interface MapNode {
  id: string;
  kind: MapNodeKind;
  label: string;
  color?: string | null;
  parentId: string | null;
  candidate?: boolean;
}
export interface MapLink {
  id: string;
  from: string;
  to: string;
  label?: string;
}
/** A tree via parentId (may have several cores; codes are optional leaves). */
export interface MapInput {
  nodes: MapNode[];
  links: MapLink[];
}

export type MapLayoutKind = 'radial' | 'tree' | 'free';
export type MapPalette = 'colorblind' | 'greyscale' | 'custom';

export interface MapOptions {
  layout: MapLayoutKind;
  showCodes: boolean;
  palette: MapPalette;
  fontFamily?: string;
  /** Theme label size in layout units (pt); other kinds scale from it. */
  fontSize?: number;
  widthMm?: number;
  /** Saved centres for the free layout. */
  positions?: Record<string, { x: number; y: number }>;
  title?: string;
}

/** A node box; x,y is the top-left corner in layout units (pt). */
export interface PositionedNode {
  id: string;
  kind: MapNodeKind;
  x: number;
  y: number;
  width: number;
  height: number;
  lines: string[];
  fontSize: number;
  fontWeight: 400 | 600;
  lineHeight: number;
  fill: string;
  stroke: string;
  textColor: string;
  dashed: boolean;
  /** Codes in a list read from their connector side; everything else is centred. */
  textAlign: 'start' | 'middle' | 'end';
  /** Id of the theme group / theme this node belongs to (for SVG grouping). */
  groupId: string | null;
  parentId: string | null;
}

export interface PositionedEdge {
  from: string;
  to: string;
  path: string;
  kind: 'tree' | 'link';
  /** A link's label: centred on (labelX, labelY) in a labelWidth x labelHeight box kept clear of every node box and other label. */
  label?: string;
  labelX?: number;
  labelY?: number;
  labelWidth?: number;
  labelHeight?: number;
  labelFontSize?: number;
  /** Set when the label had to move off its curve: the point on the curve a thin leader joins it to. */
  labelAnchorX?: number;
  labelAnchorY?: number;
}

export interface MapLayout {
  nodes: PositionedNode[];
  edges: PositionedEdge[];
  width: number;
  height: number;
  title?: { text: string; x: number; y: number; fontSize: number };
}
