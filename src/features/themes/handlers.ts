import type { Handlers, HandlerContext } from '../../api/handler-types.ts';
import type { Tx } from '../../store/operations.ts';
import { ThematicError } from '../../core/errors.ts';
import {
  attachCode,
  attachedCodes,
  childThemeIds,
  createTheme,
  hasThemeEvents,
  moveThemeMemos,
  getTheme,
  listEvents,
  listLinks,
  moveTheme,
  recordEvent,
  themeDescendants,
  type ThemeRow,
  codeName,
} from './queries.ts';
import { themeView, themeViews, unattachedCodeIds } from './view.ts';
import { strongestQuotes } from './quotes.ts';
import { nowIso } from '../../store/rows.ts';

type Method =
  | 'themes.list'
  | 'themes.create'
  | 'themes.update'
  | 'themes.move'
  | 'themes.delete'
  | 'themes.attachCode'
  | 'themes.detachCode'
  | 'themes.promote'
  | 'themes.discard'
  | 'themes.merge'
  | 'themes.split'
  | 'themes.history'
  | 'themes.quotes'
  | 'themes.addLink'
  | 'themes.removeLink'
  | 'themes.updateLink';

const label = (t: ThemeRow) => `${t.kind === 'core' ? 'core concept' : t.kind} "${t.name}"`;

function codeHolder(db: HandlerContext['db'], id: number): ThemeRow {
  const t = getTheme(db, id);
  if (t.kind === 'core')
    throw new ThematicError('invalid_input', `codes support themes, not the core concept "${t.name}"; attach them to a theme`);
  return t;
}

function setStatus(h: HandlerContext, id: number, status: 'active' | 'discarded', why = '') {
  const t = getTheme(h.db, id);
  if (t.status === status) throw new ThematicError('invalid_status', `${label(t)} is already ${status}`);
  const kind = status === 'active' ? 'promoted' : 'discarded';
  h.op(`${status === 'active' ? 'Promote' : 'Discard'} ${label(t)}`, (tx) => {
    tx.update('themes', { id }, { status });
    recordEvent(tx, h.actor, t, kind, why, { from: t.status, to: status });
  });
  return themeView(h.db, id);
}

function detach(tx: Tx, themeId: number, codeId: number) {
  tx.delete('theme_codes', [{ theme_id: themeId, code_id: codeId }]);
}

