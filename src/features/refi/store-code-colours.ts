import type { Db } from '../../store/open.ts';
import type { Tx } from '../../store/operations.ts';
import { getMeta } from '../../store/rows.ts';

// Codes that came without a colour get one from the palette (Thematic draws every code in a
// colour); which ones, and the colour given, are kept so an export leaves them uncoloured as
// they came, until someone picks a colour for them.

const KEY = 'refi_uncoloured_codes';

/** Code GUID -> the palette colour it was given on import. */
export function uncolouredCodes(db: Db): Map<string, string> {
  try {
    return new Map(Object.entries(JSON.parse(getMeta(db, KEY) ?? '{}') as Record<string, string>));
  } catch {
    return new Map();
  }
}

export function keepUncoloured(tx: Tx, list: [guid: string, colour: string][]): void {
  const had = getMeta(tx.db, KEY);
  const value = JSON.stringify(Object.fromEntries([...uncolouredCodes(tx.db), ...list]));
  if (had === null) tx.insert('project_meta', { key: KEY, value });
  else tx.update('project_meta', { key: KEY }, { value });
}
