import { z } from 'zod';

// Methods of the application rather than of one project (merged into src/api/contract.ts). Pure data.
// The host that holds the open project answers them (the web server; Electron uses its File menu):
// a Service alone refuses them.
const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, mutates = false) => ({ input, output, mutates });

export const appMethods = {
  /** Serves another project file (a refused one, locked, newer or not a project, leaves the current one open). */
  'app.openProject': method(z.object({
    path: z.string().trim().min(1, 'give a project file path').max(4096).refine((p) => /\.thematic$/i.test(p), 'a project file ends in .thematic'),
    create: z.boolean().default(false),
  }).strict(), z.object({ path: z.string(), name: z.string() }).loose()),
};
