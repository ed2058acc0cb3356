import { useRef, useState } from 'react';
import { call } from '../../api/client.ts';
import { useProject } from '../../state/project.tsx';
import { useUi } from '../../state/ui.tsx';
import { codeTree, subtreeIds, type CodeNode } from '../../model/codeTree.ts';
import { Swatch } from '../../components/Swatch.tsx';
import { toggled } from '../../model/sets.ts';

/** The code tree with counts; drag a code onto another to re-parent it, onto the heading to make it top level. */
export function Codebook() {
  const { codes } = useProject();
  const { ui, patch } = useUi();
  const [collapsed, setCollapsed] = useState<Set<number>>(new Set());
  // A ref, not state: dragover events arrive before React would re-render with a new state.
  const drag = useRef<number | null>(null);
  const setDragging = (id: number | null) => {
    drag.current = id;
  };
  const [over, setOver] = useState<number | 'top' | null>(null);

  const move = async (id: number, parentId: number | null) => {
    setDragging(null);
    setOver(null);
    if (parentId !== null && subtreeIds(codes, id).has(parentId)) return patch({ status: 'A code cannot go under its own sub-code.' });
    if (codes.find((c) => c.id === id)?.parentId === parentId) return;
    try {
      await call('codes.move', { id, parentId });
    } catch (e) {
      patch({ status: (e as Error).message });
    }
  };

  const row = (n: CodeNode) => {
    const c = n.code;
    const open = !collapsed.has(c.id);
    return (
      <li key={c.id}>
        <div
          className={`code-row${ui.selectedCodeId === c.id ? ' selected' : ''}${over === c.id ? ' drop' : ''}`}
          style={{ paddingLeft: 8 + n.depth * 14 }}
          draggable
          data-code-id={c.id}
          onDragStart={(e) => {
            setDragging(c.id);
            e.dataTransfer.setData('text/plain', String(c.id));
            e.dataTransfer.effectAllowed = 'move';
          }}
          onDragEnd={() => {
            setDragging(null);
            setOver(null);
          }}
          onDragOver={(e) => {
            if (drag.current !== null && drag.current !== c.id) {
              e.preventDefault();
              setOver(c.id);
            }
          }}
          onDragLeave={() => setOver((o) => (o === c.id ? null : o))}
          onDrop={(e) => {
            e.preventDefault();
            if (drag.current !== null) void move(drag.current, c.id);
          }}
          onClick={() => patch({ selectedCodeId: c.id, rightTab: 'code' })}
        >
          <button
            className="twisty"
            aria-label={open ? 'Collapse' : 'Expand'}
            style={{ visibility: n.children.length ? 'visible' : 'hidden' }}
            onClick={(e) => {
              e.stopPropagation();
              setCollapsed((s) => toggled(s, c.id));
            }}
          >
            {open ? '▾' : '▸'}
          </button>
          <Swatch color={c.color} />
          <button type="button" className="code-name" title={c.definition || c.name} aria-pressed={ui.selectedCodeId === c.id}>
            {c.name}
          </button>
          <span
            className="code-count"
            title={`${c.codingCount} codings · ${c.documentCount} documents · ${c.participantCount} participants`}
          >
            {c.codingCount}
          </span>
        </div>
        {open && n.children.length > 0 && <ul>{n.children.map(row)}</ul>}
      </li>
    );
  };

  return (
    <section className="panel-section codebook-section">
      <h2
        className={`section-title${over === 'top' ? ' drop' : ''}`}
        onDragOver={(e) => {
          if (drag.current !== null) {
            e.preventDefault();
            setOver('top');
          }
        }}
        onDragLeave={() => setOver((o) => (o === 'top' ? null : o))}
        onDrop={(e) => {
          e.preventDefault();
          if (drag.current !== null) void move(drag.current, null);
        }}
      >
        Codebook <span className="count">{codes.length}</span>
        <button className="mini-btn" onClick={() => patch({ dialog: { kind: 'newCode' } })} title="New code (N)">
          + New
        </button>
      </h2>
      <ul className="code-tree" aria-label="Codebook">
        {codeTree(codes).map(row)}
      </ul>
    </section>
  );
}
