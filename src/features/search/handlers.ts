import type { Handlers } from '../../api/handler-types.ts';
import { expandHit, search } from './queries.ts';
import { getCode } from '../codes/queries.ts';
import { createCoding, hasCoding } from '../codes/codings.ts';
import { coderId } from '../participants/coders.ts';

type Method = 'search.query' | 'search.autocode';

export const searchHandlers: Handlers<Method> = {
  'search.query': (i, h) => search(h.db, i.query, i.limit, i.documentId),
  'search.autocode': (i, h) => {
    const code = getCode(h.db, i.codeId);
    const { hits } = search(h.db, i.query, Number.MAX_SAFE_INTEGER, i.documentId);
    return h.op<{ created: number; skipped: number }>(
      (r) => `Auto-code ${r.created} ${i.scope === 'hit' ? 'hits' : i.scope + 's'} of "${i.query}" as "${code.name}"`,
      (tx) => {
        const cid = coderId(tx, i.coder);
        const done = new Set<string>();
        let created = 0,
          skipped = 0;
        for (const hit of hits) {
          const span = expandHit(tx.db, hit, i.scope);
          const key = `${hit.documentId}:${span.start}:${span.end}`;
          if (done.has(key) || hasCoding(tx.db, { documentId: hit.documentId, codeId: i.codeId, coderId: cid, ...span })) {
            skipped++;
            continue;
          }
          done.add(key);
          createCoding(tx, { documentId: hit.documentId, codeId: i.codeId, coder: i.coder, ...span });
          created++;
        }
        return { created, skipped };
      },
    );
  },
};
