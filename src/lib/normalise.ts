/**
 * One canonical form for stored text, so that offsets computed at import stay valid wherever the
 * text is compared later (search, exports): NFC, "\n" line ends, no byte-order mark.
 */
export function normaliseText(s: string): string {
  const withoutBom = s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
  return withoutBom.replace(/\r\n?/g, '\n').normalize('NFC');
}
