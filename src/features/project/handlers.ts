import path from 'node:path';
import type { Handlers } from '../../api/handler-types.ts';
import { LATEST_VERSION } from '../../store/migrations/index.ts';
import { isSampleProject, projectCounts } from './queries.ts';
import { APP_VERSION } from '../../core/version.ts';

export const projectHandlers: Handlers<'project.info'> = {
  'project.info': (_i, h) => {
    return {
      path: h.path,
      name: path.basename(h.path).replace(/\.thematic$/, ''),
      schemaVersion: LATEST_VERSION,
      appVersion: APP_VERSION,
      counts: projectCounts(h.db),
      // Built by `thematic sample` (its operations carry that actor): the home screen offers to reload it.
      isSample: isSampleProject(h.db),
    };
  },
};
