/** Per-researcher preferences kept in this browser/profile (not in the project: two coders share one file). */
const get = (k: string): string | null => {
  try {
    return localStorage.getItem(`thematic.${k}`);
  } catch {
    return null;
  }
};
const set = (k: string, v: string | null): void => {
  try {
    if (v === null) localStorage.removeItem(`thematic.${k}`);
    else localStorage.setItem(`thematic.${k}`, v);
  } catch {
    /* private mode */
  }
};

export const prefs = {
  coder: () => get('coder'),
  setCoder: (name: string) => set('coder', name),
  attributionFormat: () => get('attributionFormat') ?? '({participant}, {group})',
  setAttributionFormat: (f: string) => set('attributionFormat', f),
  recentCodes: (): number[] => {
    try {
      return JSON.parse(get('recentCodes') ?? '[]') as number[];
    } catch {
      return [];
    }
  },
  useCode(id: number): void {
    set('recentCodes', JSON.stringify([id, ...prefs.recentCodes().filter((x) => x !== id)].slice(0, 12)));
  },
  /** Blind double coding: a coder sees only their own codings, so the other coder's choices cannot sway theirs. */
  blind: () => get('blind') === 'on',
  setBlind: (on: boolean) => set('blind', on ? 'on' : null),
};
