import type { Handlers } from '../api/handler-types.ts';

export const jobsHandlers: Handlers<'jobs.list'> = {
  'jobs.list': (_i, h) => h.jobs(),
};
