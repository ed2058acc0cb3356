import { useEffect, useState } from 'react';
import { call } from '../../api/client.ts';
import { useQuery } from '../../hooks/useQuery.ts';
import { useUi } from '../../state/ui.tsx';

/** A memo on one coding: why this span, what it made the coder think. Saved when the field loses focus. */
export function CodingMemo({ codingId }: { codingId: number }) {
  const { ui } = useUi();
  const memos = useQuery('memos.list', { targetType: 'coding', targetId: codingId });
  const memo = memos.data?.[0];
  const [body, setBody] = useState('');
  useEffect(() => {
    setBody(memo?.body ?? '');
  }, [memo?.id, memo?.body]);
  const save = async () => {
    if (body === (memo?.body ?? '')) return;
    if (memo) await call('memos.update', { id: memo.id, body });
    else if (body.trim())
      await call('memos.create', { targetType: 'coding', targetId: codingId, title: 'Coding memo', body, author: ui.coder ?? '' });
  };
  return (
    <textarea
      className="memo"
      placeholder="Memo on this coding…"
      value={body}
      onChange={(e) => setBody(e.target.value)}
      onBlur={() => void save()}
      rows={2}
      aria-label="Coding memo"
    />
  );
}
