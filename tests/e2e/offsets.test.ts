import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { highlightTexts, openDocument, openHarness, selectText, shot, type Harness } from './harness.ts';

let h: Harness;
let text: string;

beforeAll(async () => {
  h = await openHarness();
  text = (await h.api('documents.get', { id: h.edgeDocId })).text;
  await openDocument(h.page, 'Z-edge-cases');
});
afterAll(async () => {
  await h?.close();
});

const codingsOf = async (name: string) => {
  const code = (await h.api('codes.list', {})).find((c) => c.name === name);
  return code ? await h.api('codings.list', { codeId: code.id }) : [];
};

/** Selects, opens the picker with C, types a new code's name and creates it with Enter. */
async function codeSelectionAs(name: string) {
  await h.page.keyboard.press('c');
  await h.page.getByLabel('Code name').fill(name);
  await h.page.locator('.picker-list li.active', { hasText: `Create code “${name}”` }).waitFor();
  await h.page.keyboard.press('Enter');
  await expect.poll(async () => (await codingsOf(name)).length).toBe(1);
  return (await codingsOf(name))[0];
}

describe('offsets and untrusted text', () => {
  it('shows HTML and script in a transcript as literal text, never as markup', async () => {
    const { page } = h;
    const shown = await page.locator('.transcript-text').textContent();
    expect(shown).toContain('<script>alert(1)</script>');
    expect(shown).toContain('<b>x</b>');
    expect(await page.locator('.transcript-text script, .transcript-text b').count()).toBe(0);
    expect(h.dialogs).toEqual([]);
    // Speaker labels are decoration: they are not in the selectable text.
    expect(shown).not.toContain('Interviewer');
    await shot(page, '04-edge-cases');
  });

  it('codes emoji (surrogate pairs, ZWJ sequences) and combining marks at their exact UTF-16 offsets', async () => {
    const quote = '👩🏽‍⚕️ and q\u0307 with x\u0332';
    await selectText(h.page, quote);
    const c = await codeSelectionAs('Emoji span');
    const start = text.indexOf(quote);
    expect([c.start, c.end]).toEqual([start, start + quote.length]);
    expect(text.slice(c.start, c.end)).toBe(quote);
    await expect.poll(() => highlightTexts(h.page, `code-${c.codeId}`)).toEqual([quote]);
  });

  it('a selection ending right after an emoji and one starting right before a combining mark keep whole characters', async () => {
    const quote = 'I typed 😀';
    await selectText(h.page, quote);
    const c = await codeSelectionAs('Ends on emoji');
    const start = text.indexOf(quote);
    expect([c.start, c.end]).toEqual([start, start + quote.length]);
    const q2 = 'x\u0332 marks';
    await selectText(h.page, q2);
    const c2 = await codeSelectionAs('Combining start');
    expect(text.slice(c2.start, c2.end)).toBe(q2);
  });

  it('codes a selection across two speaker turns from the start of one to the end of the other', async () => {
    const from = 'And after that?',
      to = 'After that the peer worker came with 🧃';
    await selectText(h.page, from, to);
    const c = await codeSelectionAs('Across turns');
    const start = text.indexOf(from);
    expect([c.start, c.end]).toEqual([start, text.indexOf(to) + to.length]);
    expect(text.slice(c.start, c.end)).toBe('And after that?\nAfter that the peer worker came with 🧃');
  });

  it('has no browser errors', () => {
    expect(h.pageErrors).toEqual([]);
  });
});
