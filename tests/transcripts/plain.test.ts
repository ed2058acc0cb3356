import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../../src/features/documents/importers/index.ts';
import { expectValidTurns, turnTexts, utf8 } from './helpers.ts';

const parse = async (name: string, s: string) => {
  const r = await parseTranscript(name, utf8(s));
  expectValidTurns(r);
  return r;
};

describe('plain text speaker turns', () => {
  it('reads the common label forms and keeps labels out of the text', async () => {
    const r = await parse(
      'a.txt',
      [
        'Interviewer: How did you hear about it?',
        'P4: From a nurse.',
        'Dr. Smith: I referred her.',
        '[P4] Yes, she did.',
        'P4 (patient): And it helped.',
        'Speaker 1: Okay.',
        'INTERVIEWER: Thanks.',
        'Dr. Smith: Bye.',
      ].join('\n'),
    );
    expect(r.format).toBe('txt');
    expect(r.turns.map((t) => t.speaker)).toEqual([
      'Interviewer',
      'P4',
      'Dr. Smith',
      'P4',
      'P4 (patient)',
      'Speaker 1',
      'INTERVIEWER',
      'Dr. Smith',
    ]);
    expect(turnTexts(r)).toEqual([
      'How did you hear about it?',
      'From a nurse.',
      'I referred her.',
      'Yes, she did.',
      'And it helped.',
      'Okay.',
      'Thanks.',
      'Bye.',
    ]);
    expect(r.text).toBe(turnTexts(r).join('\n'));
  });

  it('continues a turn over unlabelled lines and paragraphs, and ignores a one-off "Note:"', async () => {
    const r = await parse('b.txt', 'P1: First paragraph.\n\nSecond paragraph.\nNote: this was said too.\nP2: Reply.\n');
    expect(r.turns.map((t) => t.speaker)).toEqual(['P1', 'P2']);
    expect(turnTexts(r)[0]).toBe('First paragraph.\nSecond paragraph.\nNote: this was said too.');
  });

  it('does not take ordinary sentences with a colon for labels', async () => {
    const r = await parse(
      'c.txt',
      'P1: I told her this: no way.\nThe reason was simple: money.\nWell, here is the thing: it works.\nP2: Right.',
    );
    expect(r.turns.map((t) => t.speaker)).toEqual(['P1', 'P2']);
    expect(turnTexts(r)[0]).toContain('The reason was simple: money.');
  });

  it('accepts a name label only when it recurs', async () => {
    const once = await parse('d.txt', 'Maria: hello there\n\nsecond paragraph');
    expect(once.turns.every((t) => t.speaker === null)).toBe(true);
    expect(once.text).toBe('Maria: hello there\nsecond paragraph');
    const twice = await parse('e.txt', 'Maria: hello\nJohn Baker: hi\nMaria: bye');
    expect(twice.turns.map((t) => t.speaker)).toEqual(['Maria', 'John Baker', 'Maria']);
    const heading = await parse('f.txt', 'Maria: hello\nMeeting Room 10:30\nMaria: bye');
    expect(heading.turns.map((t) => t.speaker)).toEqual(['Maria', 'Maria']);
    expect(heading.text).toBe('hello\nMeeting Room 10:30\nbye');
  });

  it('makes each paragraph a turn when there are no labels', async () => {
    const r = await parse('f.txt', 'One line.\nstill one.\n\n\nTwo.\n');
    expect(turnTexts(r)).toEqual(['One line.\nstill one.', 'Two.']);
    expect(r.turns.map((t) => t.speaker)).toEqual([null, null]);
  });

  it('puts timestamps next to labels into timeStart', async () => {
    const r = await parse('g.txt', 'P4 (00:01:23): one\n[00:02:00] Interviewer: two\nP4 [1:02:03.5]: three\nSpeaker 2  0:07\nfour');
    expect(r.turns.map((t) => [t.speaker, t.timeStart])).toEqual([
      ['P4', 83],
      ['Interviewer', 120],
      ['P4', 3723.5],
      ['Speaker 2', 7],
    ]);
    expect(turnTexts(r)).toEqual(['one', 'two', 'three', 'four']);
  });

  it('keeps offsets in UTF-16 units with emoji and combining marks, normalised to NFC', async () => {
    const r = await parse('h.txt', '\uFEFFP1: 😀 cafe\u0301 👩🏽‍⚕️ ok\r\nP2: e\u0301 done\r');
    expect(turnTexts(r)).toEqual(['😀 café 👩🏽‍⚕️ ok', 'é done']);
    expect(r.turns[1]?.start).toBe(r.text.indexOf('é done'));
  });

  it('strips markdown emphasis around labels only', async () => {
    const r = await parse('i.md', '# Interview 3\n\n**P4:** I *really* liked it.\n**Interviewer**: And __then__?\n*P4:* Then **more**.');
    expect(r.format).toBe('md');
    expect(r.turns.map((t) => t.speaker)).toEqual([null, 'P4', 'Interviewer', 'P4']);
    expect(turnTexts(r)).toEqual(['# Interview 3', 'I *really* liked it.', 'And __then__?', 'Then **more**.']);
  });

  it('keeps text before the first label as unattributed paragraphs, and a label alone on a line', async () => {
    const r = await parse('j.txt', 'Interview 3\n12 May\n\nSite B\n\nP1:\nI was there.\n\nP2: ok');
    expect(r.turns.map((t) => t.speaker)).toEqual([null, null, 'P1', 'P2']);
    expect(turnTexts(r)).toEqual(['Interview 3\n12 May', 'Site B', 'I was there.', 'ok']);
  });
});

describe('speakerPattern option', () => {
  it('replaces detection with the user pattern, with and without a text group', async () => {
    const text = 'JS > hello\nP1: not a label now\nAB > there';
    const r = await parseTranscript('p.txt', utf8(text), { speakerPattern: '(?<speaker>[A-Z]{2}) > ' });
    expectValidTurns(r);
    expect(r.turns.map((t) => t.speaker)).toEqual(['JS', 'AB']);
    expect(turnTexts(r)).toEqual(['hello\nP1: not a label now', 'there']);
    const g = await parseTranscript('p.txt', utf8('-- ann -- says: hi\n-- bob -- says: yo'), {
      speakerPattern: '/^-- (?<speaker>\\w+) -- says: (?<text>.*)$/i',
    });
    expect(g.turns.map((t) => t.speaker)).toEqual(['ann', 'bob']);
    expect(turnTexts(g)).toEqual(['hi', 'yo']);
  });

  it('warns when the pattern matches nothing', async () => {
    const r = await parseTranscript('p.txt', utf8('P1: hi'), { speakerPattern: '(?<speaker>XYZ):' });
    expect(r.turns.map((t) => t.speaker)).toEqual([null]);
    expect(r.warnings.join()).toMatch(/matched no line/);
  });

  it('rejects an invalid pattern or one without a speaker group', async () => {
    await expect(parseTranscript('p.txt', utf8('P1: hi'), { speakerPattern: '(?<speaker>[a-' })).rejects.toThrow(
      /^p\.txt: invalid speaker pattern \(.+\)/,
    );
    await expect(parseTranscript('p.txt', utf8('P1: hi'), { speakerPattern: '(\\w+):' })).rejects.toThrow(/named group \(\?<speaker>/);
  });
});
