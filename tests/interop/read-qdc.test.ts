import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readQdc } from '../../src/features/refi/read-qdc.ts';

const corpus = fileURLToPath(new URL('../../../shared/interop/', import.meta.url));

describe('reading a REFI-QDA codebook (.qdc)', () => {
  it('reads the ATLAS.ti 23.4 codebook despite its mismatched schemaLocation', () => {
    const book = readQdc(readFileSync(`${corpus}atlasti_win23.4_codebook_from_requal_test.qdc`));
    expect(book).toEqual({
      origin: 'ATLAS.ti Win 23.4.0',
      codes: [
        {
          guid: '1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294',
          name: 'code1',
          color: '#46AA00',
          description: 'description',
          isCodable: true,
          children: [],
        },
      ],
      sets: [
        {
          guid: 'ECA18D76-2B8B-4F26-BC1D-19ECA19FB3F0',
          name: 'code group 1',
          description: 'kategorie 1',
          memberCodes: ['1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294'],
          memberSources: [],
          memberNotes: [],
        },
      ],
    });
  });

  it('reads nested codes, prefixed elements and targetGUID members', () => {
    const book = readQdc(`<?xml version="1.0" encoding="utf-8"?>
<cb:CodeBook xmlns:cb="urn:QDA-XML:codebook:1.0" origin="Thematic 1.0">
  <cb:Codes>
    <cb:Code guid="a" name="Theme" isCodable="false"><cb:Code guid="b" name="Leaf" isCodable="1" color="#FFF"/></cb:Code>
  </cb:Codes>
  <cb:Sets><cb:Set guid="s" name="group"><cb:MemberCode targetGUID="b"/></cb:Set></cb:Sets>
</cb:CodeBook>`);
    expect(book.codes).toEqual([
      {
        guid: 'a',
        name: 'Theme',
        isCodable: false,
        children: [{ guid: 'b', name: 'Leaf', isCodable: true, color: '#FFFFFF', children: [] }],
      },
    ]);
    expect(book.sets[0].memberCodes).toEqual(['b']);
  });

  it('refuses a codebook whose code has no guid, and one with a DOCTYPE', () => {
    expect(() => readQdc('<CodeBook><Codes><Code name="x" isCodable="true"/></Codes></CodeBook>', { label: 'c.qdc' })).toThrow(
      'c.qdc: <Code name="x"> has no guid attribute, which REFI-QDA requires',
    );
    expect(() => readQdc('<!DOCTYPE CodeBook SYSTEM "http://example.com/x.dtd"><CodeBook><Codes/></CodeBook>')).toThrow(
      /line 1: the XML declares a DOCTYPE/,
    );
  });
});
