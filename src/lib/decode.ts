import { TranscriptImportError } from './import-error.ts';
import { normaliseText } from './normalise.ts';

/**
 * Turns the bytes of a text-based transcript into normalised text, refusing what is not text.
 * UTF-8 is expected; UTF-16 is accepted when it carries a byte-order mark (Windows Notepad,
 * some transcription services).
 */
export function decodeTranscriptText(file: string, bytes: Uint8Array): string {
  if (bytes.length === 0) throw new TranscriptImportError(file, 'empty file');
  const text = normaliseText(decodeBytes(file, bytes));
  if (text.trim() === '') throw new TranscriptImportError(file, 'empty file (only whitespace)');
  return text;
}

function decodeBytes(file: string, bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(file, bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(file, bytes, 'utf-16be');
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  const binaryAt = findBinaryData(body);
  if (binaryAt >= 0) {
    const offset = binaryAt + (hasBom ? 3 : 0);
    const program = looksLikeProgram(body);
    const hint = program
      ? `; it is ${program}, not a transcript`
      : looksLikeUtf16WithoutBom(body)
        ? '; it looks like UTF-16 without a byte-order mark, save it as UTF-8'
        : '';
    throw new TranscriptImportError(file, `not a text file (binary data at byte ${offset}${hint})`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    const at = firstInvalidUtf8(body);
    const offset = at + (hasBom ? 3 : 0);
    const byte = (body[at] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    throw new TranscriptImportError(
      file,
      `not valid UTF-8 (byte 0x${byte} at byte ${offset}); save the file as UTF-8 (it may be Windows-1252 or Latin-1)`,
    );
  }
}

function decodeUtf16(file: string, bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  try {
    // TextDecoder drops the BOM itself.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new TranscriptImportError(file, `not valid ${encoding.toUpperCase()} (despite its byte-order mark)`);
  }
}

/**
 * Offset of the first NUL byte, or of the first control character when control characters make
 * up a suspicious share of the start of the file; -1 for text. Tab, newlines and form feed are text.
 */
function findBinaryData(bytes: Uint8Array): number {
  const nul = bytes.indexOf(0);
  if (nul >= 0) return nul;
  const sample = Math.min(bytes.length, 65536);
  let controls = 0;
  let first = -1;
  for (let i = 0; i < sample; i++) {
    const b = bytes[i];
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) {
      controls++;
      if (first < 0) first = i;
    }
  }
  return controls > 0 && controls / sample > 0.02 ? first : -1;
}

/** Executables say what they are in their first bytes. */
function looksLikeProgram(b: Uint8Array): string | null {
  if (b[0] === 0x7f && b[1] === 0x45 && b[2] === 0x4c && b[3] === 0x46) return 'a program (an ELF executable or library)';
  if (b[0] === 0x4d && b[1] === 0x5a) return 'a program (a Windows executable or library)';
  const magic = ((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0;
  if ([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(magic)) return 'a program (a macOS executable or library)';
  return null;
}

/**
 * UTF-16 text without a byte-order mark: for the Latin script every other byte is NUL (odd bytes
 * in little-endian, even ones in big-endian) and the others are printable. A binary file has NULs
 * everywhere, so counting NULs alone is not enough.
 */
function looksLikeUtf16WithoutBom(bytes: Uint8Array): boolean {
  const sample = Math.min(bytes.length, 4096) & ~1;
  if (sample < 4) return false;
  const nul = [0, 0];
  let printable = 0;
  for (let i = 0; i < sample; i++) {
    const b = bytes[i];
    if (b === 0) nul[i & 1]++;
    else if (b >= 0x20 || b === 0x09 || b === 0x0a || b === 0x0d) printable++;
  }
  const half = sample / 2;
  const [zeroSide, textSide] = nul[1] > nul[0] ? [nul[1], nul[0]] : [nul[0], nul[1]];
  return zeroSide / half > 0.7 && textSide / half < 0.15 && printable / (sample - zeroSide - textSide || 1) > 0.9;
}

/** TextDecoder does not say where decoding failed; find the first byte that breaks UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= bytes.length) return i; // truncated sequence at the end
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if ((c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}
