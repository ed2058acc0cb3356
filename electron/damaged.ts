import path from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';

/** The two ways out of a damaged project (Service.restoreLatestGood / Service.salvageBeside): each names its new file itself. */
export interface WaysOut {
  restoreLatestGood(file: string): { path: string; backup: { name: string; at: string; counts: { documents: number; codings: number } } };
  salvageBeside(file: string): { out: string; lines: string[] };
}

export const DAMAGED_BUTTONS = ['Open the latest good backup', 'Salvage what is readable into a new project', 'Cancel'] as const;

/**
 * A damaged project was refused: its sentence, with the two ways out as buttons. The chosen one
 * writes a new project beside the damaged file (never over it), which is then opened; a salvage's
 * report (rows recovered per table, what was lost) is shown after. Returns the file opened, or null.
 */
export async function offerWaysOut(
  dialog: Pick<Dialog, 'showMessageBox' | 'showErrorBox'>,
  win: BrowserWindow | null,
  file: string,
  message: string,
  ways: WaysOut,
  open: (file: string) => Promise<boolean>,
): Promise<string | null> {
  const options = {
    type: 'error' as const,
    title: 'The project is damaged',
    message: `${path.basename(file)} is damaged`,
    detail: message,
    buttons: [...DAMAGED_BUTTONS],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
  };
  const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
  if (response !== 0 && response !== 1) return null;
  let out: string,
    report: string[] | null = null;
  try {
    if (response === 0) {
      out = ways.restoreLatestGood(file).path;
    } else {
      const r = ways.salvageBeside(file);
      out = r.out;
      report = r.lines;
    }
  } catch (e) {
    dialog.showErrorBox(response === 0 ? 'Cannot open a backup' : 'Cannot salvage the project', (e as Error).message);
    return null;
  }
  if (!(await open(out))) return null;
  if (report) {
    const info = {
      type: 'info' as const,
      title: 'Salvage report',
      message: `Salvaged into ${path.basename(out)}`,
      detail: report.join('\n'),
      buttons: ['OK'],
    };
    await (win ? dialog.showMessageBox(win, info) : dialog.showMessageBox(info));
  }
  return out;
}
