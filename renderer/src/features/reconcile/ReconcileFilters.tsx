import type { Output } from '@api/contract.ts';

export interface Filters {
  codeId: number | null;
  kind: string;
  status: 'all' | 'open' | 'resolved';
  sort: 'code' | 'document' | 'open-first' | 'largest';
}
export const KIND_LABEL: Record<string, string> = {
  'a-only': 'Only A coded',
  'b-only': 'Only B coded',
  boundaries: 'Boundaries differ',
  'different-codes': 'Different codes',
};

/** Narrow the review to one code, one kind of disagreement, or what is still open. */
export function ReconcileFilters({ f, set, groups }: { f: Filters; set(f: Filters): void; groups: Output<'reconcile.list'>['groups'] }) {
  const codes = [...new Map(groups.map((g) => [g.codeId, g.code])).entries()];
  return (
    <div className="rc-filters">
      <label className="inline-field small">
        Code
        <select
          aria-label="Filter by code"
          value={f.codeId ?? ''}
          onChange={(e) => set({ ...f, codeId: e.target.value ? Number(e.target.value) : null })}
        >
          <option value="">All codes</option>
          {codes.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field small">
        Kind
        <select aria-label="Filter by kind" value={f.kind} onChange={(e) => set({ ...f, kind: e.target.value })}>
          <option value="">All kinds</option>
          {Object.entries(KIND_LABEL).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field small">
        Show
        <select aria-label="Filter by status" value={f.status} onChange={(e) => set({ ...f, status: e.target.value as Filters['status'] })}>
          <option value="all">All</option>
          <option value="open">Unresolved</option>
          <option value="resolved">Resolved</option>
        </select>
      </label>
      <label className="inline-field small">
        Sort
        <select aria-label="Sort disagreements" value={f.sort} onChange={(e) => set({ ...f, sort: e.target.value as Filters['sort'] })}>
          <option value="code">by code</option>
          <option value="document">by document</option>
          <option value="open-first">unresolved first</option>
          <option value="largest">largest passages first</option>
        </select>
      </label>
    </div>
  );
}
