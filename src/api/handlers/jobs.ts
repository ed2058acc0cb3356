import type { Handlers } from './types.ts';

export const jobsHandlers: Handlers<'jobs.list'> = {
  'jobs.list': (_i, h) => h.jobs(),
};
