import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../../src/features/documents/importers/index.ts';
import { expectValidTurns, turnTexts, utf8 } from './helpers.ts';

const parse = async (name: string, s: string) => {
  const r = await parseTranscript(name, utf8(s));
  expectValidTurns(r);
  return r;
};

describe('WebVTT', () => {
  it('reads Zoom "Name: text" cues and merges consecutive cues of a speaker', async () => {
    const r = await parse(
      'z.vtt',
      'WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.500\nAnn Lee: Hello 😀\n\n2\n00:00:02.600 --> 00:00:04.000\nAnn Lee: and cafe\u0301.\n\n3\n00:00:04.000 --> 00:00:05.000\nBob: Hi.\n',
    );
    expect(r.format).toBe('vtt');
    expect(r.turns.map((t) => [t.speaker, t.timeStart, t.timeEnd])).toEqual([
      ['Ann Lee', 1, 4],
      ['Bob', 4, 5],
    ]);
    expect(turnTexts(r)).toEqual(['Hello 😀 and café.', 'Hi.']);
    expect(r.warnings).toEqual([]);
  });

  it('reads Teams voice tags, skips NOTE and STYLE blocks, ignores cue settings and strips tags', async () => {
    const r = await parse(
      't.vtt',
      [
        'WEBVTT - Teams export',
        'Kind: captions',
        '',
        'NOTE this is a note',
        'spanning lines',
        '',
        'STYLE',
        '::cue { color: red }',
        '',
        'a1b2-3',
        '00:00:01.000 --> 00:00:02.000 align:start position:10%',
        '<v Dr. Ng>So <i>how</i> are <c.yellow>you</c>?</v>',
        '',
        '00:00:02.000 --> 00:00:03.000',
        '<v.loud P4>Fine &amp; <00:00:02.500>well,</v>',
        '<v P4>thanks.</v>',
        '',
        '01:00.000 --> 01:02.000',
        '<v Dr. Ng>Good &lt;3</v>',
      ].join('\n'),
    );
    expect(r.turns.map((t) => [t.speaker, t.timeStart, t.timeEnd])).toEqual([
      ['Dr. Ng', 1, 2],
      ['P4', 2, 3],
      ['Dr. Ng', 60, 62],
    ]);
    expect(turnTexts(r)).toEqual(['So how are you?', 'Fine & well, thanks.', 'Good <3']);
  });

  it('skips cues with broken timestamps, warns naming them, and keeps the rest', async () => {
    const r = await parse(
      'b.vtt',
      'WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nP1: one\n\n2\n00:00:xx.000 --> 00:00:03.000\nP1: lost\n\n3\n00:00:04.000 --> 00:00:05.000\nP2: three',
    );
    expect(turnTexts(r)).toEqual(['one', 'three']);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/cue "2" \(line 8\): unreadable timestamp "00:00:xx.000 --> 00:00:03.000"/);
  });

  it('gives unattributed cues paragraphs by pause and length', async () => {
    const r = await parse(
      'n.vtt',
      'WEBVTT\n\n00:01.000 --> 00:02.000\none\n\n00:02.500 --> 00:03.000\ntwo\n\n00:09.000 --> 00:10.000\nthree',
    );
    expect(turnTexts(r)).toEqual(['one two', 'three']);
    expect(r.turns.map((t) => t.speaker)).toEqual([null, null]);
  });

  it('fails when nothing is readable, or the .vtt has no WEBVTT header', async () => {
    await expect(parseTranscript('x.vtt', utf8('WEBVTT\n\n1\nbad --> worse\nhello'))).rejects.toThrow(
      /^x\.vtt: no readable cues \(cue "1" \(line 4\): unreadable timestamp/,
    );
    await expect(parseTranscript('y.vtt', utf8('1\n00:00:01.000 --> 00:00:02.000\nhello'))).rejects.toThrow(
      'y.vtt: not a WebVTT file (the first line must be "WEBVTT")',
    );
  });

  it('treats a .txt holding WebVTT as WebVTT', async () => {
    const r = await parse('captions.txt', 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann>hi</v>');
    expect(r.format).toBe('vtt');
    expect(r.turns[0]?.speaker).toBe('Ann');
  });
});
