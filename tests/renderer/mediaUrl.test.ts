import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_ATTACH_BYTES, attachProblem, baseName, mediaUrl } from '../../renderer/src/features/media/mediaUrl.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});
const sha = 'abcdef0123456789abcdef';

describe('where a recording loads from', () => {
  it("in Electron: the app:// protocol by document id, versioned by the file's hash", () => {
    vi.stubGlobal('window', { thematic: {} });
    expect(mediaUrl(7, sha)).toBe('app://thematic/media/7?v=abcdef012345');
  });
  it('in the web mode: /media with the session token in the query, escaped', () => {
    vi.stubGlobal('window', {});
    vi.stubGlobal('sessionStorage', { getItem: (k: string) => (k === 'thematic-token' ? 'a b&c' : null) });
    expect(mediaUrl(7, sha)).toBe('/media/7?token=a%20b%26c&v=abcdef012345');
  });
});

describe('attaching a recording from the page', () => {
  it('takes audio and video by extension, in any case', () => {
    expect(attachProblem({ name: 'P4.M4A', size: 1000 })).toBeNull();
    expect(attachProblem({ name: 'interview.webm', size: MAX_ATTACH_BYTES })).toBeNull();
  });
  it('refuses other files and files too big to send, saying what to do', () => {
    expect(attachProblem({ name: 'notes.txt', size: 10 })).toMatch(/^notes\.txt: not a recording/);
    expect(attachProblem({ name: 'mp3', size: 10 })).toMatch(/not a recording/);
    expect(attachProblem({ name: 'long.wav', size: MAX_ATTACH_BYTES + 1 })).toMatch(/thematic media PROJECT DOCUMENT "long\.wav"/);
  });
});

describe('pairing recordings with transcripts', () => {
  it('by lower-case base name, only the last extension dropped', () => {
    expect(baseName('P4.m4a')).toBe('p4');
    expect(baseName('Interview.Final.MP3')).toBe('interview.final');
    expect(baseName('noext')).toBe('noext');
  });
});
