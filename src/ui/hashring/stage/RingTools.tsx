/**
 * The ring's tools over the stage: Add node (the next free id: the store's act({do: 'add'}))
 * and, for the selected member, Remove (for good). Crash and Restart are the node's own
 * actions: in the side panel's inspector in the full app, in RingNodeBar in an embed.
 */
import { nodeRef } from '../../i18n';
import { useApp, useT } from '../../StoreContext';
import { ringDict } from '../i18n';
import { nextFreeId } from '../panel/model';

export function RingTools() {
  const lang = useApp((s) => s.lang);
  const act = useApp((s) => s.act);
  const ready = useApp((s) => s.view !== null && !s.view.violation);
  const next = useApp((s) => nextFreeId(s.view?.members ?? null, s.scenario?.nodes ?? 0) ?? 0);
  const selected = useApp((s) => s.selected);
  const isMember = useApp((s) => s.selected > 0 && s.view?.members?.[s.selected - 1] === 1);
  const r = ringDict(lang);
  return (
    <div className="stage-tools" role="toolbar" aria-label={r.ringTools}>
      <button type="button" className="chip" disabled={!ready || next === 0} title={next ? r.addNodeHelp(nodeRef(next)) : r.noFreeSlot} onClick={() => void act({ do: 'add', node: next })}>
        <span aria-hidden="true">＋</span> {r.addNode}
      </button>
      {isMember && (
        <button type="button" className="chip" disabled={!ready} title={r.removeHelp(nodeRef(selected))} onClick={() => void act({ do: 'remove', node: selected })}>
          <span aria-hidden="true">⊖</span> {r.remove} {nodeRef(selected)}
        </button>
      )}
    </div>
  );
}

/** In an embed there is no side panel: the selected node's Crash / Restart / Remove float over the stage (Add node when none is selected). */
export function RingNodeBar() {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const selected = useApp((s) => s.selected);
  const alive = useApp((s) => (s.selected ? s.view?.alive[s.selected - 1] !== false : false));
  const isMember = useApp((s) => s.selected > 0 && s.view?.members?.[s.selected - 1] === 1);
  const crash = useApp((s) => s.crash);
  const restart = useApp((s) => s.restart);
  const act = useApp((s) => s.act);
  const select = useApp((s) => s.select);
  const next = useApp((s) => nextFreeId(s.view?.members ?? null, s.scenario?.nodes ?? 0) ?? 0);
  const r = ringDict(lang);
  return (
    <div className="node-bar ring-node-bar" role="toolbar" aria-label={r.ringTools}>
      {selected > 0 && isMember ? (
        <>
          <strong>{nodeRef(selected)}</strong>
          <button type="button" className="chip danger" disabled={!alive} onClick={() => void crash(selected)}>
            <span aria-hidden="true">✕</span> {t.crash}
          </button>
          <button type="button" className="chip" disabled={alive} onClick={() => void restart(selected)}>
            <span aria-hidden="true">↻</span> {t.restart}
          </button>
          <button type="button" className="chip" onClick={() => void act({ do: 'remove', node: selected })}>
            <span aria-hidden="true">⊖</span> {r.remove}
          </button>
          <button type="button" className="chip ghost" aria-label={t.deselect} onClick={() => select(0)}>
            ×
          </button>
        </>
      ) : (
        <button type="button" className="chip" disabled={next === 0} onClick={() => void act({ do: 'add', node: next })}>
          <span aria-hidden="true">＋</span> {r.addNode}
        </button>
      )}
    </div>
  );
}
