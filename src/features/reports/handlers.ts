import path from 'node:path';
import type { Handlers } from '../../api/handler-types.ts';
import { exportReport } from './index.ts';

type Method = 'reports.export';

export const reportsHandlers: Handlers<Method> = {
  'reports.export': async (i, h) => {
    const { format, ...options } = i;
    h.progress(`writing the ${format} report`);
    const r = await exportReport(h.db, format, { ...options, projectName: path.basename(h.path).replace(/\.thematic$/, '') });
    return { fileName: r.fileName, mime: r.mime, contentBase64: Buffer.from(r.bytes).toString('base64') };
  },
};
