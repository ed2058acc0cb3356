import { stmt } from '../../store/changes.ts';
import type { Tx } from '../../store/operations.ts';
import { getMeta, nowIso } from '../../store/rows.ts';
import type { RefiProject, RefiTextSource, RefiVariableType } from './model.ts';
import type { Extensions } from './extensions.ts';
import { plural, sourceLabel, type ReportItem } from '../../core/refi-report.ts';
import { findByGuid, keepGuid } from './store-guids.ts';

// Cases -> participants with attributes. Variable values on a source (MAXQDA keeps demographics
// as document variables) and, on request, ATLAS.ti document groups named "gender: male" become
// attributes of the source's participant: its case, else one participant per document. Attribute
// values are text in Thematic; a typed variable's type is kept (project_meta) for the export.

export const VARIABLE_TYPES_KEY = 'refi_variable_types';

/** Attribute key -> the REFI type it came with (only non-Text types are kept). */
export function keptVariableTypes(db: Tx['db']): Record<string, RefiVariableType> {
  try {
    return JSON.parse(getMeta(db, VARIABLE_TYPES_KEY) ?? '{}') as Record<string, RefiVariableType>;
  } catch {
    return {};
  }
}

/** "gender: male" -> { key: 'gender', value: 'male' } */
export const groupAttribute = (name: string) => {
  const m = /^\s*([^:]+?)\s*:\s*(\S.*?)\s*$/.exec(name);
  return m ? { key: m[1], value: m[2] } : undefined;
};

export interface Participants {
  ids: Map<string, number>;
  added: number;
  /** The participant a new document from this source belongs to (created here when needed). */
  participantFor(s: RefiTextSource, x: Extensions['documents'][string] | undefined): number | null;
}

