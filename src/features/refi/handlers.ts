import path from 'node:path';
import type { Handlers } from '../../api/handler-types.ts';
import { ThematicError } from '../../core/errors.ts';
import { loadRefi } from './store-load.ts';
import { importRefi } from './to-store.ts';
import { prepareRecordings } from './media-import.ts';
import { exportCodebook, exportProject } from './from-store.ts';
import { writeQdpx } from './write-qdpx.ts';
import { outsideBmpWarnings } from './export-targets.ts';
import { writeQdc } from './write-qdc.ts';
import { EXTENSIONS_PATH } from './extensions.ts';
import { plural, type ImportReport } from '../../core/refi-report.ts';

type Method = 'refi.import' | 'refi.export';

const projectName = (file: string) => path.basename(file).replace(/\.[^.]+$/, '') || 'Thematic project';

export const refiHandlers: Handlers<Method> = {
  'refi.import': async (i, h) => {
    let input;
    h.progress('reading the file');
    try {
      input = await loadRefi(i.fileName, new Uint8Array(Buffer.from(i.contentBase64, 'base64')));
      input.projectPath = h.path;
      input.recordings = await prepareRecordings(h.path, input.project?.sources ?? []);
    } catch (e) {
      if (e instanceof ThematicError) throw e;
      throw new ThematicError('import_failed', `Nothing was imported. ${path.basename(i.fileName)}: ${(e as Error).message}`);
    }
    const options = { mode: i.mode, coder: i.coder, identicalText: i.identicalText, groupsAsAttributes: i.groupsAsAttributes };
    return h.op<ImportReport>(
      (r) =>
        `Import ${r.fileName}${r.mode ? ' from another coder' : ''}: ${plural(r.counts.documents ?? 0, 'document')}, ${plural(r.counts.codes ?? 0, 'code')}, ${plural(r.counts.codings ?? 0, 'coding')}`,
      (tx) => importRefi(tx, { ...input, options, onProgress: (done, total) => h.progress('codes', done, total) }),
    );
  },

  'refi.export': (i, h) => {
    const name = projectName(h.path);
    h.progress('reading the project', 0, 2);
    if (i.format === 'qdc') {
      const fileName = `${name}.qdc`;
      const { codebook, report } = exportCodebook(h.db, fileName);
      if (!codebook.codes.length)
        throw new ThematicError('invalid_input', 'the project has no codes yet, and a REFI-QDA codebook needs at least one');
      const warnings: string[] = [];
      const xml = writeQdc(codebook, { warnings });
      for (const w of warnings) report.notCarried.push({ kind: 'writer', name: 'codebook', detail: w });
      return { fileName, contentBase64: Buffer.from(xml, 'utf8').toString('base64'), report };
    }
    const target = i.target ?? 'standard';
    const fileName = `${name}${target === 'nvivo' ? ' (for NVivo)' : ''}.qdpx`;
    const { project, texts, extensions, report } = exportProject(h.db, name, fileName, {
      includeMedia: i.includeMedia,
      projectPath: h.path,
    });
    h.progress('writing the .qdpx', 1, 2);
    if (target === 'nvivo') extensions.offsetUnit = 'utf16';
    const warnings: string[] = [];
    const bytes = writeQdpx(project, texts, new Map([[EXTENSIONS_PATH, new TextEncoder().encode(JSON.stringify(extensions))]]), {
      warnings,
      target,
    });
    for (const w of warnings) report.notCarried.push({ kind: 'writer', name: 'project.qde', detail: w });
    report.notCarried.push(...outsideBmpWarnings(project, texts, target));
    report.target = target;
    return { fileName, contentBase64: Buffer.from(bytes).toString('base64'), report };
  },
};
