import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { rng } from './kit.ts';

// A realistic interview vocabulary: function words dominate, topic words recur (Zipf-like).
const COMMON =
  'the and to of a I in that it was you they is for but on with so like what just know my me we have not be do at this there were all um yeah well think really about because when he she them if would out some people one can'.split(
    ' ',
  );
const TOPIC =
  'hospital nurse doctor peer worker support trust ward discharge shelter program methadone clinic advocate family time felt talked helped understood someone experience needed stay medication pain team bridge listened respect system appointment street friend harm reduction'.split(
    ' ',
  );

export function sentence(r: () => number): string {
  const n = 6 + Math.floor(r() * 14);
  const w: string[] = [];
  for (let k = 0; k < n; k++)
    w.push(r() < 0.7 ? COMMON[Math.floor(r() ** 2 * COMMON.length)] : TOPIC[Math.floor(r() ** 1.5 * TOPIC.length)]);
  const s = w.join(' ');
  return s[0].toUpperCase() + s.slice(1) + (r() < 0.1 ? '?' : '.');
}

/** Speaker turns of about `words` words in total, alternating interviewer and participant. */
export function interview(seed: number, words: number, who = 'P4'): { speaker: string; text: string }[] {
  const r = rng(seed);
  const turns: { speaker: string; text: string }[] = [];
  let count = 0,
    k = 0;
  while (count < words) {
    const speaker = k++ % 2 ? who : 'Interviewer';
    const parts: string[] = [];
    const sentences = speaker === who ? 2 + Math.floor(r() * 6) : 1 + Math.floor(r() * 2);
    for (let i = 0; i < sentences; i++) parts.push(sentence(r));
    const text = parts.join(' ');
    count += text.split(' ').length;
    turns.push({ speaker, text });
  }
  return turns;
}

export const asTxt = (t: { speaker: string; text: string }[]) => t.map((x) => `${x.speaker}: ${x.text}`).join('\n\n') + '\n';

export function asVtt(t: { speaker: string; text: string }[]): string {
  const out = ['WEBVTT', ''];
  let sec = 0,
    n = 1;
  const ts = (s: number) => new Date(s * 1000).toISOString().slice(11, 23);
  for (const x of t) {
    const sentences = x.text.match(/[^.?]+[.?]/g) ?? [x.text];
    for (const s of sentences) {
      const dur = 1 + s.length / 15;
      out.push(String(n++), `${ts(sec)} --> ${ts(sec + dur)}`, `${x.speaker}: ${s.trim()}`, '');
      sec += dur + 0.3;
    }
  }
  return out.join('\n');
}

export async function asDocx(t: { speaker: string; text: string }[]): Promise<Buffer> {
  const doc = new Document({
    sections: [
      { children: t.map((x) => new Paragraph({ children: [new TextRun({ text: `${x.speaker}: `, bold: true }), new TextRun(x.text)] })) },
    ],
  });
  return Packer.toBuffer(doc);
}

/**
 * Bulk-loads n codings straight into the store (setting the scene is not what is measured):
 * spread over the documents and codes, coders 1 and 2 alternating, 20-320 characters long.
 */
export function bulkCodings(db: Database, docs: { id: number; len: number }[], codes: number[], n: number): void {
  const ins = db.prepare('INSERT INTO codings (guid, document_id, code_id, coder_id, start, end, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  let seed = 1;
  const rnd = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  db.transaction(() => {
    for (let k = 0; k < n; k++) {
      const d = docs[k % docs.length];
      const start = Math.floor(rnd() * (d.len - 400));
      ins.run(
        randomUUID(),
        d.id,
        codes[k % codes.length],
        1 + (k % 2),
        start,
        start + 20 + Math.floor(rnd() * 300),
        '2026-01-01T00:00:00Z',
      );
    }
  })();
}
