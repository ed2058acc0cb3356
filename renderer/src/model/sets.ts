/** A copy of the set with v added if it was absent, removed if present (checkbox lists, collapsed rows). */
export function toggled<T>(set: Set<T>, v: T): Set<T> {
  const next = new Set(set);
  if (next.has(v)) next.delete(v);
  else next.add(v);
  return next;
}
