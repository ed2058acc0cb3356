import { createHash } from 'node:crypto';

/** The SHA-256 of a text's UTF-8 bytes, in hex. */
export const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
