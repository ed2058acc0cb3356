import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readRefi } from '../../src/features/refi/read.ts';

const corpus = fileURLToPath(new URL('../../../shared/interop/', import.meta.url));
const qde = strToU8('<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="p"/>');
const qdc = strToU8('<?xml version="1.0"?><!-- a codebook --><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>');

describe('readRefi: one entry point for .qdpx, .qde and .qdc', () => {
  it('reads each corpus file by its extension', () => {
    const nvivo = readRefi(`${corpus}nvivo12.6_win_oltas0517.qdpx`, readFileSync(`${corpus}nvivo12.6_win_oltas0517.qdpx`));
    expect(nvivo.kind).toBe('qdpx');
    expect(nvivo.project?.sources).toHaveLength(2);
    expect(nvivo.files.size).toBe(5);
    const atlas = readRefi('/some/dir/Project.QDE', readFileSync(`${corpus}atlasti8_standard_project_REFI_vendor_set.qde`));
    expect(atlas).toMatchObject({ kind: 'qde', files: new Map() });
    expect(atlas.project?.name).toBe('ATLAS.ti standard project');
    const book = readRefi('codes.qdc', readFileSync(`${corpus}atlasti_win23.4_codebook_from_requal_test.qdc`));
    expect(book.kind).toBe('qdc');
    expect(book.codebook?.codes[0].name).toBe('code1');
  });

  it('recognises the content when the extension says nothing', () => {
    expect(readRefi('download', zipSync({ 'project.qde': qde })).kind).toBe('qdpx');
    expect(readRefi('download.xml', qde).kind).toBe('qde');
    expect(readRefi('download.xml', qdc).kind).toBe('qdc');
    const text = '<?xml version="1.0" encoding="UTF-16"?><Project name="wide"/>';
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(readRefi('download', utf16)).toMatchObject({ kind: 'qde', project: { name: 'wide' } });
    expect(() => readRefi('notes.txt', strToU8('hello'))).toThrow(
      'notes.txt: not a REFI-QDA file (expected a .qdpx archive, a .qde project or a .qdc codebook)',
    );
  });

  it('names the file (without its folder) in errors', () => {
    expect(() => readRefi('/tmp/x/broken.qdpx', qde)).toThrow(/^broken\.qdpx: not a \.qdpx archive/);
    expect(() => readRefi('C:\\x\\wrong.qde', qdc)).toThrow(/^wrong\.qde: this is a REFI-QDA codebook/);
    expect(() => readRefi('a.qdpx', zipSync({ 'x.txt': strToU8('x') }))).toThrow(/^a\.qdpx: the archive has no \.qde project file/);
  });
});
