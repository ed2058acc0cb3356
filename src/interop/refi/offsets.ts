// REFI-QDA positions. The standard counts characters; Thematic (like QualCoder) writes Unicode
// code points. NVivo writes UTF-16 code units (see ../shared/interop/README.md). The model holds
// UTF-16 offsets (JS string indexes); these convert at the file boundary.

/** UTF-16 offsets -> code point offsets, for many offsets into one text (sorted internally). */
export function utf16ToCodePoints(text: string, offsets: number[]): number[] {
  return convert(offsets, (sorted) => {
    const out = new Map<number, number>();
    let cp = 0; let i = 0; let k = 0;
    while (k < sorted.length) {
      const target = sorted[k];
      while (i < target && i < text.length) {
        const c = text.charCodeAt(i);
        i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
        cp++;
      }
      out.set(target, i > target ? cp - 1 : cp + (target - i));
      k++;
    }
    return out;
  });
}

/** Code point offsets -> UTF-16 offsets. Beyond the text, counts on one unit per code point. */
export function codePointsToUtf16(text: string, offsets: number[]): number[] {
  return convert(offsets, (sorted) => {
    const out = new Map<number, number>();
    let cp = 0; let i = 0; let k = 0;
    while (k < sorted.length) {
      const target = sorted[k];
      while (cp < target && i < text.length) {
        const c = text.charCodeAt(i);
        i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
        cp++;
      }
      out.set(target, i + (target - cp));
      k++;
    }
    return out;
  });
}

const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

function convert(offsets: number[], fn: (sorted: number[]) => Map<number, number>): number[] {
  const sorted = [...new Set(offsets)].sort((a, b) => a - b);
  const map = fn(sorted);
  return offsets.map((o) => map.get(o)!);
}
