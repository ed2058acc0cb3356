import { describe, expect, it } from 'vitest';
import { codeTree } from '../../src/features/refi/store-export-codes.ts';
import type { RefiCode } from '../../src/features/refi/model.ts';
import type { ThemeRow } from '../../src/features/themes/queries.ts';

const theme = (id: number, name: string, parent: number | null, kind: ThemeRow['kind'], position = 0): ThemeRow => ({
  id,
  guid: `t${id}`,
  parent_id: parent,
  kind,
  name,
  definition: '',
  color: null,
  status: 'active',
  position,
  created_at: '',
});
const code = (id: number, name: string, parent: number | null = null) => ({
  id,
  guid: `c${id}`,
  parent_id: parent,
  name,
  color: '#000000',
  definition: '',
});
const shape = (list: RefiCode[]): unknown => list.map((c) => (c.children.length ? { [c.name]: shape(c.children) } : c.name));

describe('themes and codes as one REFI-QDA code tree', () => {
  it('puts each code under the first (oldest) theme it supports, sub-codes with it unless they support another theme, one Set per theme', () => {
    const themes = [theme(1, 'Core', null, 'core'), theme(2, 'Bridge', 1, 'theme', 1), theme(3, 'Trust', 1, 'theme', 0)];
    const codes = [code(10, 'Advocacy'), code(11, 'Speaking up', 10), code(12, 'Language', 10), code(13, 'Loose')];
    const attach = [
      { theme_id: 3, code_id: 10, position: 0 },
      { theme_id: 2, code_id: 10, position: 1 },
      { theme_id: 3, code_id: 12, position: 1 },
    ];
    const { codes: tree, sets } = codeTree(codes, themes, attach);
    // Advocacy supports both; Bridge (id 2) is the older theme. Language supports only Trust.
    expect(shape(tree)).toEqual([{ Core: [{ Trust: ['Language'] }, { Bridge: [{ Advocacy: ['Speaking up'] }] }] }, 'Loose']);
    expect(tree[0].isCodable).toBe(false);
    expect(sets.map((s) => [s.name, s.memberCodes])).toEqual([
      ['Theme: Bridge', ['c10']],
      ['Theme: Trust', ['c10', 'c12']],
    ]);
  });
});
