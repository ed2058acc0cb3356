import type { Db } from '../../store/open.ts';
import { stmt } from '../../store/changes.ts';
import type { Tx } from '../../store/operations.ts';
import { getMeta } from '../../store/rows.ts';
import { stableGuid } from '../../core/map/refi-graph.ts';

// REFI-QDA GUIDs for rows without a guid column. A GUID kept from an import (refi_guids) wins;
// otherwise it is derived from the project's salt and the row id, so exporting stays read-only
// and the same project always exports the same GUIDs. Rows go with their owner (and come back
// with it on undo).
export type GuidEntity = 'document' | 'participant' | 'coder' | 'theme_link' | 'selection';

/** Every kept GUID of one kind, by row id. */
export function keptGuids(db: Db, entity: GuidEntity): Map<number, string> {
  const rows = stmt(db, 'SELECT entity_id, guid FROM refi_guids WHERE entity = ?').all(entity) as { entity_id: number; guid: string }[];
  return new Map(rows.map((r) => [r.entity_id, r.guid]));
}

export function guidSalt(db: Db): string {
  return getMeta(db, 'refi_guid_salt') ?? 'thematic';
}

/** A GUID getter for one kind: kept ones first, else derived from salt + id (memoised: hot in exports). */
export function guidsFor(db: Db, entity: GuidEntity, extraSeed?: (id: number) => string): (id: number) => string {
  const kept = keptGuids(db, entity);
  const salt = guidSalt(db);
  return (id) => {
    let g = kept.get(id);
    if (g === undefined) kept.set(id, (g = stableGuid(`${salt}:${entity}:${id}${extraSeed ? `:${extraSeed(id)}` : ''}`)));
    return g;
  };
}

const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FLIP: Record<string, string> = {};
'0123456789abcdef'.split('').forEach((c, k) => {
  FLIP[c] = FLIP[c.toUpperCase()] = ((k + 8) % 16).toString(16);
});

/**
 * The PlainTextSelection GUID of a Thematic coding (one selection per coding): the coding's GUID
 * with every hex digit but the version and variant ones shifted by 8. Stable, unique per coding,
 * and cheap for 100,000 codings; a non-GUID id falls back to a hash.
 */
export function selectionGuid(codingGuid: string): string {
  if (!GUID_RE.test(codingGuid)) return stableGuid(`selection:${codingGuid}`);
  let out = '';
  for (let i = 0; i < codingGuid.length; i++) {
    const c = codingGuid[i];
    out += c === '-' || i === 14 || i === 19 ? c.toLowerCase() : FLIP[c];
  }
  return out;
}

/** Which row a GUID names, if any (kept GUIDs only). */
export function findByGuid(db: Db, guid: string): { entity: GuidEntity; id: number } | undefined {
  const r = stmt(db, 'SELECT entity, entity_id FROM refi_guids WHERE guid = ?').get(guid) as
    { entity: GuidEntity; entity_id: number } | undefined;
  return r && { entity: r.entity, id: r.entity_id };
}

/** Keeps an imported GUID for a row, unless some row already uses it (GUIDs are unique). */
export function keepGuid(tx: Tx, entity: GuidEntity, id: number, guid: string | undefined): void {
  if (!guid) return;
  if (stmt(tx.db, 'SELECT 1 FROM refi_guids WHERE guid = ? OR (entity = ? AND entity_id = ?)').get(guid, entity, id)) return;
  tx.insert('refi_guids', { entity, entity_id: id, guid });
}
