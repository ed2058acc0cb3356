import type { Handlers } from '../../api/handler-types.ts';
import { diffMaps } from '../../core/map/diff.ts';
import {
  figureSettings,
  getVersion,
  listVersions,
  mapInput,
  saveFigureSettings,
  savedPositions,
  savePositions,
  saveVersion,
} from './queries.ts';
import type { Db } from '../../store/open.ts';
import { ThematicError } from '../../core/errors.ts';
import { exportFigure, FIGURE_MIME, figureFileName } from './export-project.ts';

type Method =
  | 'map.get'
  | 'map.savePositions'
  | 'map.saveVersion'
  | 'map.deleteVersion'
  | 'map.listVersions'
  | 'map.getVersion'
  | 'map.diff'
  | 'map.export'
  | 'map.getFigureSettings'
  | 'map.saveFigureSettings';

const resolve = (db: Db, ref: { version: string } | { current: true }) =>
  'version' in ref ? getVersion(db, ref.version).input : mapInput(db, { showCodes: true });

export const mapHandlers: Handlers<Method> = {
  'map.get': (i, h) => ({ input: mapInput(h.db, i), positions: savedPositions(h.db) }),
  'map.savePositions': (i, h) => {
    h.op(`Arrange the map (${Object.keys(i.positions).length} positions)`, (tx) => savePositions(tx, i.positions, i.replace));
    return { ok: true as const };
  },
  'map.saveVersion': (i, h) => {
    h.op(`Save map version "${i.name}"`, (tx) => saveVersion(tx, i.name, i.note, h.actor));
    return getVersion(h.db, i.name).version;
  },
  'map.deleteVersion': (i, h) => {
    const v = getVersion(h.db, i.name).version;
    h.op(`Delete map version "${v.name}"`, (tx) => tx.delete('map_versions', [{ id: v.id }]));
    return { ok: true as const };
  },
  'map.listVersions': (_i, h) => listVersions(h.db),
  'map.getVersion': (i, h) => getVersion(h.db, i.name),
  'map.diff': (i, h) => diffMaps(resolve(h.db, i.from), resolve(h.db, i.to)),
  'map.getFigureSettings': (_i, h) => figureSettings(h.db),
  'map.saveFigureSettings': (i, h) => {
    const what = [i.fontFamily !== undefined && 'font', i.fontSize !== undefined && 'font size', i.title !== undefined && 'title']
      .filter(Boolean)
      .join(', ');
    h.op(`Set the map figure's ${what || 'settings'}`, (tx) => saveFigureSettings(tx, i));
    return figureSettings(h.db);
  },
  'map.export': async ({ version, title, ...o }, h) => {
    // Codes are always read; the layout leaves them out unless showCodes (as the CLI and the view do).
    const { input, positions } = version
      ? getVersion(h.db, version)
      : { input: mapInput(h.db, { showCodes: true }), positions: savedPositions(h.db) };
    if (!input.nodes.length)
      throw new ThematicError('invalid_input', 'there are no themes yet, so there is no map to export; create some on the theme board');
    const bytes = await exportFigure(input, positions, { ...o, ...(title ? { title } : {}) });
    return { fileName: figureFileName(o, version), mimeType: FIGURE_MIME[o.format], base64: Buffer.from(bytes).toString('base64') };
  },
};
