/** Braun and Clarke's six phases of reflexive thematic analysis; the number is the journal memo's targetId. */
export const PHASES: { n: number; name: string; prompt: string }[] = [
  { n: 1, name: 'Familiarisation', prompt: 'Reading and re-reading: first impressions, what strikes you, what you bring to the data.' },
  { n: 2, name: 'Initial codes', prompt: 'Coding across the whole data set: how codes are emerging, what you keep noticing.' },
  { n: 3, name: 'Searching for themes', prompt: 'Clustering codes into candidate themes: what patterns of shared meaning you see.' },
  { n: 4, name: 'Reviewing themes', prompt: 'Checking themes against the coded extracts and the whole data set: what holds, what splits.' },
  { n: 5, name: 'Defining and naming', prompt: 'What each theme is about, its scope and its story; how the themes fit together.' },
  { n: 6, name: 'Report', prompt: 'Writing up: the extracts you choose and the argument they make.' },
];

/** The current phase lives in the project (both coders see it) as one project memo with this title. */
export const PHASE_MEMO_TITLE = 'Current analysis phase';
