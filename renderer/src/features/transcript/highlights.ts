import type { Code, Coding } from '@core/model/entities.ts';
import type { TextIndex } from './textIndex.ts';

/**
 * Codings are painted with the CSS Custom Highlight API: one Highlight per code (and per drawing
 * style), so thousands of overlapping codings cost ranges, not DOM nodes. Backgrounds are
 * translucent, so overlaps read darker; the other coder's codings are underlined instead.
 */
const sheet = typeof CSSStyleSheet !== 'undefined' ? new CSSStyleSheet() : null;
let adopted = false;
let owned = new Set<string>();

const rgba = (hex: string, a: number) => {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${a})`;
};

export function highlightName(codeId: number, underline: boolean): string {
  return underline ? `code-${codeId}-other` : `code-${codeId}`;
}

/** The transcript on screen, so a coding just made can be painted before the full re-read arrives. */
let live: { documentId: number; index: TextIndex; codes: Map<number, Code>; underlined: Set<string> } | null = null;

export function paintCodings(
  index: TextIndex,
  codings: Coding[],
  codes: Map<number, Code>,
  underlined: Set<string>,
  documentId?: number,
): void {
  if (documentId !== undefined) live = { documentId, index, codes, underlined };
  const groups = new Map<string, StaticRange[]>();
  for (const c of codings) {
    const name = highlightName(c.codeId, underlined.has(c.coder));
    const r = index.range(c.start, c.end);
    if (!r) continue;
    let g = groups.get(name);
    if (!g) groups.set(name, (g = []));
    g.push(r);
  }
  for (const name of owned) if (!groups.has(name)) CSS.highlights.delete(name);
  owned = new Set(groups.keys());
  for (const [name, ranges] of groups) CSS.highlights.set(name, new Highlight(...ranges));
  // A rule for every code, painted or not: a code's first coding then only adds a highlight,
  // instead of changing the style sheet (which restyles the whole transcript).
  const rules: string[] = [];
  for (const [id, code] of codes) rules.push(ruleFor(highlightName(id, false), code.color), ruleFor(highlightName(id, true), code.color));
  setRules('codes', rules);
}

/**
 * Paints one new coding at once (the select -> apply -> visible loop must feel instant); the
 * regular repaint after the API re-read replaces it with the same picture.
 */
export function paintNewCoding(c: Coding, color: string): void {
  if (!live || live.documentId !== c.documentId) return;
  const r = live.index.range(c.start, c.end);
  if (!r) return;
  const name = highlightName(c.codeId, live.underlined.has(c.coder));
  const h = CSS.highlights.get(name);
  if (h) {
    h.add(r);
    return;
  }
  CSS.highlights.set(name, new Highlight(r));
  owned.add(name);
  const rules = ruleSets.get('codes') ?? [];
  const rule = ruleFor(name, color);
  if (!rules.includes(rule)) setRules('codes', [...rules, rule]);
}

function ruleFor(name: string, colour: string): string {
  return name.endsWith('-other')
    ? `::highlight(${name}) { text-decoration: underline 2px ${colour}; text-underline-offset: 3px; }`
    : `::highlight(${name}) { background-color: ${rgba(colour, 0.26)}; }`;
}

const ruleSets = new Map<string, string[]>();
function setRules(key: string, rules: string[]): void {
  if (!sheet) return;
  if (!adopted) {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    adopted = true;
  }
  ruleSets.set(key, rules);
  const text = [...ruleSets.values()].flat().join('\n');
  if (text !== sheetText) sheet.replaceSync((sheetText = text)); // an unchanged sheet would still restyle everything
}
let sheetText = '';

/** Single-purpose highlights (the coding being inspected, find hits), above the code colours. */
export function paintNamed(name: string, ranges: AbstractRange[], priority: number): void {
  if (!ranges.length) {
    CSS.highlights.delete(name);
    return;
  }
  const h = new Highlight(...ranges);
  h.priority = priority;
  CSS.highlights.set(name, h);
}

export function clearAll(): void {
  for (const name of owned) CSS.highlights.delete(name);
  owned = new Set();
  for (const n of ['coding-active', 'find-hit', 'find-current']) CSS.highlights.delete(n);
}
