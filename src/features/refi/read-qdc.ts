// Reads a REFI-QDA codebook (.qdc): codes and sets. Codebook.xsd, namespace urn:QDA-XML:codebook:1.0;
// the namespace and schemaLocation are not checked (ATLAS.ti 23.4 writes a schemaLocation of
// "codebook:0:4" next to the 1.0 namespace, and its codebooks are otherwise fine).
import type { RefiCodebook } from './model.ts';
import { readCodes, readSets, type ReadOptions } from './read-qde.ts';
import { firstChild, importFailed, parseXml } from '../../lib/xml.ts';

export function readQdc(input: string | Uint8Array, options: ReadOptions = {}): RefiCodebook {
  const label = options.label ?? 'codebook.qdc';
  const root = parseXml(input, label);
  if (root.name === 'Project')
    throw importFailed(`${label}: this is a REFI-QDA project (<Project>), not a codebook; import it as a .qde or .qdpx`);
  if (root.name !== 'CodeBook')
    throw importFailed(`${label}: the root element is <${root.name}>, not <CodeBook>; this is not a REFI-QDA codebook`);
  const ctx = { label, noteRefs: [] };
  return {
    origin: root.attrs.origin,
    codes: readCodes(firstChild(root, 'Codes'), ctx),
    sets: readSets(firstChild(root, 'Sets'), ctx),
  };
}
