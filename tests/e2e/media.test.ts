import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDocument, shot, type Harness, openHarness } from './harness.ts';
import { recordingIn, TURNS, UNTIMED, VTT } from '../media/fixture.ts';

let h: Harness;
let files: string;
beforeAll(async () => {
  h = await openHarness();
  files = fs.mkdtempSync(path.join(h.dir, 'drop-'));
  fs.writeFileSync(path.join(files, 'Q7-recorded.vtt'), VTT.replace(/P4/g, 'Q7'));
  recordingIn(files, 'Q7-recorded.opus');
  fs.writeFileSync(path.join(files, 'Q8-untimed.txt'), UNTIMED.replace(/P4/g, 'Q8'));
  fs.writeFileSync(path.join(files, 'Q9-untimed.txt'), UNTIMED.replace(/P4/g, 'Q9'));
}, 120_000);
afterAll(async () => {
  await h?.close();
});

const mediaState = () =>
  h.page.evaluate(() => {
    const m = document.querySelector<HTMLMediaElement>('[data-testid="player-media"]')!;
    const playing = document.querySelector<HTMLElement>('.transcript-text .turn.turn-playing');
    return { time: m.currentTime, paused: m.paused, ready: m.readyState, playing: playing?.textContent ?? null };
  });

describe('a recording beside the transcript', () => {
  it('is attached by dropping P.vtt with P.opus; clicking a turn plays from its start and the active turn follows', async () => {
    const { page } = h;
    await page.keyboard.press('3');
    await page.setInputFiles('input[aria-label="Transcript files"]', [
      path.join(files, 'Q7-recorded.vtt'),
      path.join(files, 'Q7-recorded.opus'),
    ]);
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="import-count"]')?.textContent === '1 / 1 files' &&
        !/Importing/.test(document.querySelector('.import-progress')?.textContent ?? ''),
    );
    expect(await page.locator('.import-problems').count()).toBe(0);
    const docs = await h.api('documents.list', {});
    const doc = docs.find((d) => d.name === 'Q7-recorded')!;
    expect((await h.api('media.get', { documentId: doc.id }))?.status).toBe('ok');
    await page.keyboard.press('1');
    await openDocument(page, 'Q7-recorded');
    await page.waitForSelector('[data-testid="player-media"]', { state: 'attached' });
    await page.waitForFunction(() => document.querySelector<HTMLMediaElement>('[data-testid="player-media"]')!.readyState >= 1);
    expect(await page.locator('.turn-clock').count()).toBe(3);
    await page.locator('.turn-clock[aria-label="Play from 00:03"]').click();
    await page.waitForFunction(() => !document.querySelector<HTMLMediaElement>('[data-testid="player-media"]')!.paused);
    let s = await mediaState();
    expect(s.time).toBeGreaterThanOrEqual(TURNS[1].at - 0.01);
    expect(s.time).toBeLessThan(TURNS[1].at + 1.5);
    expect(s.playing).toContain('She talked to the nurses');
    // Playing on: the mark moves to the third turn when the recording reaches it.
    await page.waitForFunction(
      (text) => document.querySelector('.transcript-text .turn.turn-playing')?.textContent?.includes(text),
      TURNS[2].text,
      { timeout: 15_000 },
    );
    s = await mediaState();
    expect(s.time).toBeGreaterThanOrEqual(TURNS[2].at - 0.1);
    await shot(page, 'media-player');
    // Scrolling by hand stops following; "Follow playback" resumes it.
    expect(await page.getByRole('button', { name: 'Follow playback' }).count()).toBe(0);
    await page.locator('.transcript-scroll').hover();
    await page.mouse.wheel(0, 300);
    await page.getByRole('button', { name: 'Follow playback' }).click();
    expect(await page.getByRole('button', { name: 'Follow playback' }).count()).toBe(0);
    // Ctrl+Space pauses while text is selected, and the selection stays.
    await page.evaluate(() => {
      const t = document.querySelector('.transcript-text .turn')!.firstChild!.firstChild as Text;
      const r = document.createRange();
      r.setStart(t, 0);
      r.setEnd(t, 5);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(r);
    });
    await page.keyboard.press('Control+Space');
    await page.waitForFunction(() => document.querySelector<HTMLMediaElement>('[data-testid="player-media"]')!.paused);
    expect(await page.evaluate(() => document.getSelection()!.toString())).toBe('How d');
    const before = (await mediaState()).time;
    await page.locator('button[aria-label="Replay the last 5 seconds"]').click();
    s = await mediaState();
    expect(s.time).toBeLessThan(before - 3);
    expect(h.pageErrors).toEqual([]);
  }, 60_000);

  it('times an untimed transcript from sync points set while listening', async () => {
    const { page } = h;
    const r = await h.api('documents.import', {
      files: [{ name: 'Q8-untimed.txt', contentBase64: fs.readFileSync(path.join(files, 'Q8-untimed.txt')).toString('base64') }],
    });
    const documentId = r.documents[0].id;
    await h.api('media.attach', {
      documentId,
      fileName: 'Q8.opus',
      contentBase64: fs.readFileSync(path.join(files, 'Q7-recorded.opus')).toString('base64'),
    });
    await page.reload();
    await page.waitForSelector('.app[data-ready="true"]');
    await openDocument(page, 'Q8-untimed');
    await page.waitForFunction(() => document.querySelector<HTMLMediaElement>('[data-testid="player-media"]')?.readyState! >= 1);
    expect(await page.locator('.turn-clock').count()).toBe(0);
    await page.getByRole('button', { name: 'Sync points' }).click();
    // Turn 1 at 0.5 s, turn 3 at 6.5 s: seek there and press Ctrl+M, as a researcher would while listening.
    await page.evaluate(() => {
      document.querySelector<HTMLMediaElement>('[data-testid="player-media"]')!.currentTime = 0.5;
    });
    await page.waitForFunction(
      () => Math.abs(document.querySelector<HTMLMediaElement>('[data-testid="player-media"]')!.currentTime - 0.5) < 0.01,
    );
    await page.keyboard.press('Control+m');
    await page.locator('.transcript-text .turn', { hasText: 'Anything else' }).click();
    await page.evaluate(() => {
      document.querySelector<HTMLMediaElement>('[data-testid="player-media"]')!.currentTime = 6.5;
    });
    await page.waitForFunction(
      () => Math.abs(document.querySelector<HTMLMediaElement>('[data-testid="player-media"]')!.currentTime - 6.5) < 0.01,
    );
    await page.keyboard.press('Control+m');
    await page.getByRole('button', { name: 'Save turn times' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.turn-clock').length === 3);
    // Marking with Ctrl+M is not scrolling away: playback is still followed.
    expect(await page.getByRole('button', { name: 'Follow playback' }).count()).toBe(0);
    const turns = (await h.api('documents.get', { id: documentId })).turns;
    expect(turns[0].timeStart).toBe(0.5);
    expect(turns[2].timeStart).toBe(6.5);
    expect(turns[1].timeStart).toBeGreaterThan(0.5);
    expect(turns[1].timeStart).toBeLessThan(6.5);
    await shot(page, 'media-sync');
    expect(h.pageErrors).toEqual([]);
  }, 60_000);

  it('removes one sync mark before saving; undo and redo of the saved times show at once, without reopening the transcript', async () => {
    const { page } = h;
    const r = await h.api('documents.import', {
      files: [{ name: 'Q9-untimed.txt', contentBase64: fs.readFileSync(path.join(files, 'Q9-untimed.txt')).toString('base64') }],
    });
    const documentId = r.documents[0].id;
    await h.api('media.attach', {
      documentId,
      fileName: 'Q9.opus',
      contentBase64: fs.readFileSync(path.join(files, 'Q7-recorded.opus')).toString('base64'),
    });
    await page.reload();
    await page.waitForSelector('.app[data-ready="true"]');
    await openDocument(page, 'Q9-untimed');
    await page.waitForFunction(() => document.querySelector<HTMLMediaElement>('[data-testid="player-media"]')?.readyState! >= 1);
    const seekTo = async (t: number) => {
      await page.evaluate((at) => {
        document.querySelector<HTMLMediaElement>('[data-testid="player-media"]')!.currentTime = at;
      }, t);
      await page.waitForFunction(
        (at) => Math.abs(document.querySelector<HTMLMediaElement>('[data-testid="player-media"]')!.currentTime - at) < 0.01,
        t,
      );
    };
    const shownTimes = () =>
      page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.transcript-text .turn')].map((p) => p.dataset.time));
    await page.getByRole('button', { name: 'Sync points' }).click();
    // Turn 1 at 0.5 s, turn 2 (by mistake) at 2 s, turn 3 at 6.5 s.
    await seekTo(0.5);
    await page.keyboard.press('Control+m');
    await seekTo(2);
    await page.keyboard.press('Control+m');
    await seekTo(6.5);
    await page.keyboard.press('Control+m');
    expect(await page.locator('[data-testid="sync-mark"]').allTextContents()).toEqual(['00:00.5×', '00:02.0×', '00:06.5×']);
    await shot(page, 'media-sync-marks');
    // The wrong mark is removed from the keyboard, by its name; the others stay.
    await page.getByRole('button', { name: 'Remove sync point: turn 2 at 00:02.0' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('[data-testid="sync-mark"]').allTextContents()).toEqual(['00:00.5×', '00:06.5×']);
    await expect.poll(() => page.locator('.player-sync').textContent()).toContain('2 marked');
    await page.getByRole('button', { name: 'Save turn times' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.turn-clock').length === 3);
    expect(await page.locator('[data-testid="sync-mark"]').count()).toBe(0);
    // Turn 2 is interpolated from the two marks left, by where its text starts (not the removed 2 s).
    const { turns } = await h.api('documents.get', { id: documentId });
    expect(turns.map((t) => t.timeStart)).toEqual([
      0.5,
      expect.closeTo(0.5 + (6 * (turns[1].start - turns[0].start)) / (turns[2].start - turns[0].start), 2),
      6.5,
    ]);
    expect(turns[1].timeStart).not.toBeCloseTo(2, 1);
    const timed = ['00:00', `00:0${Math.floor(turns[1].timeStart!)}`, '00:06'];
    expect(await shownTimes()).toEqual(timed);
    // The transcript is not reloaded: the same paragraphs show the times undone and redone.
    await page.evaluate(() => {
      (document.querySelector('.transcript-text .turn') as HTMLElement & { kept?: boolean }).kept = true;
    });
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => document.querySelectorAll('.turn-clock').length === 0);
    expect(await shownTimes()).toEqual(['', '', '']);
    expect((await h.api('documents.get', { id: documentId })).turns.map((t) => t.timeStart)).toEqual([null, null, null]);
    await page.keyboard.press('Control+Shift+z');
    await page.waitForFunction(() => document.querySelectorAll('.turn-clock').length === 3);
    expect(await shownTimes()).toEqual(timed);
    expect(await page.evaluate(() => (document.querySelector('.transcript-text .turn') as HTMLElement & { kept?: boolean }).kept)).toBe(
      true,
    );
    // The active turn follows the times as they are now.
    await seekTo(6.6);
    await page.waitForFunction(() => document.querySelector('.transcript-text .turn.turn-playing')?.textContent?.includes('Anything else'));
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => !document.querySelector('.transcript-text .turn.turn-playing'));
    await page.keyboard.press('Control+Shift+z');
    await page.waitForFunction(() => document.querySelectorAll('.turn-clock').length === 3);
    expect(h.pageErrors).toEqual([]);
  }, 60_000);

  it('shows the time range of a coding on its card and in the quotes view, where ▶ plays the quote', async () => {
    const { page } = h;
    const doc = (await h.api('documents.list', {})).find((d) => d.name === 'Q7-recorded')!;
    const { text } = await h.api('documents.get', { id: doc.id });
    const code = await h.api('codes.create', { name: 'Talking to nurses' });
    const at = text.indexOf('talked to the nurses');
    await h.api('codings.create', { documentId: doc.id, codeId: code.id, coder: 'Amira', start: at, end: at + 20 });
    await page.reload();
    await page.waitForSelector('.app[data-ready="true"]');
    await openDocument(page, 'Q7-recorded');
    await page.locator('.transcript-text .turn', { hasText: 'talked to the nurses' }).click({ position: { x: 200, y: 8 } });
    await page.waitForSelector('.coding-card [data-testid="quote-time"]');
    expect(await page.locator('.coding-card [data-testid="quote-time"]').textContent()).toBe('▶ 00:03–00:05');
    await page.locator('.coding-card .card-title button.link').click();
    await page.keyboard.press('2');
    await page.waitForSelector('.quote-item [data-testid="quote-time"] button');
    await page.locator('.quote-item [data-testid="quote-time"] button[aria-label="Hear 00:03–00:05"]').click();
    await page.waitForFunction(() => {
      const a = document.querySelector<HTMLAudioElement>('[data-testid="quote-audio"]');
      return a && !a.paused && a.currentTime >= 3.5;
    });
    // It stops at the end of the quote's turn.
    await page.waitForFunction(() => document.querySelector<HTMLAudioElement>('[data-testid="quote-audio"]')!.paused, undefined, {
      timeout: 10_000,
    });
    const end = await page.evaluate(() => document.querySelector<HTMLAudioElement>('[data-testid="quote-audio"]')!.currentTime);
    expect(end).toBeGreaterThanOrEqual(5.8);
    expect(end).toBeLessThan(6.5);
    await shot(page, 'media-quotes');
    expect(h.pageErrors).toEqual([]);
  }, 60_000);

  it('attaches from the document page, refuses a non-recording by name, and shows a moved file until it is found again', async () => {
    const { page } = h;
    await openDocument(page, 'Z-edge-cases');
    await page.waitForSelector('.player:has-text("No recording.")');
    const fake = path.join(files, 'fake.mp3');
    fs.writeFileSync(fake, 'This is a text file, not a recording.');
    await page.setInputFiles('input[aria-label="Recording file"]', fake);
    await page.waitForSelector('.player [role="alert"]');
    expect(await page.locator('.player [role="alert"]').textContent()).toBe('fake.mp3: not an audio or video file (its content is text)');
    expect(await h.api('media.get', { documentId: h.edgeDocId })).toBeNull();
    await page.setInputFiles('input[aria-label="Recording file"]', path.join(files, 'Q7-recorded.opus'));
    await page.waitForSelector('[data-testid="player-media"]', { state: 'attached' });
    // Moved away: the player says where it looked; "Find it again" finds it beside the project.
    const dir = path.dirname(h.service.path);
    const linked = (await h.api('media.get', { documentId: h.edgeDocId }))!;
    fs.renameSync(path.join(dir, linked.path), path.join(dir, 'Q7-recorded.opus'));
    await page.reload();
    await page.waitForSelector('.app[data-ready="true"]');
    await openDocument(page, 'Z-edge-cases');
    await page.waitForSelector('.player [role="alert"]');
    expect(await page.locator('.player [role="alert"]').textContent()).toMatch(
      /^Q7-recorded\.opus: not found at .*study-media.*Q7-recorded\.opus; it was moved or deleted/,
    );
    await shot(page, 'media-missing');
    await page.getByRole('button', { name: 'Find it again' }).click();
    await page.waitForSelector('[data-testid="player-media"]', { state: 'attached' });
    expect((await h.api('media.get', { documentId: h.edgeDocId }))?.path).toBe('Q7-recorded.opus');
    // The one refused call (the text file) is the only failed request.
    expect(h.pageErrors).toEqual(['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
  }, 60_000);
});
