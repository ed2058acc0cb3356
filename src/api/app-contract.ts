import { z } from 'zod';

/**
 * Methods of the application rather than of one project: the transport that holds the open
 * project (the web server here; Electron's File menu does the same) answers them.
 */
export const appContract = {
  'app.openProject': {
    input: z.object({
      path: z.string().trim().min(1, 'give a project file path').max(4096).refine((p) => /\.thematic$/i.test(p), 'a project file ends in .thematic'),
      create: z.boolean().default(false),
    }).strict(),
  },
} as const;
export type AppMethod = keyof typeof appContract;
