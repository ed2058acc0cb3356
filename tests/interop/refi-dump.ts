import type { Service } from '../../src/api/service.ts';
import { dbOf } from '../helpers/db.ts';

// A project's content in words a researcher would recognise, with ids replaced by names/GUIDs, so
// two projects (e.g. before export and after re-import) can be compared for sameness.
export function dumpProject(s: Service) {
  const all = <T>(sql: string) => dbOf(s).prepare(sql).all() as T[];
  const docName = new Map(all<{ id: number; name: string }>('SELECT id, name FROM documents').map((d) => [d.id, d.name]));
  const codePath = new Map<number, string>();
  const codes = all<Record<string, unknown> & { id: number; parent_id: number | null; name: string }>('SELECT * FROM codes ORDER BY id');
  const byId = new Map(codes.map((c) => [c.id, c]));
  const pathOf = (id: number): string =>
    codePath.get(id) ??
    (codePath.set(id, (byId.get(id)!.parent_id ? pathOf(byId.get(id)!.parent_id!) + ' / ' : '') + byId.get(id)!.name), codePath.get(id)!);
  const themes = all<Record<string, unknown> & { id: number; parent_id: number | null; guid: string }>(
    'SELECT * FROM themes ORDER BY guid',
  );
  const themeGuid = new Map(themes.map((t) => [t.id, t.guid]));
  const part = new Map(all<{ id: number; label: string }>('SELECT id, label FROM participants').map((p) => [p.id, p.label]));
  const target = (type: string, id: number | null) => {
    if (id === null) return null;
    if (type === 'document') return docName.get(id);
    if (type === 'code') return pathOf(id);
    if (type === 'theme') return themeGuid.get(id);
    if (type === 'participant') return part.get(id);
    if (type === 'coding') return all<{ guid: string }>(`SELECT guid FROM codings WHERE id = ${id}`)[0]?.guid;
    return id;
  };
  return {
    documents: all<{ id: number; name: string; text: string; participant_id: number | null; format: string; original_filename: string }>(
      'SELECT * FROM documents ORDER BY name',
    ).map((d) => ({
      name: d.name,
      text: d.text,
      format: d.format,
      originalFilename: d.original_filename,
      participant: d.participant_id && part.get(d.participant_id),
      turns: all(`SELECT idx, speaker, start, end, time_start, time_end FROM turns WHERE document_id = ${d.id} ORDER BY idx`),
      speakers: all<{ speaker: string; participant_id: number }>(
        `SELECT speaker, participant_id FROM speaker_participants WHERE document_id = ${d.id} ORDER BY speaker`,
      ).map((x) => [x.speaker, part.get(x.participant_id)]),
    })),
    participants: all<{ id: number; label: string }>('SELECT * FROM participants ORDER BY label').map((p) => ({
      label: p.label,
      attributes: all(`SELECT key, value FROM participant_attributes WHERE participant_id = ${p.id} ORDER BY key`),
    })),
    coders: all('SELECT name, is_consensus FROM coders ORDER BY name'),
    codes: codes
      .map((c) => ({
        path: pathOf(c.id),
        guid: c.guid,
        color: c.color,
        definition: c.definition,
        whenToUse: c.when_to_use,
        whenNotToUse: c.when_not_to_use,
        example: c.example,
        inVivo: c.in_vivo,
      }))
      .sort((a, b) => a.path.localeCompare(b.path)),
    codings: all<{ guid: string; document_id: number; code_id: number; coder: string; start: number; end: number }>(
      'SELECT g.guid, g.document_id, g.code_id, k.name AS coder, g.start, g.end FROM codings g JOIN coders k ON k.id = g.coder_id',
    )
      .map((g) => `${g.guid} ${docName.get(g.document_id)} ${pathOf(g.code_id)} ${g.coder} ${g.start}-${g.end}`)
      .sort(),
    memos: all<{ guid: string; target_type: string; target_id: number | null; title: string; body: string; author: string }>(
      'SELECT * FROM memos ORDER BY guid',
    ).map((m) => ({
      guid: m.guid,
      target: m.target_type,
      on: target(m.target_type, m.target_id),
      title: m.title,
      body: m.body,
      author: m.author,
    })),
    themes: themes.map((t) => ({
      guid: t.guid,
      parent: t.parent_id && themeGuid.get(t.parent_id),
      kind: t.kind,
      name: t.name,
      definition: t.definition,
      color: t.color,
      status: t.status,
      position: t.position,
      codes: all<{ code_id: number; position: number }>(
        `SELECT code_id, position FROM theme_codes WHERE theme_id = ${t.id} ORDER BY position`,
      ).map((a) => `${a.position}:${pathOf(a.code_id)}`),
    })),
    links: all<{ from_theme_id: number; to_theme_id: number; label: string }>('SELECT * FROM theme_links')
      .map((l) => `${themeGuid.get(l.from_theme_id)}->${themeGuid.get(l.to_theme_id)} ${l.label}`)
      .sort(),
    positions: all('SELECT node_id, x, y FROM map_positions ORDER BY node_id'),
    versions: all('SELECT name, note, input, positions FROM map_versions ORDER BY name'),
    decisions: all<Record<string, unknown> & { document_id: number; code_id: number; other_code_id: number | null; coding_ids: string }>(
      'SELECT * FROM consensus_decisions ORDER BY decided_at, id',
    ).map(({ id: _id, disagreement_key, document_id, code_id, other_code_id, coding_ids, ...rest }) => ({
      ...rest,
      key: String(disagreement_key).replace(/^\d+:\d+(\/\d+)?:/, ''),
      document: docName.get(document_id),
      code: pathOf(code_id),
      other: other_code_id && pathOf(other_code_id),
      codings: (JSON.parse(coding_ids) as number[]).map(
        (id) => all<{ guid: string }>(`SELECT guid FROM codings WHERE id = ${id}`)[0]?.guid,
      ),
    })),
  };
}
