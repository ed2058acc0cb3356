// Transcripts of audio and video sources (QDA-XML 1.0 TranscriptType): text with SyncPoints
// (a character position and a time in milliseconds) and TranscriptSelections that run from one
// sync point to another. Read into the model as text sources with sync points, so the import
// path for text (text lookup, offsets, codings, notes) applies to them unchanged.
import type { RefiTextSelection, RefiTranscript, RefiSyncPoint } from './model.ts';
import { childText, childrenNamed, type XmlElement } from '../../lib/xml.ts';
import { describe, integer, nonEmpty, noteRefs, readCoding, required, type Ctx } from './read-kit.ts';

export function readTranscripts(source: XmlElement, offsetUnit: 'utf16' | 'codepoint', ctx: Ctx): RefiTranscript[] {
  return childrenNamed(source, 'Transcript').map((el) => {
    const guid = required(el, 'guid', ctx);
    const syncPoints: RefiSyncPoint[] = childrenNamed(el, 'SyncPoint').map((p) => ({
      guid: required(p, 'guid', ctx),
      position: p.attrs.position === undefined ? undefined : integer(p, 'position', ctx),
      timeStamp: p.attrs.timeStamp === undefined ? undefined : integer(p, 'timeStamp', ctx),
    }));
    const byGuid = new Map(syncPoints.map((p) => [p.guid.toLowerCase(), p]));
    const unplaced: string[] = [];
    const selections: RefiTextSelection[] = [];
    for (const s of childrenNamed(el, 'TranscriptSelection')) {
      const sel = readTranscriptSelection(s, ctx);
      const from = sel.fromSyncPoint === undefined ? undefined : byGuid.get(sel.fromSyncPoint.toLowerCase());
      const to = sel.toSyncPoint === undefined ? undefined : byGuid.get(sel.toSyncPoint.toLowerCase());
      const missing = !sel.fromSyncPoint
        ? 'has no fromSyncPoint'
        : !sel.toSyncPoint
          ? 'has no toSyncPoint'
          : !from
            ? `names sync point ${sel.fromSyncPoint}, which is not in its transcript`
            : !to
              ? `names sync point ${sel.toSyncPoint}, which is not in its transcript`
              : from.position === undefined || to.position === undefined
                ? 'runs from or to a sync point without a position'
                : to.position < from.position
                  ? `ends (position ${to.position}) before it starts (position ${from.position})`
                  : undefined;
      if (missing) unplaced.push(`${describe(s)} ${missing}`);
      else selections.push({ ...sel, start: from!.position!, end: to!.position! });
    }
    const t: RefiTranscript = {
      kind: 'text',
      guid,
      name: el.attrs.name ?? '',
      description: nonEmpty(childText(el, 'Description')),
      creatingUser: el.attrs.creatingUser,
      creationDateTime: el.attrs.creationDateTime,
      plainTextContent: childText(el, 'PlainTextContent'),
      plainTextPath: nonEmpty(el.attrs.plainTextPath),
      richTextPath: nonEmpty(el.attrs.richTextPath),
      selections,
      noteGuids: noteRefs(el, guid, ctx),
      values: [],
      offsetUnit,
      syncPoints,
    };
    if (unplaced.length) t.unplaced = unplaced;
    return t;
  });
}

function readTranscriptSelection(el: XmlElement, ctx: Ctx): Omit<RefiTextSelection, 'start' | 'end'> {
  const guid = required(el, 'guid', ctx);
  return {
    guid,
    name: el.attrs.name,
    creatingUser: el.attrs.creatingUser,
    creationDateTime: el.attrs.creationDateTime,
    description: nonEmpty(childText(el, 'Description')),
    codings: childrenNamed(el, 'Coding').map((c) => readCoding(c, ctx)),
    noteGuids: noteRefs(el, guid, ctx),
    fromSyncPoint: nonEmpty(el.attrs.fromSyncPoint),
    toSyncPoint: nonEmpty(el.attrs.toSyncPoint),
  };
}
