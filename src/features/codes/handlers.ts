import type { Handlers } from '../../api/handler-types.ts';
import {
  codeName,
  codingCount,
  createCode,
  deleteCode,
  descendants,
  findCodeByName,
  getCode,
  listCodes,
  mergeCode,
  moveCode,
  updateCode,
} from './queries.ts';
import { createCoding, getCoding, listCodings, checkSpan } from './codings.ts';
import { documentText } from '../documents/queries.ts';
import { ThematicError } from '../../core/errors.ts';

type Method =
  | 'codes.list'
  | 'codes.create'
  | 'codes.update'
  | 'codes.move'
  | 'codes.merge'
  | 'codes.delete'
  | 'codings.list'
  | 'codings.create'
  | 'codings.remove'
  | 'codings.resize'
  | 'codings.inVivo';

/** An in-vivo code is named with the participant's own words, tidied to fit a code list. */
export function inVivoName(selected: string): string {
  const words = selected
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^["'“‘]+|["'”’]+$/g, '');
  if (words.length <= 80) return words;
  const cut = words.slice(0, 80);
  return cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : 80) + '…';
}

export const codeHandlers: Handlers<Method> = {
  'codes.list': (_i, h) => listCodes(h.db),
  'codes.create': (i, h) =>
    getCode(
      h.db,
      h.op(`Create code "${i.name}"`, (tx) => createCode(tx, i)),
    ),
  'codes.update': (i, h) => {
    const c = getCode(h.db, i.id);
    const { id, ...patch } = i;
    h.op(patch.name && patch.name !== c.name ? `Rename code "${c.name}" to "${patch.name}"` : `Edit code "${c.name}"`, (tx) =>
      updateCode(tx, id, patch),
    );
    return getCode(h.db, id);
  },
  'codes.move': (i, h) => {
    const c = getCode(h.db, i.id);
    const to = i.parentId === null ? 'the top level' : `"${getCode(h.db, i.parentId).name}"`;
    h.op(`Move code "${c.name}" under ${to}`, (tx) => moveCode(tx, i.id, i.parentId));
    return getCode(h.db, i.id);
  },
  'codes.merge': (i, h) => {
    if (i.sourceId === i.targetId) throw new ThematicError('invalid_merge', 'cannot merge a code into itself');
    const src = getCode(h.db, i.sourceId),
      dst = getCode(h.db, i.targetId);
    if (descendants(h.db, i.sourceId).includes(i.targetId))
      throw new ThematicError('invalid_merge', `cannot merge "${src.name}" into its own sub-code`);
    const moved = h.op(`Merge code "${src.name}" into "${dst.name}"`, (tx) => mergeCode(tx, i.sourceId, i.targetId));
    return { code: getCode(h.db, i.targetId), movedCodings: moved };
  },
  'codes.delete': (i, h) => {
    const c = getCode(h.db, i.id);
    const ids = [i.id, ...descendants(h.db, i.id)];
    const codings = codingCount(h.db, ids);
    if (codings > 0 && !i.withCodings) {
      throw new ThematicError(
        'has_codings',
        `code "${c.name}" ${ids.length > 1 ? `and its ${ids.length - 1} sub-codes have` : 'has'} ${codings} codings; confirm to delete them too`,
      );
    }
    h.op(`Delete code "${c.name}"${codings ? ` with ${codings} codings` : ''}`, (tx) => deleteCode(tx, i.id));
    return { deletedCodes: ids.length, deletedCodings: codings };
  },

  'codings.list': (i, h) => listCodings(h.db, i),
  'codings.create': (i, h) => {
    const name = codeName(h.db, i.codeId);
    const id = h.op(`Code [${i.start}, ${i.end}) of document ${i.documentId} as "${name}" (${i.coder})`, (tx) => createCoding(tx, i));
    return getCoding(h.db, id);
  },
  'codings.remove': (i, h) => {
    const c = getCoding(h.db, i.id);
    h.op(`Remove a "${codeName(h.db, c.codeId)}" coding (${c.coder})`, (tx) => tx.delete('codings', [{ id: i.id }]));
    return { ok: true as const };
  },
  'codings.resize': (i, h) => {
    const c = getCoding(h.db, i.id);
    checkSpan(h.db, c.documentId, i.start, i.end);
    h.op(`Resize a coding to [${i.start}, ${i.end})`, (tx) => tx.update('codings', { id: i.id }, { start: i.start, end: i.end }));
    return getCoding(h.db, i.id);
  },
  'codings.inVivo': (i, h) => {
    checkSpan(h.db, i.documentId, i.start, i.end);
    const name = inVivoName(documentText(h.db, i.documentId).slice(i.start, i.end));
    if (!name) throw new ThematicError('invalid_span', 'the selection has no words to name a code with');
    const parentId = i.parentId ?? null;
    const { codeId, codingId } = h.op(`In-vivo code "${name}"`, (tx) => {
      const codeId = findCodeByName(tx.db, name, parentId)?.id ?? createCode(tx, { name, parentId, inVivo: true });
      return { codeId, codingId: createCoding(tx, { documentId: i.documentId, codeId, coder: i.coder, start: i.start, end: i.end }) };
    });
    return { code: getCode(h.db, codeId), coding: getCoding(h.db, codingId) };
  },
};
