// Agreement weights for ordered categories, by category index (as R irr and irrCAC do):
// the distance between the 1st and 3rd category is 2 whatever their labels.
import type { KappaWeighting } from './types.ts';

export function agreementWeights(q: number, weighting: KappaWeighting): number[][] {
  const w: number[][] = [];
  for (let i = 0; i < q; i++) {
    w.push([]);
    for (let j = 0; j < q; j++) {
      const d = q > 1 ? Math.abs(i - j) / (q - 1) : 0;
      w[i].push(weighting === 'unweighted' ? (i === j ? 1 : 0) : weighting === 'linear' ? 1 - d : 1 - d * d);
    }
  }
  return w;
}
