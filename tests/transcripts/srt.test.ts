import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../../src/features/documents/importers/index.ts';
import { expectValidTurns, turnTexts, utf8 } from './helpers.ts';

const cue = (n: number, from: string, to: string, text: string) => `${n}\n00:00:${from} --> 00:00:${to}\n${text}\n`;
const parse = async (name: string, s: string) => {
  const r = await parseTranscript(name, utf8(s));
  expectValidTurns(r);
  return r;
};

describe('SRT', () => {
  it('sorts cues, drops exact and consecutive repeats, and merges close cues', async () => {
    const srt = [
      cue(1, '00,000', '02,000', 'Hello 👋🏽 there.'),
      cue(2, '02,000', '03,000', 'Yes.'),
      cue(3, '00,000', '02,000', 'Hello 👋🏽 there.'),
      cue(4, '02,000', '03,000', 'Yes.'),
      cue(5, '03,500', '04,000', 'Yes.'),
      cue(6, '10,000', '11,000', '<i>Later</i> {\\an8}on.'),
    ].join('\n');
    const r = await parse('w.srt', srt);
    expect(turnTexts(r)).toEqual(['Hello 👋🏽 there. Yes.', 'Later on.']);
    expect(r.turns.map((t) => [t.speaker, t.timeStart, t.timeEnd])).toEqual([
      [null, 0, 4],
      [null, 10, 11],
    ]);
    expect(r.warnings).toEqual(['cues were out of time order; they were sorted by start time', '3 repeated cues were dropped']);
  });

  it('starts a new turn after 120 words even without a pause', async () => {
    const long = (tag: string) => Array.from({ length: 70 }, (_, i) => `${tag}${i}`).join(' ');
    const r = await parse(
      'l.srt',
      [cue(1, '00,000', '01,000', long('a')), cue(2, '01,000', '02,000', long('b')), cue(3, '02,000', '03,000', 'end')].join('\n'),
    );
    expect(r.turns).toHaveLength(2);
    expect(turnTexts(r)[1]).toBe('end');
  });

  it('takes speakers from labels at the start of cue text', async () => {
    const r = await parse(
      's.srt',
      [
        cue(1, '00,000', '01,000', '[SPEAKER_00]: Hi.'),
        cue(2, '01,000', '02,000', '[SPEAKER_01]: Hello.'),
        cue(3, '02,000', '03,000', '[SPEAKER_01]: Again.'),
      ].join('\n'),
    );
    expect(r.turns.map((t) => t.speaker)).toEqual(['SPEAKER_00', 'SPEAKER_01']);
    expect(turnTexts(r)).toEqual(['Hi.', 'Hello. Again.']);
  });

  it('skips cues with broken timings with a warning, and fails when none is readable', async () => {
    const r = await parse(
      'b.srt',
      [cue(1, '00,000', '01,000', 'one'), '2\n00:00:0x,000 --> 00:00:02,000\nlost\n', cue(3, '02,000', '03,000', 'three')].join('\n'),
    );
    expect(turnTexts(r)).toEqual(['one three']);
    expect(r.warnings).toEqual(['cue 2 (line 6): unreadable timestamp "00:00:0x,000 --> 00:00:02,000"; cue skipped']);
    await expect(parseTranscript('n.srt', utf8('1\n00:00:0x,000 --> 00:00:02,000\nlost\n'))).rejects.toThrow(/^n\.srt: no readable cues/);
    await expect(parseTranscript('m.srt', utf8('just some words'))).rejects.toThrow(/^m\.srt: no subtitle cues found$/);
  });
});
