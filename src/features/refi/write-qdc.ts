// RefiCodebook -> QDA-XML 1.0 codebook (.qdc), valid against Codebook.xsd. The codebook schema is
// narrower than the project's: codes carry no NoteRef, sets hold codes only (as MemberCode guid=).

import type { RefiCode, RefiCodebook, RefiSet } from './model.ts';
import { el, refiValues, renderXml, type RefiValues, type XmlElement } from './write-xml.ts';
import { plural } from '../../core/refi-report.ts';

export const CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';

export interface WriteQdcOptions {
  /** Gets one line per thing the file could not carry as given (for the export report). */
  warnings?: string[];
}

/** Throws when there are no codes: the schema requires at least one Code. */
export function writeQdc(codebook: RefiCodebook, opts: WriteQdcOptions = {}): string {
  if (codebook.codes.length === 0) throw new Error('A REFI-QDA codebook needs at least one code; this one has none.');
  const v = refiValues(opts.warnings ?? []);
  const codes = codebook.codes.map((c) => code(c, v));
  const sets = codebook.sets.map((s) => set(s, v));
  return renderXml(
    el(
      'CodeBook',
      {
        xmlns: CODEBOOK_NS,
        origin: codebook.origin === undefined ? undefined : v.text(codebook.origin, 'codebook origin'),
      },
      [el('Codes', {}, codes), sets.length > 0 && el('Sets', {}, sets)],
    ),
  );
}

function code(c: RefiCode, v: RefiValues): XmlElement {
  const what = `code "${c.name}"`;
  return el(
    'Code',
    {
      guid: v.guid(c.guid),
      name: v.text(c.name, what),
      isCodable: c.isCodable ? 'true' : 'false',
      color: v.color(c.color, what),
    },
    [
      c.description ? el('Description', {}, [v.text(c.description, `${what} description`)]) : undefined,
      ...c.children.map((k) => code(k, v)),
    ],
  );
}

function set(s: RefiSet, v: RefiValues): XmlElement {
  const what = `set "${s.name}"`;
  const others = s.memberSources.length + s.memberNotes.length;
  if (others > 0) v.warn(`${what}: ${plural(others, 'source/note member')} left out (a codebook holds codes only)`);
  return el('Set', { guid: v.guid(s.guid), name: v.text(s.name, what) }, [
    s.description ? el('Description', {}, [v.text(s.description, `${what} description`)]) : undefined,
    ...s.memberCodes.map((g) => el('MemberCode', { guid: v.guid(g) })),
  ]);
}
