import { useCallback } from 'react';
import { afterFrame, call } from '../../api/client.ts';
import { useUi } from '../../state/ui.tsx';
import { useProject } from '../../state/project.tsx';
import { prefs } from '../../state/prefs.ts';
import { nextColour } from '../../model/codeTree.ts';
import { paintNewCoding } from '../transcript/highlights.ts';

/** What a researcher does to a selection, plus undo/redo; every call is one operation in the log. */
export function useCodingActions() {
  const { ui, patch } = useUi();
  const { codes, codesById } = useProject();
  const showsMine = ui.visibility === 'mine' || ui.visibility === 'both';
  const sel = ui.selection && ui.selection.documentId === ui.documentId ? ui.selection : null;

  const guard = useCallback(
    async <T>(what: string, fn: () => Promise<T>): Promise<T | undefined> => {
      try {
        return await fn();
      } catch (e) {
        patch({ status: `${what} failed: ${(e as Error).message}` });
        return undefined;
      }
    },
    [patch],
  );

  const needCoder = useCallback((): string | null => {
    if (ui.coder) return ui.coder;
    patch({ dialog: { kind: 'coder' }, status: 'Choose who you are coding as first.' });
    return null;
  }, [ui.coder, patch]);

  const applyCode = useCallback(
    async (codeId: number) => {
      const coder = needCoder();
      if (!sel || !coder) return;
      const coding = await guard('Coding', () =>
        call('codings.create', { documentId: sel.documentId, codeId, coder, start: sel.start, end: sel.end }),
      );
      if (!coding) return;
      const code = codesById.get(codeId);
      if (showsMine) paintNewCoding(coding, code?.color ?? '#888888');
      prefs.useCode(codeId);
      const name = code?.name ?? 'code';
      afterFrame(() => patch({ activeCodingIds: [coding.id], rightTab: 'coding', dialog: null, status: `Coded as “${name}”` }));
    },
    [sel, needCoder, guard, codesById, patch, showsMine],
  );

  const createCode = useCallback(
    async (name: string, parentId: number | null, color?: string, apply = true) => {
      const code = await guard('Creating the code', () => call('codes.create', { name, parentId, color: color ?? nextColour(codes) }));
      if (!code) return;
      if (apply && sel) await applyCode(code.id);
      else patch({ dialog: null, selectedCodeId: code.id, status: `Created code “${name}”` });
    },
    [guard, codes, sel, applyCode, patch],
  );

  const inVivo = useCallback(async () => {
    const coder = needCoder();
    if (!sel || !coder) return;
    const r = await guard('In-vivo coding', () =>
      call('codings.inVivo', { documentId: sel.documentId, coder, start: sel.start, end: sel.end }),
    );
    if (!r) return;
    if (showsMine) paintNewCoding(r.coding, r.code.color);
    prefs.useCode(r.code.id);
    afterFrame(() => patch({ activeCodingIds: [r.coding.id], rightTab: 'coding', status: `In-vivo code “${r.code.name}”` }));
  }, [sel, needCoder, guard, patch, showsMine]);

  const removeCoding = useCallback(
    async (id: number) => {
      if (await guard('Removing the coding', () => call('codings.remove', { id }))) {
        patch({ activeCodingIds: ui.activeCodingIds.filter((x) => x !== id), status: 'Coding removed' });
      }
    },
    [guard, patch, ui.activeCodingIds],
  );

  const resize = useCallback(
    (id: number, start: number, end: number) => guard('Resizing', () => call('codings.resize', { id, start, end })),
    [guard],
  );

  const undo = useCallback(async () => {
    const r = await guard('Undo', () => call('history.undo', {}));
    if (r) patch({ status: `Undone: ${r.summary}` });
  }, [guard, patch]);
  const redo = useCallback(async () => {
    const r = await guard('Redo', () => call('history.redo', {}));
    if (r) patch({ status: `Redone: ${r.summary}` });
  }, [guard, patch]);

  return { selection: sel, applyCode, createCode, inVivo, removeCoding, resize, undo, redo, guard };
}
