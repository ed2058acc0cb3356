import { describe, expect, it } from 'vitest';
import { codeTree, flatten, nextColour, subtreeIds } from '../../renderer/src/model/codeTree.ts';
import { code } from './make.ts';

const names = (codes: Parameters<typeof codeTree>[0]) => flatten(codeTree(codes)).map((n) => `${'  '.repeat(n.depth)}${n.code.name}`);

describe('the codebook tree', () => {
  it('is empty for no codes', () => {
    expect(codeTree([])).toEqual([]);
  });

  it('nests children under parents, siblings by name with numbers as numbers, depth counted', () => {
    const codes = [code(1, 'Topics'), code(2, '10. Values', 1), code(3, '2. Severity', 1), code(4, 'another'), code(5, 'Deep', 3)];
    expect(names(codes)).toEqual(['another', 'Topics', '  2. Severity', '    Deep', '  10. Values']);
  });

  it('puts a code whose parent is missing at the top level rather than losing it', () => {
    expect(names([code(1, 'Orphan', 99), code(2, 'Alpha')])).toEqual(['Alpha', 'Orphan']);
  });

  it('does not reorder the list it was given', () => {
    const codes = [code(1, 'b'), code(2, 'a')];
    codeTree(codes);
    expect(codes.map((c) => c.name)).toEqual(['b', 'a']);
  });
});

describe('a code and its descendants', () => {
  const codes = [code(1, 'root'), code(2, 'child', 1), code(3, 'grandchild', 2), code(4, 'other'), code(5, 'late child', 3)];
  it('holds the code itself and everything below it, however deep and in whatever order listed', () => {
    expect([...subtreeIds(codes, 1)].sort()).toEqual([1, 2, 3, 5]);
    expect([...subtreeIds([...codes].reverse(), 1)].sort()).toEqual([1, 2, 3, 5]);
  });
  it('is the code alone for a leaf (or an unknown id)', () => {
    expect([...subtreeIds(codes, 4)]).toEqual([4]);
    expect([...subtreeIds(codes, 42)]).toEqual([42]);
  });
});

describe("a new code's colour", () => {
  it('cycles through the palette by how many codes exist', () => {
    const twelve = Array.from({ length: 12 }, (_v, i) => code(i + 1));
    expect(nextColour([])).toMatch(/^#[0-9a-f]{6}$/);
    expect(nextColour(twelve.slice(0, 1))).not.toBe(nextColour([]));
    expect(nextColour(twelve)).toBe(nextColour([]));
  });
});
