import type { Db } from '../../store/open.ts';
import { stmt } from '../../store/changes.ts';
import { ThematicError } from '../../core/errors.ts';
import { closeNames } from './names.ts';

// Whose codings a report shows. A quote should not appear twice because two coders agreed on it,
// so without a chosen coder the reconciled (consensus) layer wins, else all coders with identical
// passages merged; the report header says which.
export interface CoderScope {
  coders: string[];
  merged: boolean;
  description: string;
}

export function resolveScope(db: Db, coder?: string): CoderScope {
  const all = stmt(
    db,
    `SELECT k.name, k.is_consensus, (SELECT COUNT(*) FROM codings g WHERE g.coder_id = k.id) AS n
    FROM coders k ORDER BY k.name COLLATE NOCASE`,
  ).all() as { name: string; is_consensus: number; n: number }[];
  if (coder !== undefined) {
    const hit = all.find((k) => k.name === coder) ?? all.find((k) => k.name.toLowerCase() === coder.toLowerCase());
    if (!hit)
      throw new ThematicError(
        'not_found',
        `no coder named "${coder}"; ${closeNames(
          coder,
          all.map((k) => k.name),
          'coders',
        )}`,
      );
    return { coders: [hit.name], merged: false, description: `Coder: ${hit.name}` };
  }
  const consensus = all.filter((k) => k.is_consensus && k.n > 0).sort((a, b) => b.n - a.n)[0];
  if (consensus) return { coders: [consensus.name], merged: false, description: `Coder: ${consensus.name} (consensus)` };
  const coding = all.filter((k) => k.n > 0).map((k) => k.name);
  if (coding.length <= 1) return { coders: coding, merged: false, description: coding.length ? `Coder: ${coding[0]}` : 'No codings yet' };
  return {
    coders: coding,
    merged: true,
    description: `Coders: ${listAnd(coding)} (passages coded identically by several coders are shown once)`,
  };
}

export const listAnd = (xs: string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);
