import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Handlers } from '../../api/handler-types.ts';
import { compileRules, KeyError } from '../../core/anonymise/rules.ts';
import { parseKey } from '../../core/anonymise/key-csv.ts';
import { previewOccurrences } from './preview.ts';
import { writeAnonymisedCopy } from './copy.ts';
import type { Replacement, Rule } from '../../core/anonymise/types.ts';
import { ThematicError } from '../../core/errors.ts';
import { copyPath } from '../../lib/copy-path.ts';
import { openProject } from '../../store/open.ts';
import { exportReport } from '../reports/index.ts';

type Method = 'anonymise.parseKey' | 'anonymise.preview' | 'anonymise.export' | 'anonymise.report';

/** `<name>-anonymised.thematic` beside the project, or the file asked for (see copyPath). */
export function anonymisedPath(projectPath: string, outPath?: string, trusted = false): string {
  if (!outPath)
    return path.join(path.dirname(projectPath), `${path.basename(projectPath).replace(/\.thematic$/i, '')}-anonymised.thematic`);
  return copyPath(projectPath, outPath, trusted);
}

/** The key as rules, or a clear error naming the replacement that is wrong. */
export const rulesOf = (list: Replacement[]): Rule[] => {
  try {
    return compileRules(list);
  } catch (e) {
    if (e instanceof KeyError) throw new ThematicError('invalid_key', e.message);
    throw e;
  }
};

export const anonymiseHandlers: Handlers<Method> = {
  'anonymise.parseKey': (i) => ({ replacements: parseKey(i.csv, 'key CSV') }),
  'anonymise.preview': (i, h) => previewOccurrences(h.db, rulesOf(i.replacements)),
  'anonymise.export': (i, h) => {
    const out = anonymisedPath(h.path, i.outPath, h.trusted);
    h.progress('writing the anonymised copy');
    const counts = writeAnonymisedCopy(h.db, h.path, rulesOf(i.replacements), out, { overwrite: i.overwrite });
    return { path: out, counts };
  },
  'anonymise.report': async (i, h) => {
    // The copy lives in a private temporary folder only while the report is made from it.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thematic-anon-'));
    try {
      const copy = path.join(dir, 'copy.thematic');
      h.progress('making a throw-away anonymised copy', 0, 2);
      writeAnonymisedCopy(h.db, h.path, rulesOf(i.replacements), copy);
      const db = openProject(copy);
      try {
        const { format, ...options } = i.report;
        h.progress('writing the report', 1, 2);
        const r = await exportReport(db, format, {
          ...options,
          projectName: `${path.basename(h.path).replace(/\.thematic$/i, '')}-anonymised`,
        });
        return {
          fileName: r.fileName.replace(/(\.[a-z]+)$/i, '-anonymised$1'),
          mime: r.mime,
          contentBase64: Buffer.from(r.bytes).toString('base64'),
        };
      } finally {
        db.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
