import { TranscriptImportError } from '../../../lib/import-error.ts';
import type { TranscriptFormat } from './types.ts';
import { ZOOM_CAPTION_HEADER } from './zoom-captions.ts';
import { zipEntryNames } from '../../../lib/zip.ts';

const BY_EXTENSION: Record<string, TranscriptFormat> = {
  md: 'md',
  markdown: 'md',
  docx: 'docx',
  odt: 'odt',
  pdf: 'pdf',
  vtt: 'vtt',
  webvtt: 'vtt',
};
const UNSUPPORTED: Record<string, string> = {
  doc: 'old Word .doc files are not supported; save it as .docx',
  rtf: 'RTF files are not supported; save it as .docx or .txt',
  pages: 'Pages files are not supported; export it as .docx',
};

/**
 * The format of a transcript, from its extension, checked against its content: captions are
 * often saved as .txt, so a .txt that starts "WEBVTT" is WebVTT, and Zoom's saved captions are
 * recognised by their "[Name] HH:MM:SS" headers.
 */
export function detectFormat(fileName: string, bytes: Uint8Array): TranscriptFormat {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const unsupported = UNSUPPORTED[ext];
  if (unsupported) throw new TranscriptImportError(fileName, unsupported);
  const known = BY_EXTENSION[ext];
  if (known) return known;
  const binary = sniffBinary(bytes);
  if (binary) return binary;
  const textFormat = sniffText(bytes);
  if (ext === 'srt') return textFormat === 'vtt' ? 'vtt' : 'srt';
  return textFormat ?? 'txt';
}

function sniffBinary(bytes: Uint8Array): TranscriptFormat | null {
  const head = String.fromCharCode(...bytes.subarray(0, 5));
  if (head === '%PDF-') return 'pdf';
  if (head.startsWith('PK\x03\x04')) {
    let names: string[] = [];
    try {
      names = zipEntryNames(bytes);
    } catch {
      /* a damaged zip: the format is whatever its extension says */
    }
    if (names.includes('word/document.xml')) return 'docx';
    if (names.includes('content.xml')) return 'odt';
  }
  return null;
}

function sniffText(bytes: Uint8Array): TranscriptFormat | null {
  const head = bytes.subarray(0, 8192);
  const encoding = head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : 'utf-8';
  const text = new TextDecoder(encoding)
    .decode(head)
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n');
  if (/^WEBVTT(?:[ \t\n]|$)/.test(text)) return 'vtt';
  const lines = text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .slice(0, 2)
    .map((l) => l.trim());
  if (ZOOM_CAPTION_HEADER.test(lines[0] ?? '')) return 'zoom-cc';
  const srtTiming = /^\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}[ \t]*-->/;
  if (srtTiming.test(lines[0] ?? '') || (/^\d+$/.test(lines[0] ?? '') && srtTiming.test(lines[1] ?? ''))) return 'srt';
  return null;
}
