import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { askThenOpenExternal, secureWebPreferences } from '../../electron/security.ts';

// Issue 15 item 15: no Electron fuses, links opened without asking, spellcheck downloading dictionaries.

/** The `electronFuses:` block of electron-builder.yml as key -> value (a flat block of booleans). */
function fuses(): Record<string, string> {
  const yml = fs.readFileSync(path.resolve(import.meta.dirname, '../../electron-builder.yml'), 'utf8');
  const lines = yml.split('\n');
  const start = lines.findIndex((l) => /^electronFuses:\s*$/.test(l));
  expect(start, 'electron-builder.yml has an electronFuses block').toBeGreaterThanOrEqual(0);
  const out: Record<string, string> = {};
  for (const l of lines.slice(start + 1)) {
    const m = /^ {2}([A-Za-z0-9]+):\s*(\S+)\s*$/.exec(l);
    if (!m) break;
    out[m[1]] = m[2];
  }
  return out;
}

describe('Electron hardening', () => {
  it('electron-builder.yml flips the fuses: no RunAsNode, NODE_OPTIONS or --inspect; ASAR integrity on; app only from ASAR', () => {
    expect(fuses()).toEqual({
      runAsNode: 'false',
      enableCookieEncryption: 'true',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      loadBrowserProcessSpecificV8Snapshot: 'false',
      grantFileProtocolExtraPrivileges: 'false',
    });
    // ASAR integrity needs the app to be packed in an asar at all.
    expect(fs.readFileSync(path.resolve(import.meta.dirname, '../../electron-builder.yml'), 'utf8')).toMatch(/^asar: true$/m);
  });

  it('spellcheck is off (Chromium would download dictionaries on Windows and Linux)', () => {
    expect(secureWebPreferences('/p.cjs').spellcheck).toBe(false);
  });

  it('asks before opening a web link; Cancel (the default) opens nothing, and unsafe links are not even offered', async () => {
    const shell = { openExternal: vi.fn(async () => {}) };
    let answer = 1;
    const dialog = { showMessageBox: vi.fn(async () => ({ response: answer, checkboxChecked: false })) };
    const open = askThenOpenExternal(dialog as never, shell as never);
    await open('https://example.org/paper');
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect(dialog.showMessageBox.mock.calls[0]).toEqual([
      expect.objectContaining({ defaultId: 1, cancelId: 1, buttons: ['Open in browser', 'Cancel'], detail: 'https://example.org/paper' }),
    ]);
    expect(shell.openExternal).not.toHaveBeenCalled();
    answer = 0;
    await open('https://example.org/paper');
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.org/paper');
    dialog.showMessageBox.mockClear();
    await open('file:///etc/passwd');
    await open('javascript:alert(1)');
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
  });
});