export function importParticipants(
  tx: Tx,
  p: RefiProject,
  groupsAsAttributes: boolean,
  notes: ReportItem[],
  notCarried: ReportItem[],
  ext?: Extensions,
): Participants {
  const varName = new Map(p.variables.map((v) => [v.guid.toLowerCase(), v.name.trim()]));
  const ids = new Map<string, number>();
  const out: Participants = { ids, added: 0, participantFor: () => null };
  const participant = (label: string, guid: string | undefined, what = `case "${label}"`) => {
    const known = guid ? findByGuid(tx.db, guid) : undefined;
    let id =
      known?.entity === 'participant'
        ? known.id
        : (stmt(tx.db, 'SELECT id FROM participants WHERE label = ? COLLATE NOCASE').get(label) as { id: number } | undefined)?.id;
    if (id === undefined) {
      id = tx.insert('participants', { label, created_at: (guid && ext?.createdAt?.[guid]) || nowIso() });
      keepGuid(tx, 'participant', id, guid);
      out.added++;
    } else
      notes.push({
        kind: 'participant-reused',
        name: what,
        detail: 'a participant of that name is already in the project; its attributes were added to it',
      });
    return id;
  };
  const setAttributes = (id: number, who: string, pairs: { key: string; value: string; from: string }[]) => {
    const have = new Map(
      (
        stmt(tx.db, 'SELECT key, value FROM participant_attributes WHERE participant_id = ?').all(id) as { key: string; value: string }[]
      ).map((r) => [r.key, r.value]),
    );
    for (const a of pairs) {
      if (!a.key || a.value === '') continue;
      const now = have.get(a.key);
      if (now === undefined) {
        tx.insert('participant_attributes', { participant_id: id, key: a.key, value: a.value });
        have.set(a.key, a.value);
      } else if (now !== a.value)
        notes.push({
          kind: 'attribute-conflict',
          name: `participant "${who}"`,
          detail: `"${a.key}" is already "${now}"; "${a.value}" (${a.from}) not used`,
        });
    }
  };

  for (const c of p.cases) {
    const label = c.name?.trim() || `Case ${c.guid.slice(0, 8)}`;
    const id = participant(label, c.guid);
    setAttributes(
      id,
      label,
      c.values.map((v) => ({ key: varName.get(v.variableGuid.toLowerCase()) ?? '', value: v.value, from: `case "${label}"` })),
    );
    ids.set(c.guid.toLowerCase(), id);
  }

  // Typed variables: values are text here; the type is kept so an export writes it again.
  const typed = p.variables.filter((v) => v.type !== 'Text' && v.name.trim());
  if (typed.length) {
    const kept = { ...keptVariableTypes(tx.db) };
    for (const v of typed) kept[v.name.trim()] = v.type;
    const value = JSON.stringify(kept);
    if (getMeta(tx.db, VARIABLE_TYPES_KEY) === null) tx.insert('project_meta', { key: VARIABLE_TYPES_KEY, value });
    else tx.update('project_meta', { key: VARIABLE_TYPES_KEY }, { value });
    notes.push({
      kind: 'variable-types',
      name: typed.map((v) => `"${v.name}" (${v.type})`).join(', '),
      detail: 'participant attributes are text; the values came in as text and the type is kept for the export',
    });
  }
  const caseCodes = p.cases.reduce((n, c) => n + c.codeGuids.length, 0);
  if (caseCodes)
    notCarried.push({
      kind: 'case-codes',
      name: `${plural(caseCodes, 'code reference')} on cases`,
      detail: 'Thematic codes text, not participants; not imported',
    });

  const casesOf = new Map<string, string[]>();
  for (const c of p.cases)
    for (const s of c.sourceGuids) (casesOf.get(s.toLowerCase()) ?? casesOf.set(s.toLowerCase(), []).get(s.toLowerCase())!).push(c.guid);

  // Document groups as attributes (on request), by member source.
  const groupAttrs = new Map<string, { key: string; value: string; from: string }[]>();
  const looksLike = p.sets.filter((x) => x.memberSources.length && groupAttribute(x.name));
  if (looksLike.length && groupsAsAttributes) {
    for (const x of looksLike) {
      const a = groupAttribute(x.name)!;
      for (const g of x.memberSources)
        (groupAttrs.get(g.toLowerCase()) ?? groupAttrs.set(g.toLowerCase(), []).get(g.toLowerCase())!).push({
          ...a,
          from: `document group "${x.name}"`,
        });
    }
    notes.push({
      kind: 'groups-as-attributes',
      name: plural(looksLike.length, 'document group'),
      detail: `${looksLike.map((x) => `"${x.name}"`).join(', ')} became attributes of their documents' participants, as asked (the groups are kept too)`,
    });
  } else if (looksLike.length) {
    notes.push({
      kind: 'groups-like-attributes',
      name: plural(looksLike.length, 'document group'),
      detail: `${looksLike
        .slice(0, 5)
        .map((x) => `"${x.name}"`)
        .join(
          ', ',
        )}${looksLike.length > 5 ? ', ...' : ''} look like attributes; kept as groups (import with document groups as attributes to turn them into participant attributes)`,
    });
  }

  const caseName = new Map(p.cases.map((c) => [c.guid, c.name]));
  out.participantFor = (s, x) => {
    if (x) return x.participantGuid ? (ids.get(x.participantGuid.toLowerCase()) ?? null) : null;
    const cases = casesOf.get(s.guid.toLowerCase()) ?? [];
    if (cases.length > 1) {
      const names = cases.map((g) => caseName.get(g) ?? g);
      notes.push({
        kind: 'several-cases',
        name: sourceLabel(s),
        detail: `belongs to ${cases.length} cases (${names.join(', ')}); linked to the first, ${names[0]}`,
      });
    }
    let id = cases.length ? (ids.get(cases[0].toLowerCase()) ?? null) : null;
    const attrs = [
      ...s.values.map((v) => ({ key: varName.get(v.variableGuid.toLowerCase()) ?? '', value: v.value, from: 'document variable' })),
      ...(groupAttrs.get(s.guid.toLowerCase()) ?? []),
    ].filter((a) => a.key && a.value !== '');
    if (!attrs.length) return id;
    let who: string;
    if (id === null) {
      // No case says whose document it is: one participant per document, named after it.
      who = (s.name.trim() || s.guid).replace(/\.(txt|docx?|rtf|odt|pdf)$/i, '');
      id = participant(who, undefined, `participant "${who}"`);
      notes.push({
        kind: 'document-participant',
        name: sourceLabel(s),
        detail: `its ${plural(attrs.length, 'attribute')} (${attrs.map((a) => `${a.key}: ${a.value}`).join(', ')}) went to participant "${who}", made for this document (no case names one)`,
      });
    } else {
      who = (stmt(tx.db, 'SELECT label FROM participants WHERE id = ?').get(id) as { label: string }).label;
      notes.push({
        kind: 'document-attributes',
        name: sourceLabel(s),
        detail: `its ${plural(attrs.length, 'attribute')} (${attrs.map((a) => `${a.key}: ${a.value}`).join(', ')}) went to its case's participant "${who}"`,
      });
    }
    setAttributes(id, who, attrs);
    return id;
  };
  return out;
}
