import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Recordings made for tests: espeak-ng speaks each turn to WAV and sox lays the turns out at their
 * start times (silence between them) in one file, then converts it by the extension asked for
 * (sox for .wav/.flac/.ogg, ffmpeg for .mp3/.m4a/.opus/.webm/.mp4). A missing tool fails the test.
 */
export interface SpokenTurn {
  text: string;
  at: number;
}

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
/** `fast`: 8 kHz and the cheapest Opus settings, for long recordings that are mostly silence. */
export function speak(dir: string, name: string, turns: SpokenTurn[], total?: number, opts: { fast?: boolean } = {}): string {
  const RATE = opts.fast ? '8000' : '22050';
  fs.mkdirSync(dir, { recursive: true });
  const work = fs.mkdtempSync(path.join(dir, '.speak-'));
  const parts: string[] = [];
  let t = 0;
  turns.forEach((turn, k) => {
    if (turn.at > t + 0.001) {
      parts.push(silence(work, `gap${k}`, turn.at - t, RATE));
      t = turn.at;
    }
    const raw = path.join(work, `raw${k}.wav`),
      wav = path.join(work, `turn${k}.wav`);
    run('espeak-ng', ['-s', '190', '-w', raw, turn.text]);
    run('sox', [raw, '-r', RATE, '-c', '1', wav]);
    parts.push(wav);
    t += Number(run('soxi', ['-D', wav]).trim());
  });
  if (total !== undefined && total > t + 0.001) parts.push(silence(work, 'tail', total - t, RATE));
  const joined = path.join(work, 'joined.wav');
  if (parts.length === 1) fs.copyFileSync(parts[0], joined);
  else run('sox', [...parts, joined]);
  const out = path.join(dir, name);
  convert(joined, out, opts.fast);
  fs.rmSync(work, { recursive: true, force: true });
  return out;
}

function silence(dir: string, name: string, seconds: number, rate: string): string {
  const f = path.join(dir, `${name}.wav`);
  run('sox', ['-n', '-r', rate, '-c', '1', '-b', '16', f, 'trim', '0', seconds.toFixed(3)]);
  return f;
}

/** Converts a WAV to the format of `out`'s extension. */
export function convert(wav: string, out: string, fast = false): void {
  const ext = path.extname(out).toLowerCase();
  const ff = (args: string[]) => run('ffmpeg', ['-loglevel', 'error', '-y', '-i', wav, ...args, out]);
  if (ext === '.wav' || ext === '.flac') run('sox', [wav, out]);
  else if (ext === '.mp3') ff(['-b:a', '32k']);
  else if (ext === '.m4a') ff(['-c:a', 'aac', '-b:a', '32k']);
  else if (ext === '.opus' || ext === '.ogg' || ext === '.webm')
    ff(['-c:a', 'libopus', ...(fast ? ['-b:a', '8k', '-compression_level', '0'] : ['-b:a', '24k'])]);
  else if (ext === '.mp4')
    run('ffmpeg', [
      '-loglevel',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      'color=c=gray:s=160x120:r=10',
      '-i',
      wav,
      '-c:v',
      'libx264',
      '-c:a',
      'aac',
      '-shortest',
      out,
    ]);
  else throw new Error(`test recordings: no conversion to ${ext}`);
}

/** Seconds of audio in a file, as sox or ffprobe measure it (independent of the code under test). */
export function durationOf(file: string): number {
  return Number(run('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file]).trim());
}

/** A sparse file of `bytes` bytes (no disk used): for size limits. */
export function sparseFile(file: string, bytes: number, head?: Buffer): string {
  const fd = fs.openSync(file, 'w');
  try {
    if (head) fs.writeSync(fd, head, 0, head.length, 0);
    fs.ftruncateSync(fd, bytes);
  } finally {
    fs.closeSync(fd);
  }
  return file;
}
