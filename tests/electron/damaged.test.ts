// Issue 13 on the desktop: a damaged project's refusal offers the two ways out as buttons
// (electron/damaged.ts, with a fake dialog; the ways out are the Service's, on a real damaged file).
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { DAMAGED_BUTTONS, offerWaysOut } from '../../electron/damaged.ts';
import { Service } from '../../src/api/service.ts';
import { backupSettings } from '../../src/lib/backup-paths.ts';
import { tmpDir } from '../helpers/project.ts';
import { tearLeafPage } from '../helpers/damage.ts';

vi.mock('electron', () => ({}));

const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');

async function damagedProject(): Promise<string> {
  const file = path.join(tmpDir(), 'study.thematic');
  const s = Service.open(file, { create: true });
  for (let k = 1; k <= 2; k++) {
    const text = Array.from({ length: 200 }, (_, i) => `P${k}: line ${i} about the ward.`).join('\n\n');
    await s.call('documents.import', { files: [{ name: `P${k}.txt`, contentBase64: Buffer.from(text).toString('base64') }] });
  }
  await s.backupNow(backupSettings());
  s.close();
  tearLeafPage(file, 'turns');
  return file;
}

function fakeDialog(choice: number) {
  return {
    showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: choice, checkboxChecked: false })),
    showErrorBox: vi.fn(),
  };
}
const ways = { restoreLatestGood: Service.restoreLatestGood, salvageBeside: Service.salvageBeside };

describe('opening a damaged project on the desktop', () => {
  it('is refused by Service.open, and the refusal offers the two buttons', async () => {
    const file = await damagedProject();
    let message = '';
    try {
      Service.open(file);
    } catch (e) {
      message = (e as Error).message;
      expect((e as { code: string }).code).toBe('damaged');
    }
    const dialog = fakeDialog(2);
    const open = vi.fn(async () => true);
    expect(await offerWaysOut(dialog, null, file, message, ways, open)).toBeNull();
    const shown = dialog.showMessageBox.mock.calls[0][0] as { buttons: string[]; detail: string; cancelId: number };
    expect(shown.buttons).toEqual([...DAMAGED_BUTTONS]);
    expect(shown.detail).toMatch(/study\.thematic is damaged/);
    expect(open).not.toHaveBeenCalled();
  });

  it('"Salvage" writes <name>-salvaged.thematic beside it, opens it and shows the report', async () => {
    const file = await damagedProject();
    const before = sha(file);
    const dialog = fakeDialog(1);
    const opened: string[] = [];
    const out = await offerWaysOut(dialog, null, file, 'damaged', ways, async (f) => {
      opened.push(f);
      return true;
    });
    expect(out).toBe(path.join(path.dirname(file), 'study-salvaged.thematic'));
    expect(opened).toEqual([out]);
    const report = dialog.showMessageBox.mock.calls[1][0] as { title: string; detail: string };
    expect(report.title).toBe('Salvage report');
    expect(report.detail).toMatch(/documents: 2 rows/);
    expect(report.detail).toMatch(/turns: \d+ rows \(part of this table was unreadable\)/);
    expect(sha(file)).toBe(before);
    const s = Service.open(out!);
    expect(await s.call('documents.list', {})).toHaveLength(2);
    s.close();
  });

  it('"Open the latest good backup" restores it beside the damaged file and opens that', async () => {
    const file = await damagedProject();
    const before = sha(file);
    const opened: string[] = [];
    const out = await offerWaysOut(fakeDialog(0), null, file, 'damaged', ways, async (f) => {
      opened.push(f);
      return true;
    });
    expect(path.dirname(out!)).toBe(path.dirname(file));
    expect(path.basename(out!)).toMatch(/^study-restored-.*\.thematic$/);
    expect(opened).toEqual([out]);
    expect(sha(file)).toBe(before);
  });

  it('a failing way out says why and opens nothing', async () => {
    const dialog = fakeDialog(0);
    const open = vi.fn(async () => true);
    const failing = {
      ...ways,
      restoreLatestGood: () => {
        throw new Error('study.thematic has no backups to open');
      },
    };
    expect(await offerWaysOut(dialog, null, '/x/study.thematic', 'damaged', failing, open)).toBeNull();
    expect(dialog.showErrorBox).toHaveBeenCalledWith('Cannot open a backup', 'study.thematic has no backups to open');
    expect(open).not.toHaveBeenCalled();
  });
});
