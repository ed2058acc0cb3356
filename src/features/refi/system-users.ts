// Users that are the program itself, not a person: ATLAS.ti writes a user "ATLAS.ti" next to the
// real ones. Such a user is never made a coder.

const PROGRAMS = [
  'atlas.ti',
  'atlasti',
  'nvivo',
  'maxqda',
  'qualcoder',
  'taguette',
  'quirkos',
  'dedoose',
  'f4analyse',
  'transana',
  'system',
];

/** The program's name from an origin like "ATLAS.ti 8.4.0 573 , macOS ..." ("ATLAS.ti"). */
const programOf = (origin: string | undefined) =>
  origin
    ?.trim()
    .split(/\s+(?:for\s+|\d)/i)[0]
    ?.trim()
    .toLowerCase();

export function isSystemUser(name: string, origin: string | undefined): boolean {
  const n = name.trim().toLowerCase();
  if (!n) return false;
  return PROGRAMS.includes(n) || n === programOf(origin);
}
