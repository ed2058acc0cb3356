import { describe, expect, it } from 'vitest';
import { textWidth, wrapText } from '../../src/core/map/text.ts';
import metrics from '../../src/core/map/font-metrics.json' with { type: 'json' };
import { faceMetrics } from '../../scripts/gen-font-metrics.ts';
import { fontTtf } from '../../src/features/map/font-files.ts';

describe('text measurement', () => {
  it('uses the advance widths of the bundled font (metrics file is up to date)', () => {
    const fresh = faceMetrics(fontTtf(400));
    expect(fresh.widths).toEqual(metrics.faces['400'].widths);
    expect(faceMetrics(fontTtf(600)).widths).toEqual(metrics.faces['600'].widths);
    expect(textWidth('n', 10)).toBeCloseTo((fresh.widths[String('n'.codePointAt(0))] / fresh.unitsPerEm) * 10);
  });

  it('measures semibold wider than regular and scales with size', () => {
    expect(textWidth('Advocacy', 10, 600)).toBeGreaterThan(textWidth('Advocacy', 10, 400));
    expect(textWidth('Advocacy', 20)).toBeCloseTo(2 * textWidth('Advocacy', 10));
  });

  it('wraps at spaces without losing or cutting words', () => {
    const label = 'Navigating transitions within the healthcare system';
    const lines = wrapText(label, 80, 8);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(label);
    for (const l of lines) expect(textWidth(l, 8)).toBeLessThanOrEqual(80);
  });

  it('keeps an over-long word whole rather than truncating it', () => {
    const lines = wrapText('Pneumonoultramicroscopicsilicovolcanoconiosis risk', 40, 8);
    expect(lines).toEqual(['Pneumonoultramicroscopicsilicovolcanoconiosis', 'risk']);
  });
});
