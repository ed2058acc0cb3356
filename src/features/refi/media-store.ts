// Where a document's REFI-QDA recording reference lives (table refi_media, migration 0006): the
// audio or video source its transcript came from, as the file named it. One function reads it
// per document, for the export and for linking the recording to the document later.
import type { Db } from '../../store/open.ts';
import { stmt } from '../../store/changes.ts';

export interface MediaSyncPoint {
  guid: string;
  /** UTF-16 offset into the document's stored text; null when the file gave none. */
  position: number | null;
  /** Seconds; null when the file gave none. */
  time: number | null;
}

export interface MediaReference {
  documentId: number;
  kind: 'audio' | 'video';
  /** The AudioSource/VideoSource GUID and name in the file it came from. */
  sourceGuid: string;
  sourceName: string;
  /** The source's path as written: internal://<file> (inside the .qdpx), relative://..., absolute://... */
  path: string | null;
  /** True when the recording itself was inside the imported .qdpx (archiveEntry names it). */
  inArchive: boolean;
  archiveEntry: string | null;
  /** Where Thematic keeps a copy of the recording, relative to the project's folder; null when it has none. */
  file: string | null;
  /** The file's sync points, as imported. */
  syncPoints: MediaSyncPoint[];
}

interface Row {
  document_id: number;
  kind: 'audio' | 'video';
  source_guid: string;
  source_name: string;
  path: string | null;
  archive_entry: string | null;
  file: string | null;
  sync_points: string;
}

const toReference = (r: Row): MediaReference => ({
  documentId: r.document_id,
  kind: r.kind,
  sourceGuid: r.source_guid,
  sourceName: r.source_name,
  path: r.path,
  inArchive: r.archive_entry !== null,
  archiveEntry: r.archive_entry,
  file: r.file,
  syncPoints: JSON.parse(r.sync_points) as MediaSyncPoint[],
});

/** The recording reference of one document, or undefined when it did not come from a REFI-QDA transcript. */
export function mediaReferenceOf(db: Db, documentId: number): MediaReference | undefined {
  const r = stmt(db, 'SELECT * FROM refi_media WHERE document_id = ?').get(documentId) as Row | undefined;
  return r && toReference(r);
}

/** Every document's recording reference, by document id. */
export function mediaReferences(db: Db): Map<number, MediaReference> {
  return new Map((stmt(db, 'SELECT * FROM refi_media ORDER BY document_id').all() as Row[]).map((r) => [r.document_id, toReference(r)]));
}
