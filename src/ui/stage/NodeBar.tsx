/**
 * In an embed there is no side panel: the selected node's actions float over the stage
 * instead (and only there, so each action has exactly one button).
 */
import { useApp, useT } from '../StoreContext';
import { nodeRef } from '../i18n';

export function NodeBar() {
  const t = useT();
  const selected = useApp((s) => s.selected);
  const alive = useApp((s) => (s.selected ? s.view?.alive[s.selected - 1] !== false : false));
  const crash = useApp((s) => s.crash);
  const restart = useApp((s) => s.restart);
  const select = useApp((s) => s.select);
  if (!selected) return null;
  return (
    <div className="node-bar" role="toolbar" aria-label={t.tabNodeN(String(selected))}>
      <strong>{nodeRef(selected)}</strong>
      <button type="button" className="chip danger" disabled={!alive} onClick={() => void crash(selected)}>
        <span aria-hidden="true">✕</span> {t.crash}
      </button>
      <button type="button" className="chip" disabled={alive} onClick={() => void restart(selected)}>
        <span aria-hidden="true">↻</span> {t.restart}
      </button>
      <button type="button" className="chip ghost" aria-label={t.deselect} onClick={() => select(0)}>
        ×
      </button>
    </div>
  );
}
