import type { Service } from '../../src/api/service.ts';
import { importText, tmpProject } from '../helpers/project.ts';

// A small study for report tests: a plain transcript with text that must stay literal in every
// format, a captioned (timed) focus group with two linked speakers, a theme tree and two coders.

export const TRICKY = [
  'P4: I told them <script>alert("x")</script> and *not bold* & stuff.',
  '',
  '# not heading',
  '',
  '=SUM(A1:A2) they wrote on the board, honestly.',
  '',
  'P4: She came back the next day [really] and stayed with me for the whole afternoon until the doctor came.',
].join('\n');

export const VTT = [
  'WEBVTT',
  '',
  '00:00:01.000 --> 00:00:04.000',
  'Interviewer: What does a peer worker bring?',
  '',
  '00:12:34.500 --> 00:12:40.000',
  'P13: Someone who has been there understands what the ward feels like at night.',
  '',
  '00:13:00.000 --> 00:13:09.000',
  'P8: The peer explains things to us that patients will never say to a doctor.',
  '',
].join('\n');

export interface Small {
  service: Service;
  file: string;
  docs: { tricky: number; group: number };
  codes: Record<'trust' | 'shared' | 'speaking' | 'loose', number>;
  themes: Record<'core' | 'group' | 'advocacy' | 'speakingUp' | 'other', number>;
  text: { tricky: string; group: string };
}

const span = (text: string, quote: string) => {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`not found: ${quote}`);
  return { start, end: start + quote.length };
};

export async function smallStudy(): Promise<Small> {
  const { service, file } = tmpProject();
  const s = service;
  await s.call('participants.create', { label: 'P4', attributes: { group: 'patient', role: 'inpatient', site: 'A' } });
  await s.call('participants.create', { label: 'P13', attributes: { group: 'peer worker', role: 'peer support worker', site: 'B' } });
  await s.call('participants.create', { label: 'P8', attributes: { group: 'HCP', role: 'family physician' } });
  const tricky = (await importText(s, 'P04-interview.txt', TRICKY, 'P4')).id;
  const group = (await importText(s, 'focus-group.vtt', VTT)).id;
  const g = await s.call('documents.get', { id: group });
  for (const sp of ['P13', 'P8']) {
    const p = (await s.call('participants.list', {})).find((x) => x.label === sp)!;
    if (g.turns.some((t) => t.speaker === sp && t.participantId === null))
      await s.call('speakers.link', { documentId: group, speaker: sp, participantId: p.id });
  }
  const texts = {
    tricky: (await s.call('documents.get', { id: tricky })).text,
    group: (await s.call('documents.get', { id: group })).text,
  };
  const trust = (
    await s.call('codes.create', {
      name: 'Trust',
      definition: 'Feeling safe with someone.',
      whenToUse: 'Any account of trust.',
      whenNotToUse: 'Distrust of institutions.',
    })
  ).id;
  const shared = (await s.call('codes.create', { name: 'Shared experience', parentId: trust, definition: 'Having been there.' })).id;
  const speaking = (
    await s.call('codes.create', { name: 'Speaking up', definition: 'Advocacy with staff.', example: 'She talked to the nurses for me.' })
  ).id;
  const loose = (await s.call('codes.create', { name: 'Loose code', definition: 'Not in any theme.' })).id;
  const code = async (doc: number, codeId: number, coder: string, quote: string) =>
    s.call('codings.create', { documentId: doc, codeId, coder, ...span(doc === tricky ? texts.tricky : texts.group, quote) });
  const scriptLine = 'I told them <script>alert("x")</script> and *not bold* & stuff.\n# not heading';
  for (const coder of ['Amira', 'Ben']) {
    await code(tricky, trust, coder, scriptLine);
    await code(group, shared, coder, 'Someone who has been there understands what the ward feels like at night.');
  }
  await code(group, speaking, 'Amira', 'The peer explains things to us that patients will never say to a doctor.');
  await code(
    tricky,
    speaking,
    'Ben',
    'She came back the next day [really] and stayed with me for the whole afternoon until the doctor came.',
  );
  await code(tricky, loose, 'Amira', '=SUM(A1:A2) they wrote on the board, honestly.');
  const core = (await s.call('themes.create', { kind: 'core', name: 'Peer workers as a bridge', definition: 'The core concept.' })).id;
  const grp = (await s.call('themes.create', { kind: 'group', parentId: core, name: 'Functions of the bridge' })).id;
  const advocacy = (
    await s.call('themes.create', {
      kind: 'theme',
      parentId: grp,
      name: 'Advocacy',
      definition: 'Acting for the patient.',
      codeIds: [trust, shared],
    })
  ).id;
  const speakingUp = (
    await s.call('themes.create', { kind: 'subtheme', parentId: advocacy, name: 'Speaking up for patients', codeIds: [speaking] })
  ).id;
  const other = (await s.call('themes.create', { kind: 'theme', parentId: grp, name: 'Restoring trust', codeIds: [trust] })).id;
  return {
    service,
    file,
    docs: { tricky, group },
    codes: { trust, shared, speaking, loose },
    themes: { core, group: grp, advocacy, speakingUp, other },
    text: texts,
  };
}

export const utf8 = (b: Uint8Array) => new TextDecoder().decode(b);
