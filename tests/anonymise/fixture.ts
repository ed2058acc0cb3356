import type { Service } from '../../src/api/service.ts';
import type { Replacement } from '../../src/core/anonymise/types.ts';
import { importText } from '../helpers/project.ts';

// A small study whose words name people, a town, a date and a phone number, next to emoji,
// in every kind of field a project has: transcript, speakers, participants, codes (in-vivo too),
// memos, themes, links, map versions, reconciliation decisions and the undo history.
export const TEXT = [
  'Interviewer: Did Maria come with you from Springfield?',
  '',
  "Maria: Yes. 😀Maria and José drove from Springfield on 12/03/2021. Maria's cousin José-Luis came too.",
  '',
  'Interviewer: And then?',
  '',
  'Maria: 👩🏽‍⚕️Maria López helped me at Springfield General. Call me on 555-0199.',
].join('\n');

export const KEY: Replacement[] = [
  { find: 'Maria', replace: 'Participant A', kind: 'name' },
  { find: 'Maria López', replace: 'Participant A L', kind: 'name' },
  { find: 'José', replace: 'Participant B', kind: 'name' },
  { find: 'Springfield', replace: '[town]', kind: 'place' },
  { find: 'Springfield General', replace: '[hospital]', kind: 'place' },
  { find: '12/03/2021', replace: '[date]', kind: 'date' },
  { find: '\\d{3}-\\d{4}', replace: '[phone]', kind: 'pattern' },
];
/** Strings that must not survive anywhere in an anonymised copy. */
export const SECRETS = ['Maria', 'José', 'Springfield', 'López', '12/03/2021', '555-0199'];

/** Codings (by their original words) and the words each must cover in the copy. */
export const CODED: [string, string, string][] = [
  // [coder, original quote, expected quote in the copy]
  ['Amira', '😀Maria and José drove from Springfield', '😀Participant A and Participant B drove from [town]'],
  ['Ben', '😀Maria and José drove from Springfield on 12/03/2021.', '😀Participant A and Participant B drove from [town] on [date].'],
  ['Amira', 'cousin José-Luis', 'cousin Participant B-Luis'],
  ['Ben', 'Yes.', 'Yes.'],
];

export async function buildStudy(s: Service): Promise<{ documentId: number }> {
  await s.call('participants.importCsv', { csv: 'participant,group,site\nMaria,patient,Springfield General\nP2,HCP,Leeds\n' });
  const doc = await importText(s, 'Maria-interview.txt', TEXT, 'Maria');
  const { text } = await s.call('documents.get', { id: doc.id });
  const code = await s.call('codes.create', { name: 'Family support', definition: "Relatives like Maria's cousin", example: 'José drove' });
  for (const [coder, quote] of CODED) {
    const start = text.indexOf(quote);
    await s.call('codings.create', { documentId: doc.id, codeId: code.id, coder, start, end: start + quote.length });
  }
  // A coding that starts inside a name and ends inside another: it widens to both replacements.
  const at = text.indexOf('aria and Jo');
  await s.call('codings.create', { documentId: doc.id, codeId: code.id, coder: 'Amira', start: at, end: at + 'aria and Jo'.length });
  const quote = 'Maria López helped me';
  const inVivo = text.indexOf(quote);
  await s.call('codings.inVivo', { documentId: doc.id, coder: 'Amira', start: inVivo, end: inVivo + quote.length });
  await s.call('memos.create', {
    targetType: 'document',
    targetId: doc.id,
    title: 'About Maria',
    body: 'Maria lives in Springfield; José drives her.',
    author: 'Amira',
  });
  const core = await s.call('themes.create', { kind: 'core', name: 'Family as a bridge', why: 'Maria says so' });
  const group = await s.call('themes.create', {
    kind: 'group',
    parentId: core.id,
    name: 'Springfield networks',
    definition: 'How Maria and José get around',
    codeIds: [code.id],
  });
  const other = await s.call('themes.create', { kind: 'group', parentId: core.id, name: 'Getting care' });
  await s.call('themes.update', { id: other.id, name: 'Getting care in Springfield', why: 'José insisted' });
  await s.call('themes.addLink', { fromId: group.id, toId: other.id, label: 'Maria drives' });
  await s.call('map.saveVersion', { name: 'Phase 3 (Maria)', note: 'after the Springfield interviews' });
  const list = await s.call('reconcile.list', { coderA: 'Amira', coderB: 'Ben' });
  const item = list.items[0];
  if (!item) throw new Error('fixture: expected a disagreement between Amira and Ben');
  await s.call('reconcile.decide', {
    coderA: 'Amira',
    coderB: 'Ben',
    key: item.key,
    kind: 'keep-b',
    rationale: 'Ben kept the date Maria gave',
  });
  return { documentId: doc.id };
}
