import { z } from 'zod';

// anonymise methods of the API contract (merged into src/api/contract.ts). Pure data.
const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, mutates = false) => ({ input, output, mutates });
void method;

export const anonymiseMethods = {
};
