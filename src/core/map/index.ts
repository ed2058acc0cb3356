// Browser-safe entry point of the map module (export-node.ts is Node only and not re-exported).
export type * from './types.ts';
export { layoutMap, positionsOf } from './layout.ts';
export { renderSvg, escapeXml } from './svg.ts';
export { OKABE_ITO } from './palette.ts';
export { toRefiGraph, stableGuid } from './refi-graph.ts';
export { diffMaps } from './diff.ts';
export { EMBEDDED_FONT_FAMILIES, DEFAULT_FONT_FAMILY, type FigureSettings } from './figure-fonts.ts';
export { DEFAULT_FONT_SIZE } from './measure.ts';
