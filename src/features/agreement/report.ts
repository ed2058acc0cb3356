// The agreement report: a CSV of every coefficient at every level, and an HTML page with a methods
// paragraph a researcher can adapt (which coefficient, unit, interval method and software version).
import { toCsv } from '../../lib/csv.ts';
import type { computeOn } from './compute.ts';
import type { CoefficientSummary } from '../../core/agreement/summary.ts';

type Result = ReturnType<typeof computeOn>;

const UNIT_WORDS: Record<string, string> = {
  character: 'characters (each character a unit; a code present or absent)',
  turn: 'speaker turns (a code present in a turn if any coding overlaps it)',
  sentence: 'sentences (a code present in a sentence if any coding overlaps it)',
  document: 'whole documents (a code present if applied anywhere in the document)',
  segment: 'coded segments matched by overlap',
};

const f3 = (x: number | null | undefined) => (x === null || x === undefined ? 'n/a' : x.toFixed(2));
const find = (list: CoefficientSummary[], name: string) => list.find((c) => c.coefficient === name);

/** How the intervals were made, in a sentence a methods section can keep. */
function intervalSentence(r: Result): string {
  if (!r.bootstrap.replicates) return '';
  const documents = r.perDocument.length;
  const why =
    r.unit === 'document'
      ? 'the documents are the units'
      : r.unit === 'segment'
        ? 'segments of one document are not independent'
        : `adjacent ${r.unit === 'character' ? 'characters' : `${r.unit}s`} of one transcript are not independent, so resampling them one by one would make the intervals too narrow`;
  return `95% confidence intervals are percentile intervals from a cluster bootstrap with ${r.bootstrap.replicates} replicates (seed ${r.bootstrap.seed}): whole documents (${documents}) were resampled with replacement, because ${why}; for each participant group its own documents were resampled, and no interval is given for a single document.`;
}

export function methodsParagraph(r: Result, version: string): string {
  const k = find(r.overall.coefficients, 'cohen_kappa') ?? find(r.overall.coefficients, 'fleiss_kappa');
  const a = find(r.overall.coefficients, 'krippendorff_alpha_nominal');
  const ci = (c?: CoefficientSummary) => (c?.ci ? ` (95% CI ${f3(c.ci.lower)} to ${f3(c.ci.upper)})` : '');
  const coders = r.coders.length === 2 ? `Two coders (${r.coders.join(' and ')})` : `${r.coders.length} coders (${r.coders.join(', ')})`;
  return [
    `${coders} coded the transcripts independently.`,
    `Inter-coder agreement was computed in Thematic ${version} with ${UNIT_WORDS[r.unit]}${r.unit === 'segment' ? ` at an overlap threshold of ${r.threshold}` : ''} as the unit of analysis,`,
    `for each of ${r.perCode.length} codes and pooled over all codes${r.excludeUncoded ? ', excluding text that no coder coded' : ''}.`,
    `Overall, ${k?.coefficient === 'cohen_kappa' ? "Cohen's kappa" : "Fleiss' kappa"} was ${f3(k?.value)}${ci(k)} and Krippendorff's alpha (nominal) was ${f3(a?.value)}${ci(a)}, over ${r.overall.units} units;`,
    `percent agreement was ${f3(find(r.overall.coefficients, 'percent_agreement')?.value)}.`,
    r.unitizing
      ? `Krippendorff's unitizing alpha for whether text was coded at all (|uα) was ${f3(r.unitizing.binaryUAlpha.value)}; his 2004 αU, each code's coded stretches against its gaps, was ${f3(r.unitizing.krippendorff2004.overall.value)} over all codes.`
      : '',
    intervalSentence(r),
    'Disagreements were discussed and resolved by consensus.',
  ]
    .filter(Boolean)
    .join(' ');
}

export function reportCsv(r: Result): string {
  const rows: unknown[][] = [
    ['level', 'name', 'coefficient', 'value', 'ci_lower', 'ci_upper', 'units', 'observed_disagreement', 'expected_disagreement'],
  ];
  const add = (level: string, name: string, list: CoefficientSummary[]) => {
    for (const c of list)
      rows.push([
        level,
        name,
        c.coefficient,
        c.value,
        c.ci?.lower ?? '',
        c.ci?.upper ?? '',
        c.units,
        c.observedDisagreement,
        c.expectedDisagreement,
      ]);
  };
  add('overall', 'all codes', r.overall.coefficients);
  for (const g of r.perGroup) add('group', g.group, g.coefficients);
  for (const c of r.perCode) add('code', c.code, c.coefficients);
  for (const d of r.perDocument) add('document', d.document, d.coefficients);
  if (r.unitizing) {
    for (const u of [r.unitizing.uAlpha, r.unitizing.binaryUAlpha, r.unitizing.cuAlpha])
      rows.push(['unitizing', 'all codes', u.coefficient, u.value, '', '', u.length, u.observedDisagreement, u.expectedDisagreement]);
    for (const u of r.unitizing.perCode)
      rows.push(['unitizing', u.code, u.coefficient, u.value, '', '', u.length, u.observedDisagreement, u.expectedDisagreement]);
    const k = r.unitizing.krippendorff2004;
    for (const u of [{ ...k.overall, code: 'all codes' }, ...k.perCode])
      rows.push(['unitizing', u.code, u.coefficient, u.value, '', '', u.length, u.observedDisagreement, u.expectedDisagreement]);
    for (const d of r.unitizing.domains)
      for (const u of [d.uAlpha, d.cuAlpha])
        rows.push([
          'unitizing',
          `codes under ${d.domain}`,
          u.coefficient,
          u.value,
          '',
          '',
          u.length,
          u.observedDisagreement,
          u.expectedDisagreement,
        ]);
  }
  return toCsv(rows);
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function reportHtml(r: Result, version: string): string {
  const names = r.overall.coefficients.map((c) => c.coefficient);
  const row = (label: string, units: number, list: CoefficientSummary[]) =>
    `<tr><th scope="row">${esc(label)}</th><td>${units}</td>${names.map((n) => `<td>${f3(find(list, n)?.value)}</td>`).join('')}</tr>`;
  const tableOf = (title: string, rows: string[]) =>
    `<h2>${esc(title)}</h2><table><thead><tr><th></th><th>units</th>${names.map((n) => `<th>${esc(n.replace(/_/g, ' '))}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Inter-coder agreement</title>
<style>body{font-family:"IBM Plex Sans",sans-serif;max-width:60rem;margin:2rem auto}table{border-collapse:collapse}td,th{padding:.2rem .5rem;border-bottom:1px solid #ddd;text-align:right}th[scope=row]{text-align:left}</style></head><body>
<h1>Inter-coder agreement: ${esc(r.coders.join(' and '))}</h1>
<h2>Methods</h2><p>${esc(methodsParagraph(r, version))}</p>
${tableOf('Overall', [row('all codes', r.overall.units, r.overall.coefficients)])}
${tableOf(
  'Per participant group',
  r.perGroup.map((g) => row(g.group, g.units, g.coefficients)),
)}
${tableOf(
  'Per code',
  r.perCode.map((c) => row(c.code, c.units, c.coefficients)),
)}
${tableOf(
  'Per document',
  r.perDocument.map((d) => row(d.document, d.units, d.coefficients)),
)}
</body></html>
`;
}
