// An independent REFI-QDA reader for the tests: it follows the standard literally, the way the
// strict readers that found no text in Thematic's old exports do (the R package requal, the
// Python atlas-qdpx). It shares no code with src/interop: fflate unzips, fast-xml-parser parses
// in its own configuration, and
//   - the project file is "project.qde" at the top of the archive, exactly (REFI-QDA 1.5, 8.1);
//   - plainTextPath="internal://X" is the entry "sources/X", exactly: letter case counts (8.3);
//   - positions count characters (Unicode code points) of that text, read as UTF-8.
// Anything else is an error, as it is for those readers.
import { unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';

export interface StrictSelection {
  guid: string;
  start: number;
  end: number;
  text: string;
  codes: string[];
  users: string[];
  codings: string[];
}
export interface StrictSource {
  guid: string;
  name: string;
  text: string;
  selections: StrictSelection[];
  values: Record<string, string>;
}
export interface StrictProject {
  origin: string;
  users: Map<string, string>;
  /** code guid -> "Parent/Child" path of names, in file order */
  codes: Map<string, { path: string; color?: string }>;
  variables: Map<string, { name: string; type: string }>;
  cases: { name: string; values: Record<string, string>; sources: string[] }[];
  sources: StrictSource[];
}

type Node = Record<string, unknown>;
const ARRAYS = new Set(['User', 'Code', 'Variable', 'Case', 'TextSource', 'PlainTextSelection', 'Coding', 'VariableValue', 'SourceRef']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => ARRAYS.has(name),
});
const list = (n: unknown, key: string): Node[] => ((n as Node | undefined)?.[key] as Node[] | undefined) ?? [];
const attr = (n: Node, key: string): string | undefined => n[`@${key}`] as string | undefined;
const numeric = (s: string) =>
  s.replace(/&#(x[0-9a-f]+|\d+);/gi, (_, n: string) =>
    String.fromCodePoint(n[0].toLowerCase() === 'x' ? parseInt(n.slice(1), 16) : Number(n)),
  );

export function strictRead(qdpx: Uint8Array): StrictProject {
  const zip = unzipSync(qdpx);
  if (!zip['project.qde']) throw new Error(`no project.qde in the archive (entries: ${Object.keys(zip).join(', ')})`);
  const root = parser.parse(new TextDecoder('utf-8', { fatal: true }).decode(zip['project.qde'])).Project as Node;
  const text = (path: string | undefined, inline: unknown): string => {
    if (path === undefined) return typeof inline === 'string' ? numeric(inline) : '';
    const m = /^internal:\/\/(.+)$/.exec(path);
    if (!m) throw new Error(`${path}: not an internal:// path`);
    const bytes = zip[`sources/${m[1]}`];
    if (!bytes) throw new Error(`KeyError 'sources/${m[1]}'`);
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  };
  const variables = new Map(
    list(root.Variables, 'Variable').map((v) => [attr(v, 'guid')!, { name: attr(v, 'name')!, type: attr(v, 'typeOfVariable')! }]),
  );
  const values = (n: Node) =>
    Object.fromEntries(
      list(n, 'VariableValue').map((vv) => {
        const ref = attr(vv.VariableRef as Node, 'targetGUID')!;
        const value = Object.entries(vv).find(([k]) => k.endsWith('Value'))![1];
        return [variables.get(ref)!.name, `${variables.get(ref)!.type}:${value as string}`];
      }),
    );
  const codes = new Map<string, { path: string; color?: string }>();
  const walk = (ns: Node[], prefix: string) => {
    for (const c of ns) {
      const path = `${prefix}${attr(c, 'name')}`;
      codes.set(attr(c, 'guid')!, { path, color: attr(c, 'color') });
      walk(list(c, 'Code'), `${path}/`);
    }
  };
  walk(list((root.CodeBook as Node | undefined)?.Codes, 'Code'), '');
  return {
    origin: attr(root, 'origin') ?? '',
    users: new Map(list(root.Users, 'User').map((u) => [attr(u, 'guid')!, attr(u, 'name')!])),
    codes,
    variables,
    cases: list(root.Cases, 'Case').map((c) => ({
      name: attr(c, 'name')!,
      values: values(c),
      sources: list(c, 'SourceRef').map((r) => attr(r, 'targetGUID')!),
    })),
    sources: list(root.Sources, 'TextSource').map((s) => {
      const t = text(attr(s, 'plainTextPath'), s.PlainTextContent);
      const chars = [...t];
      return {
        guid: attr(s, 'guid')!,
        name: attr(s, 'name')!,
        text: t,
        values: values(s),
        selections: list(s, 'PlainTextSelection').map((x) => {
          const start = Number(attr(x, 'startPosition')),
            end = Number(attr(x, 'endPosition'));
          const codings = list(x, 'Coding');
          return {
            guid: attr(x, 'guid')!,
            start,
            end,
            text: chars.slice(start, end).join(''),
            codes: codings.map((c) => attr(c.CodeRef as Node, 'targetGUID')!),
            users: codings.map((c) => attr(c, 'creatingUser') ?? ''),
            codings: codings.map((c) => attr(c, 'guid')!),
          };
        }),
      };
    }),
  };
}
