import type { Handlers } from './types.ts';

type Method = never;

export const refiHandlers: Handlers<Method> = {
};
