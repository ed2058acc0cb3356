import type { Handlers } from '../../api/handler-types.ts';
import {
  createParticipant,
  findParticipantByLabel,
  getParticipant,
  linkSpeakersByLabel,
  listParticipants,
  setAttributes,
} from './queries.ts';
import { ThematicError } from '../../core/errors.ts';
import { parseCsv } from '../../lib/csv.ts';
import { coderExists, coderId, listCoders } from './coders.ts';

type Method =
  | 'participants.list'
  | 'participants.create'
  | 'participants.update'
  | 'participants.delete'
  | 'participants.importCsv'
  | 'coders.list'
  | 'coders.create';

const ID_HEADERS = ['participant', 'id', 'participant_id', 'case', 'name'];

export const participantHandlers: Handlers<Method> = {
  'participants.list': (_i, h) => listParticipants(h.db),
  'participants.create': (i, h) => {
    const id = h.op(`Add participant ${i.label}`, (tx) => createParticipant(tx, i.label, i.attributes ?? {}));
    return getParticipant(h.db, id);
  },
  'participants.update': (i, h) => {
    const p = getParticipant(h.db, i.id);
    h.op(`Edit participant ${p.label}`, (tx) => {
      if (i.label !== undefined && i.label !== p.label) {
        const clash = findParticipantByLabel(tx.db, i.label);
        if (clash && clash.id !== i.id) throw new ThematicError('exists', `participant ${i.label} already exists`);
        tx.update('participants', { id: i.id }, { label: i.label });
      }
      if (i.attributes) setAttributes(tx, i.id, i.attributes);
    });
    return getParticipant(h.db, i.id);
  },
  'participants.delete': (i, h) => {
    const p = getParticipant(h.db, i.id);
    h.op(`Delete participant ${p.label}`, (tx) => tx.delete('participants', [{ id: i.id }]));
    return { ok: true as const };
  },
  'participants.importCsv': (i, h) => {
    let rows: string[][];
    try {
      rows = parseCsv(i.csv);
    } catch (e) {
      throw new ThematicError('invalid_csv', `participants CSV: ${(e as Error).message}`);
    }
    if (rows.length < 1) throw new ThematicError('invalid_csv', 'participants CSV is empty');
    const header = rows[0].map((c) => c.trim());
    const idCol = header.findIndex((c) => ID_HEADERS.includes(c.toLowerCase()));
    if (idCol < 0)
      throw new ThematicError(
        'invalid_csv',
        `participants CSV needs a column named one of: ${ID_HEADERS.join(', ')} (found: ${header.join(', ')})`,
      );
    const dupes = header.filter((c, k) => header.indexOf(c) !== k);
    if (dupes.length) throw new ThematicError('invalid_csv', `participants CSV has duplicate columns: ${dupes.join(', ')}`);
    return h.op<{ created: number; updated: number; linkedSpeakers: number }>(
      (r) => `Import participants from CSV (${r.created} new, ${r.updated} updated)`,
      (tx) => {
        let created = 0,
          updated = 0;
        rows.slice(1).forEach((row, n) => {
          const label = (row[idCol] ?? '').trim();
          if (!label) throw new ThematicError('invalid_csv', `participants CSV line ${n + 2}: no participant id`);
          const attrs: Record<string, string> = {};
          header.forEach((col, k) => {
            if (k !== idCol && col) attrs[col] = (row[k] ?? '').trim();
          });
          const found = findParticipantByLabel(tx.db, label);
          if (found) {
            setAttributes(tx, found.id, attrs);
            updated++;
          } else {
            createParticipant(tx, label, attrs);
            created++;
          }
        });
        return { created, updated, linkedSpeakers: linkSpeakersByLabel(tx) };
      },
    );
  },
  'coders.list': (_i, h) => listCoders(h.db),
  'coders.create': (i, h) => {
    if (coderExists(h.db, i.name)) throw new ThematicError('exists', `coder ${i.name} already exists`);
    h.op(`Add coder ${i.name}`, (tx) => coderId(tx, i.name));
    return listCoders(h.db).find((c) => c.name === i.name)!;
  },
};
