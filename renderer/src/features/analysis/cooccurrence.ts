import type { Code, Coding, Turn } from '@core/model/entities.ts';

/** What counts as two codes occurring together. */
export type Unit = 'overlap' | 'turn' | 'document';

export interface CoMatrix {
  codes: Code[];
  counts: number[][];
  max: number;
}

/**
 * Code co-occurrence: for each pair of codes, how many places carry both. A place is an overlapping
 * passage (the characters both cover, counted once per joined stretch), a speaker turn, or a document.
 * The diagonal holds how many places carry the code at all.
 */
export function cooccurrence(codes: Code[], codings: Coding[], unit: Unit, turnsOf: (documentId: number) => Turn[] | undefined): CoMatrix {
  const used = codes.filter((c) => codings.some((g) => g.codeId === c.id));
  const idx = new Map(used.map((c, i) => [c.id, i]));
  const counts = used.map(() => used.map(() => 0));
  const byDoc = new Map<number, Coding[]>();
  for (const g of codings) if (idx.has(g.codeId)) byDoc.set(g.documentId, [...(byDoc.get(g.documentId) ?? []), g]);
  for (const [doc, list] of byDoc) {
    if (unit === 'overlap') {
      // Sweep by start: each pair of overlapping codings of different codes; a pair of codes counts once per overlapping stretch.
      const sorted = [...list].sort((a, b) => a.start - b.start);
      const seen = new Set<string>();
      for (let i = 0; i < sorted.length; i++) {
        const a = sorted[i];
        counts[idx.get(a.codeId)!][idx.get(a.codeId)!]++;
        for (let j = i + 1; j < sorted.length && sorted[j].start < a.end; j++) {
          const b = sorted[j];
          if (b.codeId === a.codeId) continue;
          const [x, y] = [idx.get(a.codeId)!, idx.get(b.codeId)!];
          const key = `${Math.min(x, y)}:${Math.max(x, y)}:${Math.max(a.start, b.start)}`;
          if (seen.has(key)) continue;
          seen.add(key);
          counts[x][y]++;
          counts[y][x]++;
        }
      }
      continue;
    }
    // Turn or document: the set of codes present in each place, then every pair within it.
    const places = new Map<number, Set<number>>();
    const turns = unit === 'turn' ? (turnsOf(doc) ?? []) : [];
    for (const g of list) {
      const keys = unit === 'document' ? [0] : turns.filter((t) => g.start < t.end && t.start < g.end).map((t) => t.id);
      for (const k of keys) places.set(k, (places.get(k) ?? new Set()).add(idx.get(g.codeId)!));
    }
    for (const set of places.values()) {
      const ids = [...set];
      for (const x of ids) for (const y of ids) counts[x][y]++;
    }
  }
  if (unit === 'overlap') {
    // The diagonal counted codings; identical spans of one code (two coders) are one place.
    for (const c of used) {
      const i = idx.get(c.id)!;
      counts[i][i] = new Set(codings.filter((g) => g.codeId === c.id).map((g) => `${g.documentId}:${g.start}:${g.end}`)).size;
    }
  }
  const off = counts.flatMap((r, i) => r.filter((_v, j) => j !== i));
  return { codes: used, counts, max: Math.max(1, ...off) };
}

export function coCsv(m: CoMatrix): string {
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return (
    [
      ['code', ...m.codes.map((c) => c.name)].map(q).join(','),
      ...m.codes.map((c, i) => [q(c.name), ...m.counts[i].map(String)].join(',')),
    ].join('\n') + '\n'
  );
}

/** The pairs that co-occur, strongest first: the edges of the network. */
export function coLinks(m: CoMatrix): { source: number; target: number; n: number }[] {
  const out: { source: number; target: number; n: number }[] = [];
  m.codes.forEach((_c, i) =>
    m.codes.forEach((_d, j) => {
      if (j > i && m.counts[i][j] > 0) out.push({ source: i, target: j, n: m.counts[i][j] });
    }),
  );
  return out.sort((a, b) => b.n - a.n);
}

/** The smallest link strength that keeps the network readable: at most `max` links drawn. */
export function readableMinLink(m: CoMatrix, max = 40): number {
  const ns = coLinks(m).map((l) => l.n);
  return ns.length <= max ? 1 : Math.max(1, ns[max - 1] + (ns.filter((n) => n >= ns[max - 1]).length > max ? 1 : 0));
}
