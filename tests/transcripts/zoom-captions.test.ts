import { describe, expect, it } from 'vitest';
import { detectFormat, parseTranscript } from '../../src/features/documents/importers/index.ts';
import { expectValidTurns, turnTexts, utf8 } from './helpers.ts';

describe('Zoom saved closed captions', () => {
  const sample = '[Ann Lee] 23:59:58\r\nHello…\r\n\r\n[Ann Lee] 23:59:59\r\nstill me 🙂\r\n\r\n[P2] 00:00:03\r\nHi\r\nthere.\r\n';

  it('is recognised in a .txt and gives one turn per run of one speaker', async () => {
    expect(detectFormat('meeting_saved_closed_caption.txt', utf8(sample))).toBe('zoom-cc');
    const r = await parseTranscript('meeting_saved_closed_caption.txt', utf8(sample));
    expectValidTurns(r);
    expect(r.format).toBe('zoom-cc');
    expect(turnTexts(r)).toEqual(['Hello… still me 🙂', 'Hi there.']);
    // Times are relative to the first caption, across midnight.
    expect(r.turns.map((t) => [t.speaker, t.timeStart, t.timeEnd])).toEqual([
      ['Ann Lee', 0, 5],
      ['P2', 5, null],
    ]);
  });

  it('does not mistake bracketed speaker tags followed by speech for captions', () => {
    expect(detectFormat('focus.txt', utf8('[id1] hello 10:00:00\n\n[id2] hi'))).toBe('txt');
  });
});
