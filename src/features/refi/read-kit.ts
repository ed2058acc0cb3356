// What every REFI-QDA reader shares (read-qde.ts, media-read.ts): the context for messages and
// NoteRefs, and the attribute readers that name the element when a value is missing or wrong.
import type { RefiCoding, RefiNoteRef } from './model.ts';
import { childrenNamed, firstChild, importFailed, type XmlElement } from '../../lib/xml.ts';

/** What every reader function needs: the label for messages, and where NoteRefs are collected. */
export interface Ctx {
  label: string;
  noteRefs: RefiNoteRef[];
}

export const describe = (el: XmlElement) => {
  const id = el.attrs.guid ?? el.attrs.name;
  return id === undefined ? `<${el.name}>` : `<${el.name} ${el.attrs.guid !== undefined ? 'guid' : 'name'}="${id}">`;
};

export function required(el: XmlElement, attr: string, ctx: Ctx): string {
  const value = el.attrs[attr];
  if (value === undefined || value.trim() === '')
    throw importFailed(`${ctx.label}: ${describe(el)} has no ${attr} attribute, which REFI-QDA requires`);
  return value;
}

export function integer(el: XmlElement, attr: string, ctx: Ctx): number {
  const raw = required(el, attr, ctx);
  if (!/^\s*\+?\d+\s*$/.test(raw) || !Number.isSafeInteger(Number(raw))) {
    throw importFailed(`${ctx.label}: ${describe(el)}: ${attr}="${raw}" is not a whole number of 0 or more`);
  }
  return Number(raw);
}

export const nonEmpty = (s: string | undefined) => (s === undefined || s === '' ? undefined : s);

/** The NoteRefs directly inside `el`, recorded as notes on `targetGuid`. */
export function noteRefs(el: XmlElement, targetGuid: string, ctx: Ctx): string[] {
  const guids = childrenNamed(el, 'NoteRef').map((ref) => required(ref, 'targetGUID', ctx));
  for (const noteGuid of guids) ctx.noteRefs.push({ noteGuid, targetGuid });
  return guids;
}

export function readCoding(el: XmlElement, ctx: Ctx): RefiCoding {
  const guid = required(el, 'guid', ctx);
  const ref = firstChild(el, 'CodeRef');
  if (!ref) throw importFailed(`${ctx.label}: ${describe(el)} has no <CodeRef>, so it codes nothing`);
  noteRefs(el, guid, ctx);
  return {
    guid,
    codeGuid: required(ref, 'targetGUID', ctx),
    creatingUser: el.attrs.creatingUser,
    creationDateTime: el.attrs.creationDateTime,
  };
}
