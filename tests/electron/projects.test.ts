import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { askNewProjectPath, askProjectToOpen, nativeBindingPath, projectFromArgv, RecentProjects } from '../../electron/projects.ts';
import { menuTemplate, type MenuActions } from '../../electron/menu.ts';
import { Service } from '../../src/api/service.ts';

vi.mock('electron', () => ({}));

const root = path.resolve(import.meta.dirname, '../..');

describe('the project named at start', () => {
  it('reads --project FILE, --project=FILE and a double-clicked .thematic file', () => {
    expect(projectFromArgv(['electron', 'main.cjs', '--project', 'a/study.thematic'], '/home/d')).toBe(
      path.resolve('/home/d/a/study.thematic'),
    );
    expect(projectFromArgv(['electron', 'main.cjs', '--project=/x/s.thematic'], '/home/d')).toBe(path.resolve('/x/s.thematic'));
    expect(projectFromArgv(['Thematic.exe', '--allow-file-access-from-files', 'C.thematic'], '/w')).toBe(path.resolve('/w/C.thematic'));
    expect(projectFromArgv(['Thematic', '--inspect'], '/w')).toBeNull();
    expect(projectFromArgv(['Thematic', 'notes.txt'], '/w')).toBeNull();
    expect(projectFromArgv(['Thematic', '--project'], '/w')).toBeNull();
  });

  it('remembers the last project, forgetting one that no longer exists', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thematic-recent-'));
    try {
      const recent = new RecentProjects(path.join(dir, 'userData'));
      expect(recent.last()).toBeNull();
      const file = path.join(dir, 'study.thematic');
      fs.writeFileSync(file, '');
      recent.remember(file);
      expect(new RecentProjects(path.join(dir, 'userData')).last()).toBe(file);
      fs.rmSync(file);
      expect(recent.last()).toBeNull();
      fs.writeFileSync(path.join(dir, 'userData/state.json'), '{not json');
      expect(recent.last()).toBeNull();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('better-sqlite3 for Electron', () => {
  it('points at the N-API prebuild for this platform, which opens a project', () => {
    const binding = nativeBindingPath(root);
    expect(binding).toBe(path.join(root, `node_modules/better-sqlite3/prebuilds/${process.platform}-${process.arch}.node`));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thematic-binding-'));
    try {
      const s = Service.open(path.join(dir, 's.thematic'), { create: true, nativeBinding: binding! });
      s.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(nativeBindingPath(root, 'sunos', 'sparc')).toBeNull();
  });
});

describe('file dialogs', () => {
  it('asks for .thematic files and returns null when cancelled', async () => {
    const dialog = {
      showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: ['/d/study.thematic'] })),
      showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/d/new-study' })),
    };
    expect(await askProjectToOpen(dialog as never, null)).toBe('/d/study.thematic');
    expect((dialog.showOpenDialog.mock.calls[0] as unknown[])[0]).toMatchObject({ filters: [{ extensions: ['thematic'] }] });
    expect(await askNewProjectPath(dialog as never, null, '/d')).toBe('/d/new-study.thematic');
    expect((dialog.showSaveDialog.mock.calls[0] as unknown[])[0]).toMatchObject({ defaultPath: path.join('/d', 'study.thematic') });
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await askProjectToOpen(dialog as never, null)).toBeNull();
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await askNewProjectPath(dialog as never, null, '/d')).toBeNull();
  });
});

describe('the menu', () => {
  const actions = (): MenuActions => ({
    newProject: vi.fn(),
    openProject: vi.fn(),
    openSample: vi.fn(),
    closeProject: vi.fn(),
    about: vi.fn(),
  });
  type Item = { label?: string; role?: string; submenu?: Item[]; click?: () => void };

  it('has File, Edit, View and Help, and File items call their actions', () => {
    const a = actions();
    const menu = menuTemplate(a, { platform: 'linux', devTools: false }) as Item[];
    expect(menu.map((m) => m.label?.replace('&', ''))).toEqual(['File', 'Edit', 'View', 'Help']);
    const file = menu[0].submenu!;
    const click = (label: string) => file.find((i) => i.label === label)!.click!();
    click('New project...');
    click('Open project...');
    click('Open sample study');
    click('Close project');
    expect(a.newProject).toHaveBeenCalledOnce();
    expect(a.openProject).toHaveBeenCalledOnce();
    expect(a.openSample).toHaveBeenCalledOnce();
    expect(a.closeProject).toHaveBeenCalledOnce();
    expect(menu[1].role).toBe('editMenu');
    expect(menu[2].submenu!.some((i) => i.role === 'toggleDevTools')).toBe(false);
  });

  it('adds the macOS app menu, and developer tools only when asked', () => {
    const menu = menuTemplate(actions(), { platform: 'darwin', devTools: true }) as Item[];
    expect(menu[0].role).toBe('appMenu');
    expect(menu.find((m) => m.label === '&View')!.submenu!.some((i) => i.role === 'toggleDevTools')).toBe(true);
  });
});
