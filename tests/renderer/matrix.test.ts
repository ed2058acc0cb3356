import { afterEach, describe, expect, it } from 'vitest';
import { codeByAttribute, matrixCsv } from '../../renderer/src/model/matrix.ts';
import { importText, tmpProject } from '../helpers/project.ts';
import type { Service } from '../../src/api/service.ts';

// The analysis matrix reads what the renderer reads (documents.list, codings.list) from a real project.
let service: Service | undefined;
afterEach(() => {
  service?.close();
  service = undefined;
});

async function study() {
  const p = tmpProject();
  service = p.service;
  const s = p.service;
  await s.call('participants.importCsv', {
    csv: 'participant,group\nP1,patient\nP2,patient\nP3,patient\nP4,patient\nP5,patient\nP6,patient\nE1,employer\n',
  });
  const code = await s.call('codes.create', { name: 'Stigma', color: '#e15759' });
  const text = 'Interviewer: Tell me.\n\nX: The nurses ignored me and the staff ignored me.\n';
  const at = text.indexOf('The nurses');
  // Patients P1 and P2 say it (P1 twice); the one employer says it three times.
  for (const [who, times] of [
    ['P1', 2],
    ['P2', 1],
    ['P3', 0],
    ['P4', 0],
    ['P5', 0],
    ['P6', 0],
    ['E1', 3],
  ] as const) {
    const d = await importText(s, `${who}.txt`, `${text}(${who})\n`, who);
    for (let k = 0; k < times; k++)
      await s.call('codings.create', { documentId: d.id, codeId: code.id, coder: 'Amira', start: at + k, end: at + 10 + k });
  }
  return { codes: await s.call('codes.list', {}), codings: await s.call('codings.list', {}), docs: await s.call('documents.list', {}) };
}

describe('codes by attribute', () => {
  it('counts codings, participants, or percent of the group so a group of 6 and a group of 1 compare fairly', async () => {
    const { codes, codings, docs } = await study();
    const by = (m: 'codings' | 'participants' | 'percent') => codeByAttribute(codes, codings, docs, 'group', m);
    expect(by('codings').cols).toEqual(['employer', 'patient']);
    expect(by('codings').sizes).toEqual([1, 6]);
    expect(by('codings').cells).toEqual([[3, 3]]);
    expect(by('participants').cells).toEqual([[1, 2]]);
    const pct = by('percent');
    expect(pct.cells).toEqual([[100, 33.3]]);
    expect(pct.max).toBe(100);
    expect(matrixCsv(pct, 'group')).toBe('code \\ group,employer,patient\nStigma,100,33.3\nparticipants in group,1,6\n');
    expect(matrixCsv(by('codings'), 'group')).toBe('code \\ group,employer,patient\nStigma,3,3\n');
  });
});
