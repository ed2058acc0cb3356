/** Projects opened in this browser/profile, newest first: the home screen's "recent projects". */
export interface RecentProject {
  path: string;
  name: string;
  openedAt: string;
}

const KEY = 'thematic.recentProjects';
const MAX = 10;

export function recentProjects(): RecentProject[] {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((r): r is RecentProject => !!r && typeof r.path === 'string' && typeof r.name === 'string') : [];
  } catch {
    return [];
  }
}

/** Moves the project to the top of the list (once per page load is enough: paths do not change while open). */
export function rememberProject(path: string, name: string): RecentProject[] {
  const list = [{ path, name, openedAt: new Date().toISOString() }, ...recentProjects().filter((r) => r.path !== path)].slice(0, MAX);
  try {
    localStorage.setItem(KEY, JSON.stringify(list));
  } catch {
    /* private mode: the list just stays empty */
  }
  return list;
}

export function forgetProject(path: string): RecentProject[] {
  const list = recentProjects().filter((r) => r.path !== path);
  try {
    localStorage.setItem(KEY, JSON.stringify(list));
  } catch {
    /* ignore */
  }
  return list;
}
