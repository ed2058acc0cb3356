import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/features/documents/importers/index.ts';
import { utf8 } from './helpers.ts';

describe('detectFormat', () => {
  it('goes by extension', () => {
    expect(detectFormat('a.MD', utf8('x'))).toBe('md');
    expect(detectFormat('a.vtt', utf8('not vtt'))).toBe('vtt');
    expect(detectFormat('a.srt', utf8('1\n00:00:01,000 --> 00:00:02,000\nhi'))).toBe('srt');
    expect(detectFormat('a.txt', utf8('P1: hi'))).toBe('txt');
    expect(detectFormat('a.pdf', utf8('x'))).toBe('pdf');
  });

  it('sniffs captions saved as .txt or without extension', () => {
    expect(detectFormat('a.txt', utf8('\uFEFFWEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nhi'))).toBe('vtt');
    expect(detectFormat('a.srt', utf8('WEBVTT\n\n00:01.000 --> 00:02.000\nhi'))).toBe('vtt');
    expect(detectFormat('a.txt', utf8('\n1\n00:00:01,000 --> 00:00:02,000\nhi'))).toBe('srt');
    expect(detectFormat('export', utf8('[Jo Park] 10:01:02\nhello'))).toBe('zoom-cc');
    expect(detectFormat('a.txt', utf8('WEBVTTx is a word'))).toBe('txt');
  });
});
