import type { Db } from '../../store/open.ts';
import { stmt } from '../../store/changes.ts';
import { resolveScope } from './scope.ts';
import { scopedSegments, segmentsByCode, type Segment } from './segments.ts';
import { coveredCodes, select } from './selection.ts';
import { attributionKeys, attributionOf, projectLine } from './attribution.ts';
import type { ReportOptions } from '../../core/reports/types.ts';
import { countWords } from '../documents/queries.ts';

// The codebook a methods appendix needs: the code tree with definitions, when (not) to use each
// code, an example, how much it was used (coded segments, documents, participants) and its themes.

export interface CodebookEntry {
  id: number;
  depth: number;
  name: string;
  path: string;
  inVivo: boolean;
  definition: string;
  whenToUse: string;
  whenNotToUse: string;
  /** The codebook's own example, else a coded passage of quotable length. */
  example: { text: string; attribution: string | null } | null;
  segments: number;
  documents: number;
  participants: number;
  themes: string[];
}
export interface Codebook {
  title: string;
  meta: string[];
  entries: CodebookEntry[];
}

export function collectCodebook(db: Db, opts: ReportOptions): Codebook {
  const sel = select(db, opts);
  const covered = coveredCodes(db, sel);
  const scope = resolveScope(db, opts.coder);
  const keys = attributionKeys(db, opts.attribution);
  const byCode = segmentsByCode(scopedSegments(db, scope));
  const themesOf = new Map<number, string[]>();
  for (const r of stmt(
    db,
    `SELECT tc.code_id, t.name FROM theme_codes tc JOIN themes t ON t.id = tc.theme_id WHERE t.status <> 'discarded' ORDER BY t.name COLLATE NOCASE`,
  ).all() as { code_id: number; name: string }[]) {
    (themesOf.get(r.code_id) ?? themesOf.set(r.code_id, []).get(r.code_id)!).push(r.name);
  }
  // With a selection, parents of picked codes stay in (as context) so the tree still reads as a tree.
  const keep = covered && new Set(covered);
  if (keep) for (const c of [...sel.codes].reverse()) if (keep.has(c.id) && c.parentId != null) keep.add(c.parentId);
  const entries = sel.codes
    .filter((c) => !keep || keep.has(c.id))
    .map((c): CodebookEntry => {
      const segs = byCode.get(c.id) ?? [];
      const own = c.example.trim();
      const pick = own ? null : exampleOf(segs);
      return {
        id: c.id,
        depth: c.depth,
        name: c.name,
        path: c.path,
        inVivo: c.inVivo,
        definition: c.definition,
        whenToUse: c.whenToUse,
        whenNotToUse: c.whenNotToUse,
        example: own ? { text: own, attribution: null } : pick ? { text: pick.text.trim(), attribution: attributionOf(pick, keys) } : null,
        segments: segs.length,
        documents: new Set(segs.map((s) => s.documentId)).size,
        participants: new Set(segs.flatMap((s) => (s.participant ? [s.participant.id] : []))).size,
        themes: themesOf.get(c.id) ?? [],
      };
    });
  const meta = [
    projectLine(opts),
    scope.description,
    'Counts: coded segments, documents and participants for each code itself (sub-codes are counted separately)',
  ];
  return { title: 'Codebook', meta, entries };
}

/** An example as the Word and Markdown codebooks print it: “the passage” (P13, peer worker). */
export const exampleLine = (x: { text: string; attribution: string | null }) =>
  x.attribution ? `“${x.text}” ${x.attribution}` : `“${x.text}”`;

/** The shortest passage of 8 to 40 words; failing that, the one nearest that length. */
function exampleOf(segs: Segment[]): Segment | null {
  const scored = segs.map((s) => ({ s, w: countWords(s.text) })).filter((x) => x.w > 0);
  const fit = scored.filter((x) => x.w >= 8 && x.w <= 40).sort((a, b) => a.w - b.w || a.s.text.length - b.s.text.length)[0];
  if (fit) return fit.s;
  const off = (w: number) => (w < 8 ? 8 - w : w - 40);
  return scored.sort((a, b) => off(a.w) - off(b.w) || a.w - b.w)[0]?.s ?? null;
}
