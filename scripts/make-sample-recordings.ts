// Speaks each VTT interview of the sample study and writes fixtures/recordings/<name>.opus.
//
//   npm exec -- node scripts/make-sample-recordings.ts [VTT...]
//
// Needs espeak-ng, sox and ffmpeg (with libopus) on PATH. Each cue is spoken by espeak-ng with the
// voice of its speaker, sped up (sox tempo) where the speech would run more than 2 s past the cue's end (or into the next cue), and
// placed at the cue's start time with silence in between, so a turn's start time in Thematic is
// where its words begin in the recording. The mix is encoded as mono Opus at a speech bitrate.
// The output is deterministic for given tool versions; regenerate after editing a .vtt.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseClock } from '../src/features/documents/importers/clock.ts';
import { cleanCueText, splitBlocks } from '../src/features/documents/importers/cues.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const TRANSCRIPTS = path.join(ROOT, 'fixtures/sample/transcripts');
const OUT = path.join(ROOT, 'fixtures/recordings');
const RATE = 16_000; // Hz, mono: wideband speech
const BITRATE = '8k';
const WPM = 165; // espeak-ng words per minute before any fitting
const MAX_TEMPO = 1.6; // faster than this is hard to follow; the cue is then cut at its end

/** Interviewer and participant get clearly different voices, per interview. */
const VOICES: Record<string, { interviewer: string; participant: string }> = {
  P8: { interviewer: 'en-gb+f3', participant: 'en-us+m3' },
  P9: { interviewer: 'en-gb+f3', participant: 'en-gb-scotland+m1' },
  P10: { interviewer: 'en-gb+f3', participant: 'en-us+f2' },
  P11: { interviewer: 'en-gb+f3', participant: 'en-gb-x-rp+m7' },
};

interface Cue {
  start: number;
  end: number;
  speaker: string;
  text: string;
}

function readCues(file: string): Cue[] {
  const cues: Cue[] = [];
  for (const block of splitBlocks(fs.readFileSync(file, 'utf8').replace(/\r\n?/g, '\n')).slice(1)) {
    const at = block.lines.findIndex((l) => l.includes('-->'));
    if (at < 0) continue;
    const [from = '', to = ''] = (block.lines[at] ?? '').split('-->').map((s) => s.trim().split(/\s+/)[0] ?? '');
    const start = parseClock(from);
    const end = parseClock(to);
    if (start === null || end === null) throw new Error(`${file}, line ${block.lineNumber + at}: unreadable cue timing`);
    const text = cleanCueText(block.lines.slice(at + 1).join('\n'));
    const m = /^([^:]{1,40}):\s*(.*)$/s.exec(text);
    if (!m) throw new Error(`${file}, line ${block.lineNumber}: cue without a "Speaker:" label`);
    cues.push({ start, end, speaker: m[1]!.trim(), text: m[2]! });
  }
  return cues;
}

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
// -D: sox would otherwise dither with random noise, and the files would differ on every run.
const sox = (args: string[]) => run('sox', ['-D', ...args]);
const samples = (wav: string) => Number(run('soxi', ['-s', wav]).trim());

const fitted = { faster: 0, cut: 0 };

function speak(work: string, cue: Cue, n: number, voice: string, room: number): string {
  const raw = path.join(work, `${n}-raw.wav`);
  const wav = path.join(work, `${n}.wav`);
  run('espeak-ng', ['-v', voice, '-s', String(WPM), '-w', raw, cue.text]);
  // espeak-ng leaves ~0.1-0.3 s of silence at both ends: trim it so speech starts at the cue time
  const effects = ['silence', '1', '0.02', '0.5%', 'reverse', 'silence', '1', '0.02', '0.5%', 'reverse'];
  sox([raw, '-r', String(RATE), '-c', '1', '-b', '16', wav, 'rate', '-h', ...effects]);
  const have = samples(wav) / RATE;
  if (have > room) {
    const tempo = Math.min(have / room, MAX_TEMPO);
    fitted.faster++;
    if (have / tempo > room) fitted.cut++;
    const fit = path.join(work, `${n}-fit.wav`);
    sox([wav, fit, 'tempo', '-s', tempo.toFixed(4), 'trim', '0', room.toFixed(4)]);
    return fit;
  }
  return wav;
}

function record(vtt: string): void {
  const base = path.basename(vtt, '.vtt');
  const cues = readCues(vtt);
  const participant = cues.find((c) => c.speaker !== 'Interviewer')?.speaker ?? '';
  const voices = VOICES[participant] ?? { interviewer: 'en-gb+f3', participant: 'en-us+m3' };
  fitted.faster = fitted.cut = 0;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `recording-${base}-`));
  try {
    const parts: string[] = [];
    let cursor = 0; // samples written so far
    cues.forEach((cue, n) => {
      const next = cues[n + 1]?.start ?? cue.end;
      // speech may run up to 2 s past the cue's end into silence, never into the next cue
      const room = Math.max(Math.min(next - 0.05, cue.end + 2) - cue.start, 0.3);
      const voice = cue.speaker === 'Interviewer' ? voices.interviewer : voices.participant;
      const wav = speak(work, cue, n, voice, room);
      const startAt = Math.round(cue.start * RATE);
      if (startAt < cursor) throw new Error(`${vtt}: cue ${n + 1} starts before the previous cue's speech ends`);
      const padded = path.join(work, `${n}-pad.wav`);
      sox([wav, padded, 'pad', `${startAt - cursor}s`, '0']);
      parts.push(padded);
      cursor = startAt + samples(wav);
    });
    const last = cues.at(-1)!;
    const tail = Math.max(Math.round((last.end + 1) * RATE) - cursor, 0);
    const mix = path.join(work, 'mix.wav');
    sox([...parts, mix, 'pad', '0', `${tail}s`]);
    fs.mkdirSync(OUT, { recursive: true });
    const opus = path.join(OUT, `${base}.opus`);
    run('ffmpeg', [
      '-hide_banner',
      '-loglevel',
      'error',
      '-y',
      '-i',
      mix,
      '-map_metadata',
      '-1',
      '-fflags',
      '+bitexact',
      '-c:a',
      'libopus',
      '-b:a',
      BITRATE,
      '-vbr',
      'on',
      '-application',
      'voip',
      '-frame_duration',
      '60',
      '-metadata',
      `title=${base} (synthesised, fictional)`,
      opus,
    ]);
    const kb = Math.round(fs.statSync(opus).size / 1024);
    console.log(
      `${path.relative(ROOT, opus)}: ${cues.length} cues (${fitted.faster} sped up, ${fitted.cut} cut at the cue's end), speech ends at ${(cursor / RATE).toFixed(1)} s, last cue ends ${last.end.toFixed(1)} s, ${kb} KB`,
    );
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
const files = args.length
  ? args
  : fs
      .readdirSync(TRANSCRIPTS)
      .filter((f) => f.endsWith('.vtt'))
      .sort()
      .map((f) => path.join(TRANSCRIPTS, f));
for (const file of files) record(path.resolve(file));
