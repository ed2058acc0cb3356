import { REPLACEMENT_KINDS, type Replacement, type ReplacementKind } from './types.ts';
import { compileRule, KeyError } from './rules.ts';
import { ThematicError } from '../errors.ts';

// The key as a CSV file: header `find,replace,kind` and optionally `match` (word|anywhere) and
// `case` (sensitive|insensitive). Errors name the line of the file, so a researcher can fix it.

interface Record {
  line: number;
  cells: string[];
}

/** RFC 4180 records, each with the line it starts on (a quoted cell may span lines). */
function records(text: string): Record[] {
  const s = text.replace(/^\uFEFF/, '');
  const out: Record[] = [];
  let cells: string[] = [],
    cell = '',
    quoted = false,
    line = 1,
    startLine = 1,
    wasQuoted = false;
  const endRecord = () => {
    cells.push(cell);
    if (cells.some((c) => c.trim() !== '') || wasQuoted) out.push({ line: startLine, cells });
    cells = [];
    cell = '';
    wasQuoted = false;
  };
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      wasQuoted = true;
      cell = '';
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      endRecord();
      line++;
      startLine = line;
    } else cell += ch;
  }
  if (quoted) throw new KeyError(`line ${startLine}: a quoted cell is never closed (a " is missing)`);
  if (cell !== '' || cells.length) endRecord();
  return out;
}

const COLUMNS = ['find', 'replace', 'kind', 'match', 'case'] as const;

/** Parses and checks a key CSV; every problem is a KeyError naming its line. */
export function parseKeyCsv(text: string): Replacement[] {
  const rows = records(text);
  if (!rows.length) throw new KeyError('line 1: the key is empty; it needs a header row: find,replace,kind');
  const header = rows[0].cells.map((c) => c.trim().toLowerCase());
  const col = new Map<string, number>();
  header.forEach((h, i) => {
    if (!(COLUMNS as readonly string[]).includes(h))
      throw new KeyError(`line ${rows[0].line}: unknown column "${h}"; the columns are ${COLUMNS.join(', ')}`);
    if (col.has(h)) throw new KeyError(`line ${rows[0].line}: column "${h}" appears twice`);
    col.set(h, i);
  });
  for (const need of ['find', 'replace']) {
    if (!col.has(need)) throw new KeyError(`line ${rows[0].line}: the header has no "${need}" column (expected find,replace,kind)`);
  }
  const seen = new Map<string, number>();
  return rows.slice(1).map(({ line, cells }) => {
    const get = (name: string) => (col.has(name) ? (cells[col.get(name)!] ?? '') : '');
    if (cells.length > header.length)
      throw new KeyError(`line ${line}: ${cells.length} cells but the header has ${header.length} (quote a cell that contains a comma)`);
    const kind = (get('kind').trim().toLowerCase() || 'name') as ReplacementKind;
    if (!REPLACEMENT_KINDS.includes(kind))
      throw new KeyError(`line ${line}: kind "${get('kind')}" is not one of ${REPLACEMENT_KINDS.join(', ')}`);
    // A pattern is kept exactly as written; other finds lose surrounding spaces.
    const find = kind === 'pattern' ? get('find') : get('find').trim();
    const r: Replacement = { find, replace: get('replace').trim(), kind };
    const match = get('match').trim().toLowerCase();
    if (match) {
      if (match !== 'word' && match !== 'anywhere') throw new KeyError(`line ${line}: match "${get('match')}" must be word or anywhere`);
      r.match = match;
    }
    const kase = get('case').trim().toLowerCase();
    if (kase) {
      if (kase !== 'sensitive' && kase !== 'insensitive')
        throw new KeyError(`line ${line}: case "${get('case')}" must be sensitive or insensitive`);
      r.case = kase;
    }
    try {
      compileRule(r, 0);
    } catch (e) {
      if (e instanceof KeyError) throw new KeyError(`line ${line}: ${e.message}`);
      throw e;
    }
    const id = `${kind === 'pattern' ? 'p' : 'l'}:${r.case ?? ''}:${kind === 'pattern' ? find : find.toLowerCase()}`;
    if (seen.has(id)) throw new KeyError(`line ${line}: "${find}" is already replaced on line ${seen.get(id)}`);
    seen.set(id, line);
    return r;
  });
}

const cell = (s: string) => (/[",\n\r]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s);

/** The key as CSV text that parseKeyCsv reads back unchanged (cells are never altered). */
export function keyToCsv(list: Replacement[]): string {
  const lines = ['find,replace,kind,match,case'];
  for (const r of list) lines.push([r.find, r.replace, r.kind, r.match ?? '', r.case ?? ''].map(cell).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** A key CSV as replacements; a mistake in it is an error that starts with `where` (the file, or "key CSV"). */
export function parseKey(csv: string, where: string): Replacement[] {
  try {
    return parseKeyCsv(csv);
  } catch (e) {
    if (e instanceof KeyError) throw new ThematicError('invalid_key', `${where}, ${e.message}`);
    throw e;
  }
}
