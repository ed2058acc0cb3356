import type { Handlers } from './types.ts';

type Method = never;

export const reportsHandlers: Handlers<Method> = {
};
