import type { Participant } from '@core/model/entities.ts';

/**
 * "(P4, patient)": the write-up attribution of a quote, from a format string whose
 * {placeholders} are "participant" (the label) or any participant attribute. Missing attributes
 * are dropped together with the separator before them, so "(P4, )" never appears.
 */
export function attribution(format: string, participant: Pick<Participant, 'label' | 'attributes'> | null): string {
  if (!participant) return '(unattributed)';
  const value = (key: string) => (key === 'participant' ? participant.label : (participant.attributes[key] ?? ''));
  return format
    .replace(/([,;/·-]\s*)?\{([^}]+)\}/g, (_m, sep: string | undefined, key: string) => {
      const v = value(key.trim());
      return v ? `${sep ?? ''}${v}` : '';
    })
    .replace(/\(\s*,\s*/, '(');
}
