// Thematic/extensions.json: what REFI-QDA cannot express, written next to project.qde in a
// .qdpx so that a Thematic -> Thematic round trip is exact. Other programs ignore the entry.
// Everything is keyed by GUIDs that also appear in project.qde.

export const EXTENSIONS_PATH = 'Thematic/extensions.json';
export const EXTENSIONS_FORMAT = 'thematic-refi-extensions';

export interface ExtTurn {
  speaker: string | null;
  start: number;
  end: number;
  timeStart: number | null;
  timeEnd: number | null;
}

export interface ExtDocument {
  name: string;
  originalFilename: string;
  format: string;
  sha256: string;
  importedAt: string;
  /** sha256 of the stored text, to check the exported text was not edited elsewhere. */
  textSha256: string;
  /** Speaker labels inserted into the exported text: [offset in exported text, length]. */
  inserted: [number, number][];
  /** Turns in the stored text's offsets. */
  turns: ExtTurn[];
  participantGuid: string | null;
  /** speaker -> participant GUID */
  speakers: Record<string, string>;
}

export interface ExtCode {
  parentGuid: string | null;
  whenToUse: string;
  whenNotToUse: string;
  example: string;
  inVivo: boolean;
  color: string;
}

export interface ExtTheme {
  guid: string;
  parentGuid: string | null;
  kind: 'core' | 'group' | 'theme' | 'subtheme';
  name: string;
  definition: string;
  color: string | null;
  status: 'candidate' | 'active' | 'discarded';
  position: number;
  createdAt: string;
  /** Attached codes, in board order. */
  codeGuids: string[];
}

export interface ExtMemoTarget {
  targetType: 'project' | 'document' | 'code' | 'theme' | 'coding' | 'participant' | 'phase';
  targetGuid: string | null;
  targetId: number | null;
  author: string;
  title: string;
}

export interface Extensions {
  format: typeof EXTENSIONS_FORMAT;
  version: 1;
  documents: Record<string, ExtDocument>;
  codes: Record<string, ExtCode>;
  themes: ExtTheme[];
  themeLinks: { guid: string; fromGuid: string; toGuid: string; label: string; createdAt: string }[];
  themeEvents: {
    themeGuid: string | null;
    themeId: number;
    themeName: string;
    kind: string;
    rationale: string;
    details: string;
    actor: string;
    at: string;
  }[];
  mapPositions: Record<string, { x: number; y: number }>;
  mapVersions: { name: string; note: string; input: string; positions: string; actor: string; createdAt: string }[];
  memos: Record<string, ExtMemoTarget>;
  coders: { guid: string; name: string; isConsensus: boolean }[];
  participants: { guid: string; label: string }[];
  /** The reconciliation log, by GUIDs (see store-consensus.ts). */
  consensusDecisions?: {
    documentGuid: string;
    codeGuid: string;
    otherCodeGuid: string | null;
    extent: string | null;
    key: string;
    coderA: string;
    coderB: string;
    consensusCoder: string;
    kind: string;
    rationale: string;
    decidedBy: string;
    decidedAt: string;
    codingGuids: string[];
    supersededAt: string | null;
  }[];
  /** When each code, coder and participant was created, by GUID (REFI has no field for it). */
  createdAt?: Record<string, string>;
  /** Sets, links and graphs Thematic made from themes and the map (rebuilt, not kept, on import). */
  generated: string[];
  /** 'utf16': an export for NVivo, whose positions count UTF-16 units (absent: code points). */
  offsetUnit?: 'utf16';
}

const COLOUR = /^#[0-9a-fA-F]{6}$/;

/** Throws, naming the code or theme, when a colour is not #RRGGBB: colours reach the UI's styles. */
export function parseExtensions(bytes: Uint8Array | undefined): Extensions | undefined {
  if (!bytes) return undefined;
  let x: Extensions;
  try {
    x = JSON.parse(new TextDecoder().decode(bytes)) as Extensions;
  } catch {
    return undefined;
  }
  if (!x || x.format !== EXTENSIONS_FORMAT || x.version !== 1) return undefined;
  const bad = (what: string, colour: unknown) =>
    new Error(`${EXTENSIONS_PATH}: ${what} has the colour ${JSON.stringify(colour).slice(0, 60)}, which is not a colour like #1F77B4`);
  for (const [guid, c] of Object.entries(x.codes ?? {}))
    if (c?.color !== undefined && !COLOUR.test(String(c.color))) throw bad(`code ${guid}`, c.color);
  for (const t of x.themes ?? [])
    if (t?.color != null && !COLOUR.test(String(t.color))) throw bad(`theme "${String(t.name).slice(0, 80)}"`, t.color);
  return x;
}
