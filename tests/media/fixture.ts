import fs from 'node:fs';
import path from 'node:path';
import { b64, tmpDir } from '../helpers/project.ts';
import { speak, type SpokenTurn } from '../helpers/recordings.ts';
import { Service } from '../../src/api/service.ts';

/** A three-turn interview as WebVTT and the words of each turn, spoken at the cue times. */
export const TURNS: (SpokenTurn & { speaker: string; end: number })[] = [
  { speaker: 'Interviewer', text: 'How did the peer worker help you?', at: 0.5, end: 2.8 },
  { speaker: 'P4', text: 'She talked to the nurses for me.', at: 3.5, end: 5.8 },
  { speaker: 'Interviewer', text: 'Anything else?', at: 6.5, end: 7.8 },
];
export const TOTAL = 9;

const ts = (s: number) => `00:00:${s.toFixed(3).padStart(6, '0')}`;
export const VTT = ['WEBVTT', '', ...TURNS.flatMap((t) => [`${ts(t.at)} --> ${ts(t.end)}`, `<v ${t.speaker}>${t.text}`, ''])].join('\n');
export const UNTIMED = TURNS.map((t) => `${t.speaker}: ${t.text}`).join('\n\n');

/** The interview's recording as `name` (its extension picks the format), made once per folder. */
export function recordingIn(dir: string, name: string, total = TOTAL): string {
  const f = path.join(dir, name);
  return fs.existsSync(f) ? f : speak(dir, name, TURNS, total);
}

export async function studyWith(text = VTT, name = 'P4.vtt'): Promise<{ dir: string; file: string; service: Service; documentId: number }> {
  const dir = tmpDir('thematic-media-');
  const file = path.join(dir, 'study.thematic');
  const service = Service.open(file, { create: true });
  const r = await service.call('documents.import', { files: [{ name, contentBase64: b64(text) }], participant: 'P4' });
  return { dir, file, service, documentId: r.documents[0].id };
}
