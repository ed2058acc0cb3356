// Transcript text in Markdown must render as written: "*not bold*" stays starred, "# not heading"
// stays a line of text, "<script>" stays visible text. Backslash escapes (CommonMark) do that.

const INLINE = /[\\`*_[\]<>&|~]/g;

/** One line of literal text, safe anywhere inline. */
export function mdInline(s: string): string {
  return s.replace(INLINE, (c) => `\\${c}`);
}

/** Literal text for the start of a block: what would open a heading, list, rule or code block is escaped too. */
export function mdLine(line: string): string {
  const s = mdInline(line.replace(/\t/g, ' ').trimStart());
  return s.replace(/^([#+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Multi-line text as paragraphs, each line a hard line break so the transcript's lines survive. */
export function mdText(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => mdLine(l.trimEnd()));
}

/** A block quote: every line prefixed, line breaks kept, blank lines kept as paragraph breaks. */
export function mdQuote(text: string, cite: string): string {
  const lines = mdText(text.trim());
  const body = lines.map((l, i) => (l === '' ? '>' : `> ${l}${i < lines.length - 1 && lines[i + 1] !== '' ? '\\' : ''}`));
  return `${body.join('\n')}\n>\n> — ${mdInline(cite)}`;
}

export const mdHeading = (level: number, text: string) =>
  `${'#'.repeat(Math.min(6, Math.max(1, level)))} ${mdLine(text.replace(/\s+/g, ' ').trim()).replace(/(#+)$/, (h) => h.replace(/#/g, '\\#'))}`;
