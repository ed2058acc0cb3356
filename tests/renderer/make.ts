import type { Code, Coder, Coding, Turn } from '../../src/core/model/entities.ts';

// Small factories for the renderer's unit tests: only the fields a test cares about, the rest filled in.
export const code = (id: number, name = `Code ${id}`, parentId: number | null = null): Code => ({
  id,
  guid: `g-code-${id}`,
  parentId,
  name,
  color: '#4e79a7',
  definition: '',
  whenToUse: '',
  whenNotToUse: '',
  example: '',
  inVivo: false,
  codingCount: 0,
  documentCount: 0,
  participantCount: 0,
});

let next = 1;
export const coding = (codeId: number, start: number, end: number, coder = 'ana', documentId = 1): Coding => ({
  id: next++,
  guid: `g-coding-${next}`,
  documentId,
  codeId,
  coder,
  start,
  end,
  createdAt: '2026-01-01T00:00:00Z',
});

export const turn = (id: number, start: number, end: number, speaker: string | null = 'A', timeStart: number | null = null): Turn => ({
  id,
  idx: id,
  speaker,
  participantId: null,
  participant: speaker,
  start,
  end,
  timeStart,
  timeEnd: null,
});

export const coder = (name: string, isConsensus = false): Coder => ({ id: name.length, name, isConsensus, codingCount: 0 });
