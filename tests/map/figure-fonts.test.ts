import { describe, expect, it } from 'vitest';
import { DEFAULT_FONT_FAMILY, EMBEDDED_FONT_FAMILIES } from '../../src/core/map/figure-fonts.ts';
import { FONT_FAMILY } from '../../src/features/map/font-files.ts';
import { BUNDLED_FAMILY } from '../../src/core/map/svg.ts';

describe('font families offered for the figure', () => {
  it('are exactly the families the exporters embed (SVG @font-face, PNG and PDF font files)', () => {
    expect([...EMBEDDED_FONT_FAMILIES]).toEqual([BUNDLED_FAMILY]);
    expect(FONT_FAMILY).toBe(BUNDLED_FAMILY);
    expect(DEFAULT_FONT_FAMILY).toBe(BUNDLED_FAMILY);
  });
});
