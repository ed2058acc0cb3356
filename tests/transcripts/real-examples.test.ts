import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../../src/features/documents/importers/index.ts';
import type { ParsedTranscript } from '../../src/features/documents/importers/index.ts';
import { expectValidTurns, expectWordsInOrder, words } from './helpers.ts';

const dir = path.resolve(import.meta.dirname, '../../../shared/transcripts');

/**
 * The spoken words of each example, read independently of the importer (simple per-format rules),
 * and the speakers the README promises.
 */
const examples: Record<string, { spoken: (source: string) => string[]; speakers: (string | null)[] }> = {
  'qualcoder_Examples_transcript.txt': {
    spoken: (s) => words(s.replace(/\[id\d\]/g, ' ')),
    speakers: ['id1', 'id2', 'id3'],
  },
  'zoom_PLC_Fishbowl_transcript.vtt': {
    spoken: (s) =>
      s
        .split(/\r?\n/)
        .filter((l) => !/^(WEBVTT|\d+|\S+ --> \S+)?$/.test(l.trim()))
        .flatMap((l) => words(l.replace(/^Caleob King: /, ''))),
    speakers: ['Caleob King'],
  },
  'zoom_meeting_saved_closed_caption_TranscriptPhaseCoder.txt': {
    spoken: (s) =>
      s
        .split(/\r?\n/)
        .filter((l) => !/^\[[^\]]+\] \d\d:\d\d:\d\d$/.test(l))
        .flatMap(words),
    speakers: ['Experimenter', 'G3P1', 'G3P2'],
  },
  'whisperlive_transcript_nl_consult.srt': {
    // Whisper repeats cues while streaming: the spoken content is each distinct cue once, in time order.
    spoken: (s) => {
      const cues = new Map<string, string>();
      for (const block of s.trim().split(/\r?\n\r?\n/)) {
        const [, timing = '', ...text] = block.split(/\r?\n/);
        cues.set(`${timing}|${text.join(' ')}`, text.join(' '));
      }
      return [...cues.entries()].sort(([a], [b]) => a.localeCompare(b)).flatMap(([, t]) => words(t));
    },
    speakers: [null],
  },
};

describe.skipIf(!existsSync(dir))(`real transcript exports in ${dir}`, () => {
  it('has an expectation for every example file', async () => {
    const { readdirSync } = await import('node:fs');
    expect(
      readdirSync(dir)
        .filter((f) => f !== 'README.md')
        .sort(),
    ).toEqual(Object.keys(examples).sort());
  });

  for (const [file, expected] of Object.entries(examples)) {
    it(`imports ${file} without losing a word`, async () => {
      const bytes = readFileSync(path.join(dir, file));
      const source = new TextDecoder().decode(bytes);
      const r: ParsedTranscript = await parseTranscript(file, new Uint8Array(bytes));
      expectValidTurns(r);
      expect(r.warnings.filter((w) => /unreadable|skipped/.test(w))).toEqual([]);
      expectWordsInOrder(expected.spoken(source), words(r.text));
      expect(words(r.text).length).toBe(expected.spoken(source).length);
      expect([...new Set(r.turns.map((t) => t.speaker))].sort()).toEqual([...expected.speakers].sort());
    });
  }
});