export const themesHandlers: Handlers<Method> = {
  'themes.list': (i, h) => ({ themes: themeViews(h.db, i), links: listLinks(h.db), unattachedCodeIds: unattachedCodeIds(h.db) }),
  'themes.create': (i, h) => {
    for (const c of i.codeIds ?? []) codeName(h.db, c); // each must exist
    const id = h.op(`Create ${i.kind === 'core' ? 'core concept' : i.kind} "${i.name}"`, (tx) => {
      const id = createTheme(tx, {
        kind: i.kind,
        parentId: i.parentId,
        name: i.name,
        definition: i.definition,
        color: i.color,
        status: i.status,
      });
      if (i.codeIds?.length && i.kind === 'core') codeHolder(tx.db, id);
      for (const c of i.codeIds ?? []) attachCode(tx, id, c);
      recordEvent(tx, h.actor, { id, name: i.name }, 'created', i.why, { kind: i.kind, status: i.status });
      return id;
    });
    return themeView(h.db, id);
  },
  'themes.update': (i, h) => {
    const t = getTheme(h.db, i.id);
    const set: Record<string, unknown> = {};
    if (i.name !== undefined && i.name !== t.name) set.name = i.name;
    if (i.definition !== undefined && i.definition !== t.definition) set.definition = i.definition;
    if (i.color !== undefined && i.color !== t.color) set.color = i.color;
    h.op(set.name ? `Rename ${label(t)} to "${i.name}"` : `Edit ${label(t)}`, (tx) => {
      tx.update('themes', { id: i.id }, set);
      if (set.name) recordEvent(tx, h.actor, { id: t.id, name: i.name! }, 'renamed', i.why, { from: t.name, to: i.name });
    });
    return themeView(h.db, i.id);
  },
  'themes.move': (i, h) => {
    const t = getTheme(h.db, i.id);
    const to = i.parentId === null ? null : getTheme(h.db, i.parentId);
    h.op(`Move ${label(t)} ${to ? `under "${to.name}"` : 'to the top level'}`, (tx) => {
      moveTheme(tx, i.id, i.parentId, i.position);
      if (t.parent_id !== i.parentId) {
        const from = t.parent_id === null ? null : getTheme(tx.db, t.parent_id).name;
        recordEvent(tx, h.actor, t, 'moved', i.why, { from, to: to?.name ?? null });
      }
    });
    return themeView(h.db, i.id);
  },
  'themes.delete': (i, h) => {
    const t = getTheme(h.db, i.id);
    const n = themeDescendants(h.db, i.id).length + 1;
    h.op(`Delete ${label(t)}${n > 1 ? ` and ${n - 1} themes under it` : ''}`, (tx) => {
      recordEvent(tx, h.actor, t, 'deleted', i.why, { kind: t.kind, codes: attachedCodes(tx.db, t.id).map((c) => codeName(tx.db, c)) });
      tx.delete('themes', [{ id: i.id }]);
    });
    return { deletedThemes: n };
  },
  'themes.attachCode': (i, h) => {
    const t = codeHolder(h.db, i.themeId),
      c = codeName(h.db, i.codeId);
    h.op(`Attach code "${c}" to ${label(t)}`, (tx) => attachCode(tx, i.themeId, i.codeId));
    return themeView(h.db, i.themeId);
  },
  'themes.detachCode': (i, h) => {
    const t = getTheme(h.db, i.themeId),
      c = codeName(h.db, i.codeId);
    if (!attachedCodes(h.db, i.themeId).includes(i.codeId))
      throw new ThematicError('not_found', `code "${c}" is not attached to ${label(t)}`);
    h.op(`Detach code "${c}" from ${label(t)}`, (tx) => detach(tx, i.themeId, i.codeId));
    return themeView(h.db, i.themeId);
  },
  'themes.promote': (i, h) => setStatus(h, i.id, 'active', i.why),
  'themes.discard': (i, h) => setStatus(h, i.id, 'discarded', i.why),
  'themes.merge': (i, h) => {
    if (i.sourceId === i.targetId) throw new ThematicError('invalid_merge', 'cannot merge a theme into itself');
    const src = getTheme(h.db, i.sourceId),
      dst = getTheme(h.db, i.targetId);
    if (themeDescendants(h.db, i.sourceId).includes(i.targetId))
      throw new ThematicError('invalid_merge', `cannot merge ${label(src)} into its own sub-theme`);
    if (src.kind === 'core' || dst.kind === 'core')
      throw new ThematicError('invalid_merge', 'core concepts are not merged; move their groups instead');
    h.op(`Merge ${label(src)} into ${label(dst)}`, (tx) => {
      const codes = attachedCodes(tx.db, src.id);
      for (const c of codes) attachCode(tx, dst.id, c);
      for (const k of childThemeIds(tx.db, src.id)) moveTheme(tx, k, dst.id);
      const links = listLinks(tx.db);
      for (const l of links.filter((l) => l.fromId === src.id || l.toId === src.id)) {
        const from = l.fromId === src.id ? dst.id : l.fromId,
          to = l.toId === src.id ? dst.id : l.toId;
        const dup = links.some((o) => o.id !== l.id && o.fromId === from && o.toId === to);
        if (from === to || dup) tx.delete('theme_links', [{ id: l.id }]);
        else tx.update('theme_links', { id: l.id }, { from_theme_id: from, to_theme_id: to });
      }
      moveThemeMemos(tx, src.id, dst.id);
      const details = { source: src.name, sourceId: src.id, target: dst.name, targetId: dst.id, codes: codes.length };
      recordEvent(tx, h.actor, src, 'merged', i.why, details);
      recordEvent(tx, h.actor, dst, 'merged', i.why, details);
      tx.delete('themes', [{ id: src.id }]);
    });
    return themeView(h.db, dst.id);
  },
  'themes.split': (i, h) => {
    const t = codeHolder(h.db, i.id);
    if (t.kind !== 'theme' && t.kind !== 'subtheme')
      throw new ThematicError('invalid_input', `only themes and sub-themes are split; ${label(t)} is not one`);
    const own = attachedCodes(h.db, t.id);
    for (const part of i.into)
      for (const c of part.codeIds) {
        if (!own.includes(c))
          throw new ThematicError(
            'invalid_input',
            `code "${codeName(h.db, c)}" is not attached to ${label(t)}, so it cannot move to "${part.name}"`,
          );
      }
    const ids = h.op(`Split ${label(t)} into ${i.into.map((p) => `"${p.name}"`).join(', ')}`, (tx) => {
      const ids = i.into.map((part) => {
        const id = createTheme(tx, {
          kind: t.kind,
          parentId: t.parent_id,
          name: part.name,
          definition: part.definition,
          color: t.color,
          status: t.status,
        });
        moveTheme(tx, id, t.parent_id, getTheme(tx.db, t.id).position + 1);
        for (const c of part.codeIds) {
          detach(tx, t.id, c);
          attachCode(tx, id, c);
        }
        recordEvent(tx, h.actor, { id, name: part.name }, 'created', i.why, { splitFrom: t.name, splitFromId: t.id });
        return id;
      });
      recordEvent(tx, h.actor, t, 'split', i.why, { into: i.into.map((p) => p.name), intoIds: ids });
      return ids;
    });
    // One view of the tree serves the original and every new part.
    const views = new Map(themeViews(h.db, { groupBy: 'group' }).map((v) => [v.id, v]));
    return { original: views.get(t.id)!, created: ids.map((id) => views.get(id)!) };
  },
  'themes.history': (i, h) => {
    if (i.id !== undefined && !hasThemeEvents(h.db, i.id)) getTheme(h.db, i.id);
    return listEvents(h.db, i.id);
  },
  'themes.quotes': (i, h) => strongestQuotes(h.db, getTheme(h.db, i.id), i),
  'themes.addLink': (i, h) => {
    const a = getTheme(h.db, i.fromId),
      b = getTheme(h.db, i.toId);
    if (a.id === b.id) throw new ThematicError('invalid_input', 'a link joins two different themes');
    const id = h.op(`Link ${label(a)} to ${label(b)}${i.label ? ` ("${i.label}")` : ''}`, (tx) =>
      tx.insert('theme_links', { from_theme_id: a.id, to_theme_id: b.id, label: i.label, created_at: nowIso() }),
    );
    return { id, fromId: a.id, toId: b.id, label: i.label };
  },
  'themes.removeLink': (i, h) => {
    const l = listLinks(h.db).find((x) => x.id === i.id);
    if (!l) throw new ThematicError('not_found', `link ${i.id} does not exist`);
    h.op(`Remove the link between "${getTheme(h.db, l.fromId).name}" and "${getTheme(h.db, l.toId).name}"`, (tx) =>
      tx.delete('theme_links', [{ id: i.id }]),
    );
    return { ok: true as const };
  },
  'themes.updateLink': (i, h) => {
    const l = listLinks(h.db).find((x) => x.id === i.id);
    if (!l) throw new ThematicError('not_found', `link ${i.id} does not exist`);
    const a = getTheme(h.db, l.fromId),
      b = getTheme(h.db, l.toId);
    h.op(`Relabel the link between "${a.name}" and "${b.name}" ${i.label ? `as "${i.label}"` : '(no label)'}`, (tx) =>
      tx.update('theme_links', { id: i.id }, { label: i.label }),
    );
    return { ...l, label: i.label };
  },
};
