import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { snapshot, tmpDir } from '../helpers/project.ts';
import { runCli } from '../helpers/cli.ts';
import { sparseFile, speak } from '../helpers/recordings.ts';
import { recordingIn, TURNS, VTT } from './fixture.ts';
import { Service } from '../../src/api/service.ts';

const dir = tmpDir('thematic-media-cli-');
const rec: Record<string, string> = {};

beforeAll(() => {
  rec.m4a = recordingIn(dir, 'P4.m4a');
  rec.mp3 = recordingIn(dir, 'P4.mp3');
  rec.opus = recordingIn(dir, 'P4.opus');
  rec.wav = recordingIn(dir, 'P4.wav');
  const bad = path.join(dir, 'bad');
  fs.mkdirSync(bad);
  fs.writeFileSync(path.join(bad, 'notes.mp3'), 'Interview notes, not a recording.\nP4 spoke about the nurses.\n');
  fs.writeFileSync(path.join(bad, 'notes.txt'), 'Interview notes.');
  const mp3 = fs.readFileSync(rec.mp3);
  fs.writeFileSync(path.join(bad, 'cut.mp3'), mp3.subarray(0, Math.floor(mp3.length / 2)));
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', rec.wav, '-c:a', 'ac3', path.join(bad, 'ac3.m4a')]);
  execFileSync('ffmpeg', [
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'color=c=gray:s=160x120:r=10',
    '-i',
    rec.wav,
    '-c:v',
    'mpeg4',
    '-c:a',
    'aac',
    '-shortest',
    path.join(bad, 'mpeg4.mp4'),
  ]);
  speak(bad, 'short.m4a', TURNS.slice(0, 1));
  sparseFile(path.join(bad, 'huge.mp4'), 4 * 2 ** 30);
}, 120_000);

async function project(): Promise<{ file: string; snap: () => unknown }> {
  const d = tmpDir('thematic-media-proj-');
  const file = path.join(d, 'study.thematic');
  fs.writeFileSync(path.join(d, 'P4.vtt'), VTT);
  expect((await runCli(['import', file, path.join(d, 'P4.vtt'), '--participant', 'P4'])).code).toBe(0);
  const snap = () => {
    const s = Service.open(file);
    try {
      return snapshot(s);
    } finally {
      s.close();
    }
  };
  return { file, snap };
}

