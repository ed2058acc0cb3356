import type { Handlers } from './types.ts';

type Method = never;

export const agreementHandlers: Handlers<Method> = {};
