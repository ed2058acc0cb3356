import { expect } from 'vitest';

// Besides rendering with marked (markdown-render.test.ts), the tests read the Markdown we emit with a
// strict CommonMark-subset reader: every line must be a heading, a block-quote line, an emphasised or
// bold-labelled paragraph, or blank; and no character that Markdown would interpret is left bare.

export type Block = { kind: 'heading'; level: number; text: string } | { kind: 'quote'; lines: string[] } | { kind: 'para'; text: string };

const ESCAPED = /\\([!-/:-@[-`{-~])/g;
/** What a CommonMark renderer shows for inline text made of literal characters and backslash escapes. */
export const literal = (s: string) => s.replace(/\\$/, '').replace(ESCAPED, '$1');
/** Markdown-active characters left unescaped (emphasis markers allowed only as whole-line wrappers). */
const bare = (s: string) =>
  s
    .replace(/\\$/, '')
    .replace(ESCAPED, '')
    .match(/[<>`&[\]|~_\\]|\*/g) ?? [];

export function readMarkdown(md: string): Block[] {
  const blocks: Block[] = [];
  let quote: string[] | null = null;
  let continued = false;
  for (const line of md.split('\n')) {
    if (continued) {
      // the line after a hard break ("  ") continues the paragraph: literal text only
      expect(bare(line.replace(/ {2}$/, '')), `unescaped Markdown in continued paragraph: ${line}`).toEqual([]);
      expect(line, 'a continued line must not open a block').not.toMatch(/^(#|[-+*=]|\d+[.)]|>| {4})/);
      const last = blocks.at(-1) as { kind: 'para'; text: string };
      last.text += `\n${literal(line.replace(/ {2}$/, ''))}`;
      continued = line.endsWith('  ');
      continue;
    }
    if (line.startsWith('>')) {
      expect(line, 'a block-quote line is ">" or "> text"').toMatch(/^>( .*)?$/);
      const body = line.slice(2);
      expect(bare(body), `unescaped Markdown in quote line: ${line}`).toEqual([]);
      expect(body, 'a quote line must not open a heading, list or code block').not.toMatch(/^(#|[-+*] |\d+[.)] | {4})/);
      (quote ??= []).push(line === '>' ? '' : literal(body));
      continue;
    }
    if (quote) {
      blocks.push({ kind: 'quote', lines: quote });
      quote = null;
    }
    if (line === '') continue;
    const h = /^(#{1,6}) (\S.*)$/.exec(line);
    if (h) {
      expect(bare(h[2]), `unescaped Markdown in heading: ${line}`).toEqual([]);
      blocks.push({ kind: 'heading', level: h[1].length, text: literal(h[2]) });
      continue;
    }
    const em = /^\*([^*].*[^*])\*( {2})?$/.exec(line);
    const bold = /^\*\*([^*]+):\*\* (.*?)( {2})?$/.exec(line);
    expect(em || bold, `unexpected Markdown line: ${line}`).toBeTruthy();
    const inner = em ? em[1] : bold![2];
    expect(bare(inner), `unescaped Markdown in paragraph: ${line}`).toEqual([]);
    blocks.push({ kind: 'para', text: em ? literal(em[1]) : `${bold![1]}: ${literal(bold![2])}` });
    continued = !!bold && line.endsWith('  ');
  }
  if (quote) blocks.push({ kind: 'quote', lines: quote });
  return blocks;
}

/** Heading levels only ever go one deeper than the heading before them. */
export function expectNested(blocks: Block[]): void {
  let prev = 0;
  for (const b of blocks)
    if (b.kind === 'heading') {
      expect(b.level, `heading "${b.text}" skips a level`).toBeLessThanOrEqual(prev + 1);
      prev = b.level;
    }
}
