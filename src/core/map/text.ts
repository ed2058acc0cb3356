// Deterministic text measurement from the bundled font's advance widths (no canvas), and
// greedy word wrapping. Kerning is ignored, which slightly over-measures: boxes never clip.
import metrics from './font-metrics.json' with { type: 'json' };

type Face = { unitsPerEm: number; ascender: number; descender: number; widths: Record<string, number> };
const faces = metrics.faces as unknown as Record<string, Face>;

/** Characters missing from the font (rendered by a fallback font) are measured generously. */
const UNKNOWN_EM = 0.75;

export function textWidth(text: string, fontSize: number, weight: 400 | 600 = 400): number {
  const face = faces[String(weight)];
  let units = 0;
  for (const ch of text) {
    const w = face.widths[String(ch.codePointAt(0))];
    units += w ?? UNKNOWN_EM * face.unitsPerEm;
  }
  return (units / face.unitsPerEm) * fontSize;
}

/** Wraps at spaces to fit maxWidth; a single word wider than maxWidth stays whole (never truncated). */
export function wrapText(text: string, maxWidth: number, fontSize: number, weight: 400 | 600 = 400): string[] {
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  if (words.length === 0) return [''];
  const lines = greedy(words, maxWidth, fontSize, weight);
  return balance(lines, words, maxWidth, fontSize, weight);
}

// Greedy wrap leaves a short last line ("restoring trust between providers and / patients");
// narrowing the width until the line count would grow gives more even, figure-like blocks.
function balance(lines: string[], words: string[], maxWidth: number, fontSize: number, weight: 400 | 600): string[] {
  if (lines.length < 2) return lines;
  let best = lines;
  let width = Math.max(...lines.map((l) => textWidth(l, fontSize, weight)));
  for (let i = 0; i < 20; i++) {
    width -= fontSize * 0.5;
    const trial = greedy(words, width, fontSize, weight);
    if (trial.length > lines.length || trial.some((l) => textWidth(l, fontSize, weight) > width && l.includes(' '))) break;
    best = trial;
  }
  return best;
}

function greedy(words: string[], maxWidth: number, fontSize: number, weight: 400 | 600): string[] {
  const lines: string[] = [];
  let line = words[0];
  for (const word of words.slice(1)) {
    const candidate = `${line} ${word}`;
    if (textWidth(candidate, fontSize, weight) <= maxWidth) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  lines.push(line);
  return lines;
}
