import { describe, expect, it } from 'vitest';
import { attribution } from '../../renderer/src/model/attribution.ts';

const p4 = { label: 'P4', attributes: { group: 'patient', site: 'Leeds' } };

describe("a quote's attribution", () => {
  it('fills the participant label and any attribute', () => {
    expect(attribution('({participant}, {group})', p4)).toBe('(P4, patient)');
    expect(attribution('{participant}; {site}/{group}', p4)).toBe('P4; Leeds/patient');
    expect(attribution('({ participant }, { group })', p4)).toBe('(P4, patient)');
  });

  it('drops a missing attribute together with the separator before it', () => {
    expect(attribution('({participant}, {age})', p4)).toBe('(P4)');
    expect(attribution('({participant}, {age}, {group})', p4)).toBe('(P4, patient)');
  });

  it('never leaves "(, " when the first placeholder is missing', () => {
    expect(attribution('({age}, {participant})', p4)).toBe('(P4)');
  });

  it('says unattributed when the document has no participant', () => {
    expect(attribution('({participant}, {group})', null)).toBe('(unattributed)');
  });

  it('keeps text without placeholders as it is', () => {
    expect(attribution('(anonymous)', p4)).toBe('(anonymous)');
    expect(attribution('', p4)).toBe('');
  });
});
