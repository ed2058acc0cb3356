import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseFile } from 'music-metadata';
import { describe, expect, it } from 'vitest';
import { parseVtt } from '../../src/features/documents/importers/vtt.ts';

// The sample study's recordings are made by scripts/make-sample-recordings.ts and committed.
const ROOT = path.resolve(import.meta.dirname, '../..');
const TRANSCRIPTS = path.join(ROOT, 'fixtures/sample/transcripts');
const RECORDINGS = path.join(ROOT, 'fixtures/recordings');
const VTTS = fs
  .readdirSync(TRANSCRIPTS)
  .filter((f) => f.endsWith('.vtt'))
  .sort();

const turnsOf = (vtt: string) => parseVtt(vtt, fs.readFileSync(path.join(TRANSCRIPTS, vtt), 'utf8')).turns;

/** Mono 8 kHz samples, decoded by ffmpeg (installed by .ci/run). */
function decode(file: string): Int16Array {
  const pcm = execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-f', 's16le', '-ac', '1', '-ar', '8000', '-'], { maxBuffer: 64 << 20 });
  return new Int16Array(pcm.buffer, pcm.byteOffset, pcm.byteLength / 2);
}

/** Root mean square of [from, to) seconds. */
function rms(pcm: Int16Array, from: number, to: number): number {
  const a = Math.max(0, Math.round(from * 8000));
  const b = Math.min(pcm.length, Math.round(to * 8000));
  let sum = 0;
  for (let i = a; i < b; i++) sum += pcm[i]! * pcm[i]!;
  return Math.sqrt(sum / Math.max(1, b - a));
}

describe('sample study recordings', () => {
  it('there is one for each of the 4 VTT interviews', () => {
    expect(VTTS).toHaveLength(4);
    expect(
      fs
        .readdirSync(RECORDINGS)
        .filter((f) => f.endsWith('.opus'))
        .sort(),
    ).toEqual(VTTS.map((f) => f.replace(/\.vtt$/, '.opus')));
  });

  it.each(VTTS)('%s: a small mono Opus file at least as long as its last cue', async (vtt) => {
    const file = path.join(RECORDINGS, vtt.replace(/\.vtt$/, '.opus'));
    const size = fs.statSync(file).size;
    expect(size).toBeGreaterThan(100_000);
    expect(size).toBeLessThan(800_000);
    const { format } = await parseFile(file, { duration: true });
    expect(format.container).toBe('Ogg');
    expect(format.codec).toBe('Opus');
    expect(format.numberOfChannels).toBe(1);
    const lastEnd = turnsOf(vtt).at(-1)!.timeEnd!;
    expect(lastEnd).toBeGreaterThan(15 * 60);
    expect(format.duration).toBeGreaterThanOrEqual(lastEnd);
    expect(format.duration).toBeLessThan(lastEnd + 5);
  });

  it.each(VTTS)('%s: each turn is heard from its start time, with silence before it', (vtt) => {
    const pcm = decode(path.join(RECORDINGS, vtt.replace(/\.vtt$/, '.opus')));
    const turns = turnsOf(vtt);
    expect(rms(pcm, 0, turns[0]!.timeStart! - 0.1)).toBeLessThan(30);
    turns.forEach((turn, i) => {
      const start = turn.timeStart!;
      expect(rms(pcm, start, start + 0.4), `turn ${i + 1} at ${start} s`).toBeGreaterThan(300);
      const previousEnd = turns[i - 1]?.timeEnd ?? 0;
      // speech may run up to 2 s past a cue's end, so only long gaps are checked for silence
      if (start - previousEnd > 3) expect(rms(pcm, previousEnd + 2.2, start - 0.1), `gap before turn ${i + 1}`).toBeLessThan(30);
    });
  });
});
