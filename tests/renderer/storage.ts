/** A localStorage for tests: a Map behind the Storage methods the renderer uses; `broken` throws like a private window. */
export function fakeStorage(initial: Record<string, string> = {}, broken = false) {
  const m = new Map(Object.entries(initial));
  const check = () => {
    if (broken) throw new DOMException('denied', 'SecurityError');
  };
  return {
    map: m,
    getItem: (k: string) => {
      check();
      return m.get(k) ?? null;
    },
    setItem: (k: string, v: string) => {
      check();
      m.set(k, String(v));
    },
    removeItem: (k: string) => {
      check();
      m.delete(k);
    },
  };
}
