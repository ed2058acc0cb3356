import fs from 'node:fs';
import path from 'node:path';

const NETWORK_FS = /^(nfs4?|cifs|smb3?|smbfs|9p|afs|ceph|glusterfs|lustre|davfs|fuse(\..*)?|sshfs)$/i;
const SYNC_FOLDER =
  /(^|[\\/])(Dropbox|OneDrive[^\\/]*|Google ?Drive|My Drive|iCloud ?Drive|Mobile Documents|Box|Nextcloud|ownCloud|pCloud ?Drive|MEGA)([\\/]|$)/i;

/**
 * A warning when the project lives where file locking cannot be trusted: a network file system
 * (what the OS reports for the folder's mount, on Linux from /proc/mounts) or a folder a sync client
 * rewrites behind our back (known names in the path). Null when nothing says so.
 */
export function locationWarning(projectAbs: string, mounts = readMounts()): string | null {
  const name = path.basename(projectAbs);
  const sync = SYNC_FOLDER.exec(projectAbs);
  if (sync) {
    return `${name} is in a ${sync[2]} folder: a sync client can copy or replace the file while it is open, and locking cannot be trusted there. Thematic keeps working and keeps backups; for safety keep projects in a local folder and sync a backup or a .qdpx export instead.`;
  }
  let best: { dir: string; type: string } | null = null;
  for (const m of mounts) {
    const inside = projectAbs === m.dir || projectAbs.startsWith(m.dir.endsWith('/') ? m.dir : m.dir + '/');
    if (inside && (!best || m.dir.length > best.dir.length)) best = m;
  }
  if (best && NETWORK_FS.test(best.type)) {
    return `${name} is on a network file system (${best.type} at ${best.dir}), where file locking is unreliable: if another computer opens the same project, work can be lost. Thematic keeps working and keeps backups; for safety keep projects on a local disk.`;
  }
  return null;
}

function readMounts(): { dir: string; type: string }[] {
  try {
    return fs
      .readFileSync('/proc/mounts', 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [, dir, type] = line.split(' ');
        return { dir: dir.replace(/\\040/g, ' '), type };
      });
  } catch {
    return []; // not Linux: only the folder names can tell
  }
}
