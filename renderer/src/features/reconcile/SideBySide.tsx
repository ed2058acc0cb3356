import type { Output } from '@api/contract.ts';
import { useProject } from '../../state/project.tsx';

export type Disagreement = Output<'reconcile.list'>['items'][number];
type Span = Disagreement['a'][number];

/** The passage with one coder's spans marked, the rest of the passage and the context greyed. */
function Marked({ d, spans, tint }: { d: Disagreement; spans: Span[]; tint: string }) {
  // Cut the passage at every span boundary, so overlapping spans of one coder mark once.
  const cuts = [...new Set([d.start, d.end, ...spans.flatMap((s) => [s.start, s.end])])]
    .filter((x) => x >= d.start && x <= d.end)
    .sort((x, y) => x - y);
  const parts = cuts.slice(1).map((end, i) => ({ start: cuts[i], end }));
  return (
    <p className="rc-text">
      <span className="context">…{d.before}</span>
      {parts.map((p) => {
        const t = d.text.slice(p.start - d.start, p.end - d.start);
        return spans.some((s) => s.start < p.end && p.start < s.end) ? (
          <mark key={p.start} style={{ background: `${tint}40` }}>
            {t}
          </mark>
        ) : (
          <span key={p.start} className="rc-uncoded">
            {t}
          </span>
        );
      })}
      <span className="context">{d.after}…</span>
    </p>
  );
}

/** Coder A's reading next to coder B's, over the same transcript text. */
export function SideBySide({ d, coderA, coderB }: { d: Disagreement; coderA: string; coderB: string }) {
  const { codesById } = useProject();
  const side = (name: string, spans: Span[], which: 'a' | 'b') => {
    const codeNames = [...new Set(spans.map((s) => codesById.get(s.codeId)?.name ?? d.code))];
    const tint = codesById.get(spans[0]?.codeId ?? d.codeId)?.color ?? '#2f5d8a';
    return (
      <div className="rc-side" data-side={which}>
        <div className="rc-side-head small">
          <strong>{name}</strong>
          <span className="muted">
            {spans.length ? `${codeNames.join(', ')} · ${spans.map((s) => `${s.start}–${s.end}`).join(', ')}` : 'did not code this'}
          </span>
        </div>
        <Marked d={d} spans={spans} tint={tint} />
      </div>
    );
  };
  return (
    <div className="rc-pair">
      {side(coderA, d.a, 'a')}
      {side(coderB, d.b, 'b')}
    </div>
  );
}
