// Turning the names a researcher types into rows, and saying which names were meant when one
// is misspelled ("no theme named "Advocasy"; close names: "Advocacy"").

export function closeNames(wanted: string, names: string[], what: string): string {
  const w = wanted.toLowerCase();
  const scored = [...new Set(names)]
    .map((n) => ({ n, d: distance(w, n.toLowerCase()), sub: n.toLowerCase().includes(w) || w.includes(n.toLowerCase()) }))
    .filter((x) => x.sub || x.d <= Math.max(2, Math.floor(w.length / 3)))
    .sort((a, b) => a.d - b.d || a.n.localeCompare(b.n))
    .slice(0, 5);
  if (scored.length) return `close names: ${scored.map((x) => `"${x.n}"`).join(', ')}`;
  if (!names.length) return `there are no ${what} yet`;
  const shown = names
    .slice(0, 12)
    .map((n) => `"${n}"`)
    .join(', ');
  return `${what} are: ${shown}${names.length > 12 ? `, ... (${names.length} in all)` : ''}`;
}

/** Levenshtein distance. */
export function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

export const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
