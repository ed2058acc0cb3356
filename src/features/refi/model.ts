// The REFI-QDA exchange model (QDA-XML 1.0, Project-mrt2019.xsd / Codebook.xsd) as plain data.
// Readers turn .qde/.qdc/.qdpx into this; writers turn this into XML; the store layer maps it to
// and from a Thematic project. Offsets in a text selection are UTF-16 code units into the
// source's text exactly as the file gives it (CRLF counts as 2, BOM dropped), i.e. JS string
// indexes; except that the readers keep a code-point-counting file's offsets as written and mark
// the source offsetUnit: 'codepoint' (the text may only be known later): see RefiTextSource.

export interface RefiUser {
  guid: string;
  name: string;
  id?: string;
}

export interface RefiCode {
  guid: string;
  name: string;
  /** #RRGGBB (upper or lower case) when the file gives one. */
  color?: string;
  description?: string;
  /** false for grouping codes (Thematic writes themes this way). */
  isCodable: boolean;
  children: RefiCode[];
}

export type RefiVariableType = 'Text' | 'Boolean' | 'Integer' | 'Float' | 'Date' | 'DateTime';

export interface RefiVariable {
  guid: string;
  name: string;
  type: RefiVariableType;
  description?: string;
}

export interface RefiVariableValue {
  variableGuid: string;
  /** The value as text, whatever the variable's type. */
  value: string;
}

export interface RefiCase {
  guid: string;
  name: string;
  description?: string;
  values: RefiVariableValue[];
  /** SourceRef guids: the sources that belong to this case. */
  sourceGuids: string[];
  /** CodeRef guids. */
  codeGuids: string[];
}

export interface RefiCoding {
  guid: string;
  codeGuid: string;
  creatingUser?: string;
  creationDateTime?: string;
}

export interface RefiTextSelection {
  guid: string;
  name?: string;
  start: number;
  end: number;
  creatingUser?: string;
  creationDateTime?: string;
  description?: string;
  codings: RefiCoding[];
  noteGuids: string[];
  /** A TranscriptSelection's ends (start/end are then those sync points' positions). */
  fromSyncPoint?: string;
  toSyncPoint?: string;
}

export interface RefiTextSource {
  kind: 'text';
  guid: string;
  name: string;
  description?: string;
  creatingUser?: string;
  creationDateTime?: string;
  /** Inline PlainTextContent, if the file has it. */
  plainTextContent?: string;
  /** plainTextPath attribute, e.g. "internal://<guid>.txt" or a relative/absolute path. */
  plainTextPath?: string;
  /** richTextPath attribute (a .docx), used when there is no plain text. */
  richTextPath?: string;
  selections: RefiTextSelection[];
  noteGuids: string[];
  values: RefiVariableValue[];
  /**
   * Added by the readers: what the selections' start/end count. Absent or 'utf16' = UTF-16 code
   * units (JS string indexes, as everywhere else in this model). 'codepoint' = Unicode code points
   * as the file gave them (every origin but NVivo); convert with selectionsInUtf16 in
   * source-text.ts once the text is known (for a .qdpx it may only be in Sources/).
   */
  offsetUnit?: 'utf16' | 'codepoint';
  /** Added by the readers: Coding elements directly on the source (whole-document coding). */
  codings?: RefiCoding[];
  /** Set on the text source an import makes of a Transcript: the recording it transcribes. */
  media?: RefiTranscriptMedia;
}

/** A SyncPoint: `position` counts like selection offsets; `timeStamp` is in milliseconds. */
export interface RefiSyncPoint {
  guid: string;
  position?: number;
  timeStamp?: number;
}

/** A Transcript of an audio or video source: a text source with sync points (see media-*.ts). */
export interface RefiTranscript extends RefiTextSource {
  syncPoints: RefiSyncPoint[];
  /** Added by the readers: TranscriptSelections left out, each with why (no such sync point, ...). */
  unplaced?: string[];
}

/** The recording a transcript belongs to, as the REFI-QDA file names it. */
export interface RefiTranscriptMedia {
  kind: 'audio' | 'video';
  sourceGuid: string;
  sourceName: string;
  /** The source's path attribute as written (internal://..., relative://..., absolute://...). */
  path?: string;
  /** The archive entry that holds the recording, when it is inside the .qdpx. */
  archiveEntry?: string;
  /** The recording's bytes, read from the archive (import only; never stored in the project). */
  bytes?: Uint8Array;
  syncPoints: RefiSyncPoint[];
  unplaced: string[];
}

/** A source Thematic cannot hold; kept only for the import report and counts. */
export interface RefiOtherSource {
  kind: 'pdf' | 'picture' | 'audio' | 'video';
  guid: string;
  name: string;
  path?: string;
  selectionCount: number;
  codingCount: number;
  /** Plain-text representation some tools add to PDF sources (e.g. representation/PlainTextContent). */
  hasTextRepresentation: boolean;
  /** Audio and video: their Transcripts (selectionCount and codingCount do not include theirs). */
  transcripts?: RefiTranscript[];
  /** Export: the recording to put in the .qdpx, as archive entry <- file on disk (see media-export.ts). */
  mediaFile?: { entry: string; file: string };
}

export type RefiSource = RefiTextSource | RefiOtherSource;

export interface RefiNote {
  guid: string;
  name?: string;
  /** Inline PlainTextContent; '' when the text is only in plainTextPath. */
  text: string;
  /** Added by the readers: plainTextPath (e.g. internal://<guid>.txt) when the note has no inline text. */
  plainTextPath?: string;
  creatingUser?: string;
  creationDateTime?: string;
  modifiedDateTime?: string;
}

/** Where a note hangs: the guid of the element whose NoteRef points to it. */
export interface RefiNoteRef {
  noteGuid: string;
  targetGuid: string;
}

export interface RefiSet {
  guid: string;
  name: string;
  description?: string;
  memberCodes: string[];
  memberSources: string[];
  memberNotes: string[];
}

export interface RefiLink {
  guid: string;
  name?: string;
  direction?: 'Associative' | 'OneWay' | 'Bidirectional';
  color?: string;
  originGuid: string;
  targetGuid: string;
}

export interface RefiVertex {
  guid: string;
  representedGuid?: string;
  name?: string;
  firstX: number;
  firstY: number;
  secondX?: number;
  secondY?: number;
  shape?: string;
  color?: string;
}

export interface RefiEdge {
  guid: string;
  representedGuid?: string;
  name?: string;
  sourceVertex: string;
  targetVertex: string;
  color?: string;
  direction?: 'Associative' | 'OneWay' | 'Bidirectional';
  lineStyle?: string;
}

export interface RefiGraph {
  guid: string;
  name?: string;
  vertices: RefiVertex[];
  edges: RefiEdge[];
}

export interface RefiProject {
  name: string;
  origin?: string;
  creatingUserGuid?: string;
  creationDateTime?: string;
  description?: string;
  users: RefiUser[];
  /** Top-level codes; children nest. */
  codes: RefiCode[];
  variables: RefiVariable[];
  cases: RefiCase[];
  sources: RefiSource[];
  notes: RefiNote[];
  /** NoteRefs on the project, sources, selections, codes, cases: note -> target. */
  noteRefs: RefiNoteRef[];
  sets: RefiSet[];
  links: RefiLink[];
  graphs: RefiGraph[];
}

/** A codebook (.qdc): codes and sets only. */
export interface RefiCodebook {
  origin?: string;
  codes: RefiCode[];
  sets: RefiSet[];
}

/** A source's text as read from the archive, or which file was missing. */
export type ResolvedText = { text: string; from: string } | { missing: string };
