/**
 * Blind mode: while double coding, a coder sees only their own codings, so the other coder's
 * choices cannot sway theirs. Kept per browser profile, like the coder's name.
 */
const KEY = 'thematic.blind';

export function blindPref(): boolean {
  try { return localStorage.getItem(KEY) === 'on'; } catch { return false; }
}

export function setBlindPref(on: boolean): void {
  try { if (on) localStorage.setItem(KEY, 'on'); else localStorage.removeItem(KEY); } catch { /* private mode */ }
}