describe('thematic media FILE DOCUMENT RECORDING', () => {
  it('links a recording by its path relative to the project, lists it, and copies it beside the project with --copy', async () => {
    const { file } = await project();
    const r = await runCli(['media', file, 'P4', rec.opus]);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^Linked .*P4\.opus to P4: 0:09, Opus$/);
    const list = await runCli(['media', file, '--json']);
    const [one] = JSON.parse(list.out);
    expect(one).toMatchObject({ document: 'P4', fileName: 'P4.opus', status: 'ok', copied: false, mime: 'audio/ogg' });
    expect(one.path).toBe(path.relative(path.dirname(file), rec.opus).split(path.sep).join('/'));
    expect(one.path.startsWith('../')).toBe(true);
    const copy = await runCli(['media', file, 'P4.vtt', rec.mp3, '--copy']);
    expect(copy.out).toMatch(/\(copied beside the project\)$/);
    const again = JSON.parse((await runCli(['media', file, '--json'])).out)[0];
    expect(again).toMatchObject({ path: 'study-media/P4.mp3', copied: true, codec: 'MPEG 2 Layer 3' });
    expect(fs.readFileSync(path.join(path.dirname(file), 'study-media/P4.mp3')).equals(fs.readFileSync(rec.mp3))).toBe(true);
    expect((await runCli(['media', file, 'P4', '--detach'])).out).toBe('Detached the recording from P4');
    expect((await runCli(['media', file])).out).toMatch(/^No recordings linked/);
  });

  it('shows a moved recording as missing, naming it, and re-links it when it is found beside the project', async () => {
    const { file } = await project();
    const moved = path.join(dir, 'moved-P4.wav');
    fs.copyFileSync(rec.wav, moved);
    await runCli(['media', file, 'P4', moved]);
    const beside = path.join(path.dirname(file), 'moved-P4.wav');
    fs.renameSync(moved, beside);
    expect((await runCli(['media', file])).out).toMatch(/moved-P4\.wav: not found at .*moved-P4\.wav; it was moved or deleted/);
    expect((await runCli(['media', file, 'P4', '--relink'])).out).toBe('Re-linked P4: moved-P4.wav');
  });

  const cases: [string, string, RegExp][] = [
    ['a text file renamed .mp3', 'notes.mp3', /notes\.mp3: not an audio or video file \(its content is text\)$/],
    [
      'a truncated .mp3',
      'cut.mp3',
      /cut\.mp3: the file is truncated: its header announces 0:09 but the 0\.0 MB in it hold only about 0:0[45]$/,
    ],
    [
      'an audio codec the browser cannot play',
      'ac3.m4a',
      /ac3\.m4a: its audio codec AC-3 \(in M4A\/isom\/iso2\) cannot be played by the browser; convert it/,
    ],
    [
      'a video codec the browser cannot play',
      'mpeg4.mp4',
      /mpeg4\.mp4: its video codec mp4v cannot be played by the browser; convert it to H\.264/,
    ],
    [
      'a recording shorter than the transcript',
      'short.m4a',
      /short\.m4a: the recording lasts 0:0[23] but the transcript of P4 has a turn at 0:07; it is not this interview's recording, or it is cut short\. Nothing was linked$/,
    ],
    ['a 4 GB file', 'huge.mp4', /huge\.mp4: the file is 4\.0 GB; recordings of 4 GB or more are not supported/],
    ['a missing file', 'gone.m4a', /gone\.m4a: no such file$/],
    ['a format that is not a recording', 'notes.txt', /notes\.txt: \.txt is not a recording format Thematic plays/],
  ];
  for (const [what, name, message] of cases) {
    it(`refuses ${what} with a message naming the file, and changes nothing`, async () => {
      const { file, snap } = await project();
      const before = snap();
      const t = performance.now();
      const r = await runCli(['media', file, 'P4', path.join(dir, 'bad', name)]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^thematic: /);
      expect(r.err).toMatch(message);
      expect(snap()).toEqual(before);
      expect(fs.existsSync(path.join(path.dirname(file), 'study-media'))).toBe(false);
      if (name === 'huge.mp4') expect(performance.now() - t).toBeLessThan(20_000); // refused from its size, never read
    });
  }
});

describe('thematic import ... --media RECORDING', () => {
  it('imports P4.vtt with P4.m4a linked, pairing by base name', async () => {
    const d = tmpDir('thematic-media-imp-');
    const file = path.join(d, 'study.thematic');
    fs.writeFileSync(path.join(d, 'P4.vtt'), VTT);
    fs.writeFileSync(path.join(d, 'P5.vtt'), VTT.replace(/P4/g, 'P5'));
    const r = await runCli(['import', file, path.join(d, 'P4.vtt'), path.join(d, 'P5.vtt'), '--media', rec.m4a]);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/Linked P4\.m4a to P4: 0:09, MPEG-4\/AAC/);
    const list = JSON.parse((await runCli(['media', file, '--json'])).out);
    expect(list.map((x: { document: string }) => x.document)).toEqual(['P4']);
  });

  it('imports nothing when the recording is refused', async () => {
    const d = tmpDir('thematic-media-imp-');
    const file = path.join(d, 'study.thematic');
    fs.writeFileSync(path.join(d, 'P4.vtt'), VTT);
    const bad = await runCli(['import', file, path.join(d, 'P4.vtt'), '--media', path.join(dir, 'bad', 'notes.mp3')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/notes\.mp3: not an audio or video file/);
    expect(fs.existsSync(file)).toBe(false);
    const short = await runCli(['import', file, path.join(d, 'P4.vtt'), '--media', path.join(dir, 'bad', 'short.m4a')]);
    expect(short.code).toBe(2);
    expect(short.err).toMatch(/short\.m4a: the recording lasts .* The import was undone; nothing was imported$/);
    expect(JSON.parse((await runCli(['docs', file, '--json'])).out)).toEqual([]);
    const unpaired = await runCli([
      'import',
      file,
      path.join(d, 'P4.vtt'),
      path.join(d, 'P4.vtt'),
      '--media',
      path.join(dir, 'x', 'Q9.m4a'),
    ]);
    expect(unpaired.err).toMatch(/--media .*Q9\.m4a: no transcript named q9\.\*/);
  });
});
