// REFI-QDA positions. The standard counts characters; Thematic (like QualCoder) writes Unicode
// code points. NVivo writes UTF-16 code units (see ../shared/interop/README.md). The model holds
// UTF-16 offsets (JS string indexes); these convert at the file boundary.

/** UTF-16 offsets -> code point offsets, for many offsets into one text (sorted internally). */
export const utf16ToCodePoints = (text: string, offsets: number[]): number[] => convert(text, offsets, true);

/** Code point offsets -> UTF-16 offsets. Beyond the text, counts on one unit per code point. */
export const codePointsToUtf16 = (text: string, offsets: number[]): number[] => convert(text, offsets, false);

const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** One walk over the text, a code point at a time, answering the offsets in ascending order. */
function convert(text: string, offsets: number[], fromUtf16: boolean): number[] {
  const sorted = [...new Set(offsets)].sort((a, b) => a - b);
  const out = new Map<number, number>();
  let cp = 0;
  let i = 0;
  for (const target of sorted) {
    while ((fromUtf16 ? i : cp) < target && i < text.length) {
      const c = text.charCodeAt(i);
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
      cp++;
    }
    // From UTF-16, a target inside a surrogate pair belongs to the pair's code point.
    out.set(target, fromUtf16 ? (i > target ? cp - 1 : cp + (target - i)) : i + (target - cp));
  }
  return offsets.map((o) => out.get(o)!);
}
