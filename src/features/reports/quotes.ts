import type { Db } from '../../store/open.ts';
import { stmt } from '../../store/changes.ts';
import { resolveScope } from './scope.ts';
import { scopedSegments, segmentsByCode, type Segment } from './segments.ts';
import { select, type CodeNode } from './selection.ts';
import { attributionKeys, attributionOf, projectLine, timestamp } from './attribution.ts';
import type { ReportOptions } from '../../core/reports/types.ts';
import { recordingLinks } from '../media/report-links.ts';

// Quotes by theme and code: the theme tree in order (core concept -> groups -> themes -> sub-themes),
// under each theme its attached codes and their coded passages, exactly as written, attributed.

export interface QuoteItem {
  text: string;
  attribution: string;
  timestamp: string | null;
  document: string;
  start: number;
  end: number;
  coders: string[];
  /** The document's recording at the quote's turn (file URL with #t=seconds), when it has one and timestamps are asked for. */
  timeLink?: string;
}
export interface CodeBlock {
  id: number;
  name: string;
  path: string;
  quotes: QuoteItem[];
}
export interface ThemeBlock {
  id: number;
  kind: string;
  name: string;
  definition: string;
  depth: number;
  /** False for a theme shown only as the heading above picked sub-themes. */
  picked: boolean;
  codes: CodeBlock[];
}
export interface QuotesReport {
  title: string;
  meta: string[];
  themes: ThemeBlock[];
  codes: CodeBlock[];
}

const KIND_LABEL: Record<string, string> = { core: 'Core concept', group: 'Theme group', theme: 'Theme', subtheme: 'Sub-theme' };
const kindLabel = (k: string) => KIND_LABEL[k] ?? k;

export function collectQuotes(db: Db, opts: ReportOptions): QuotesReport {
  const sel = select(db, opts);
  const scope = resolveScope(db, opts.coder);
  const keys = attributionKeys(db, opts.attribution);
  const byCode = segmentsByCode(scopedSegments(db, scope));
  const links = opts.timestamps ? recordingLinks(db) : new Map<number, string>();
  const quote = (s: Segment): QuoteItem => ({
    text: s.text,
    attribution: attributionOf(s, keys),
    document: s.document,
    start: s.start,
    end: s.end,
    coders: s.coders,
    timestamp: opts.timestamps && s.timeStart != null ? timestamp(s.timeStart) : null,
    ...(opts.timestamps && s.timeStart != null && links.has(s.documentId)
      ? { timeLink: `${links.get(s.documentId)}#t=${Math.floor(s.timeStart)}` }
      : {}),
  });
  const block = (c: CodeNode): CodeBlock => ({ id: c.id, name: c.name, path: c.path, quotes: (byCode.get(c.id) ?? []).map(quote) });
  const codeById = new Map(sel.codes.map((c) => [c.id, c]));
  const attached = stmt(db, 'SELECT theme_id, code_id FROM theme_codes ORDER BY position, code_id').all() as {
    theme_id: number;
    code_id: number;
  }[];

  // Nothing named: every theme still in play. Only codes named: no themes, the codes on their own.
  const shown =
    sel.themeIds ?? (sel.codeIds ? new Set<number>() : new Set(sel.themes.filter((t) => t.status !== 'discarded').map((t) => t.id)));
  const parentOf = new Map(sel.themes.map((t) => [t.id, t.parent_id]));
  const withAncestors = new Set<number>();
  for (const id of shown)
    for (let p: number | null | undefined = id; p != null && !withAncestors.has(p); p = parentOf.get(p)) withAncestors.add(p);
  const depth = (id: number): number => {
    let d = 0;
    for (let p = parentOf.get(id); p != null; p = parentOf.get(p)) d++;
    return d;
  };
  const placed = new Set<number>();
  const themes: ThemeBlock[] = sel.themes
    .filter((t) => withAncestors.has(t.id))
    .map((t) => {
      const picked = shown.has(t.id);
      const codes = picked
        ? attached.filter((a) => a.theme_id === t.id && (!sel.codeIds || sel.codeIds.has(a.code_id))).map((a) => codeById.get(a.code_id)!)
        : [];
      for (const c of codes) placed.add(c.id);
      return { id: t.id, kind: t.kind, name: t.name, definition: t.definition, depth: depth(t.id), picked, codes: codes.map(block) };
    });
  const loose = sel.codeIds ? sel.codes.filter((c) => sel.codeIds!.has(c.id) && !placed.has(c.id)).map(block) : [];

  const meta = [
    projectLine(opts),
    scope.description,
    `Attribution: participant${keys.length ? `, ${keys.join(', ')}` : ''}${opts.timestamps ? '; [hh:mm:ss] = start of the speaker turn' : ''}`,
  ];
  return { title: themes.length ? 'Quotes by theme' : 'Quotes by code', meta, themes, codes: loose };
}

/** What a quotes format writes for each part of the report; the outline itself is the same in every format. */
export interface QuotesWriter {
  heading(level: number, text: string): void;
  /** A theme's definition (called only when it is not blank). */
  definition(text: string): void;
  quote(q: QuoteItem): void;
  /** A code with no coded passages. */
  none(): void;
}

/** Walks the report in reading order: themes by tree depth from heading level `top`, each code one level below its theme. */
export function writeQuotes(r: QuotesReport, top: number, w: QuotesWriter): void {
  const codeBlock = (c: CodeBlock, level: number) => {
    w.heading(level, `Code: ${c.name}`);
    if (!c.quotes.length) w.none();
    for (const q of c.quotes) w.quote(q);
  };
  for (const t of r.themes) {
    w.heading(t.depth + top, `${kindLabel(t.kind)}: ${t.name}`);
    if (t.definition.trim()) w.definition(t.definition);
    for (const c of t.codes) codeBlock(c, t.depth + top + 1);
  }
  if (r.codes.length) {
    if (r.themes.length) w.heading(top, 'Codes not in the chosen themes');
    for (const c of r.codes) codeBlock(c, r.themes.length ? top + 1 : top);
  }
}

/** A quote's attribution line: "(P13, peer worker) [00:12:34]". */
export const citeOf = (q: QuoteItem) => (q.timestamp ? `${q.attribution} ${q.timestamp}` : q.attribution);
