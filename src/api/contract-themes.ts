import { z } from 'zod';

// themes methods of the API contract (merged into src/api/contract.ts).
const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, mutates = false) => ({ input, output, mutates });
void method;

export const themesMethods = {} as const;
