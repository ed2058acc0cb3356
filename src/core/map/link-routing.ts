// Links between themes: each is routed (which way and how deep its curve bows) so it passes behind
// as few boxes and crosses as few other links as it can, then labelled clear of every box. When a
// label still has to sit on another line, the link's other bows are tried, and one is kept if it
// leaves fewer labels on lines without taking the curve behind more boxes.
import type { Item } from './layout-item.ts';
import type { PositionedEdge } from './types.ts';
import { BOWS, boxesCrossed, curveFor, linkCurve, linkPath, samples } from './edges.ts';
import {
  curveSegments,
  placeLinkLabels,
  segmentHitsRect,
  type LinkCurve,
  type PlacedLabel,
  type Rect,
  type Segment,
} from './link-labels.ts';

export interface RoutedLink {
  edge: PositionedEdge;
  label?: string;
  placed?: PlacedLabel;
}

interface Route {
  a: Item;
  b: Item;
  curve: LinkCurve;
  label?: string;
}

/** Labels lying on another line (a connector or another link): fewer is better. */
function labelsOnLines(routes: Route[], placed: PlacedLabel[], labelled: number[], connectors: Segment[]): number {
  const segs = routes.map((r) => curveSegments(r.curve));
  let n = 0;
  labelled.forEach((k, j) => {
    const rect: Rect = placed[j];
    const under = [...connectors, ...segs.filter((_, i) => i !== k).flat()];
    if (under.some((sg) => segmentHitsRect(sg, rect))) n++;
  });
  return n;
}

export function routeLinks(
  pairs: { a: Item; b: Item; label?: string }[],
  boxes: Item[],
  rects: Rect[],
  base: number,
  connectors: Segment[],
): RoutedLink[] {
  const routes: Route[] = [];
  for (const { a, b, label } of pairs)
    routes.push({
      a,
      b,
      label,
      curve: linkCurve(
        a,
        b,
        boxes,
        routes.map((r) => r.curve),
      ),
    });
  const labelled = routes.map((r, k) => (r.label ? k : -1)).filter((k) => k >= 0);
  const place = () =>
    placeLinkLabels(
      labelled.map((k) => ({ curve: routes[k].curve, label: routes[k].label! })),
      rects,
      base,
      connectors,
    );
  let placed = place();
  let worst = labelsOnLines(routes, placed, labelled, connectors);
  for (let pass = 0; pass < 2 && worst > 0; pass++) {
    for (const k of labelled) {
      if (worst === 0) break;
      const r = routes[k];
      const behind = boxesCrossed(samples(r.curve), boxes, r.a, r.b);
      for (const bow of BOWS) {
        const curve = curveFor(r.a, r.b, bow);
        if (boxesCrossed(samples(curve), boxes, r.a, r.b) > behind) continue;
        const old = r.curve;
        r.curve = curve;
        const tryPlaced = place();
        const n = labelsOnLines(routes, tryPlaced, labelled, connectors);
        if (n < worst) {
          worst = n;
          placed = tryPlaced;
          break;
        }
        r.curve = old;
      }
    }
  }
  return routes.map((r, k) => {
    const j = labelled.indexOf(k);
    return { edge: linkPath(r.a, r.b, r.curve), label: r.label, placed: j >= 0 ? placed[j] : undefined };
  });
}
