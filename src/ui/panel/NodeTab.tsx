/**
 * The selected node's inspector: Crash / Restart, a request through it, isolating it,
 * its links (cut or mend each direction — the keyboard route to link faults), and its
 * protocol state.
 */
import { useApp, useT } from '../StoreContext';
import { nodeRef } from '../i18n';
import type { ProtocolView } from '../views/types';
import { linkDown } from '../stage/geometry';

export function NodeTab({ pv }: { pv: ProtocolView }) {
  const t = useT();
  const selected = useApp((s) => s.selected);
  const node = useApp((s) => (s.selected ? s.view?.nodes[s.selected - 1] : undefined));
  const network = useApp((s) => s.view?.network ?? null);
  const count = useApp((s) => s.view?.nodes.length ?? 0);
  const stopped = useApp((s) => !!s.view?.violation);
  const crash = useApp((s) => s.crash);
  const restart = useApp((s) => s.restart);
  const request = useApp((s) => s.request);
  const partition = useApp((s) => s.partition);
  const cut = useApp((s) => s.cut);
  const mend = useApp((s) => s.mend);

  if (!selected || node === undefined || !network) {
    return <p className="note">{t.selectNodeHint}</p>;
  }
  const info = pv.nodeInfo(node, t);
  const others = Array.from({ length: count }, (_, i) => i + 1).filter((id) => id !== selected);
  const isCut = (from: number, to: number) => network.cuts.some(([f, tt]) => f === from && tt === to);
  const me = nodeRef(selected);

  return (
    <div className="node-tab">
      <h2 className="node-title">
        {info.name}
      </h2>
      <div className="btn-row">
        <button type="button" className="btn danger" disabled={!info.alive || stopped} onClick={() => void crash(selected)}>
          <span aria-hidden="true">✕</span> {t.crash}
        </button>
        <button type="button" className="btn" disabled={info.alive || stopped} onClick={() => void restart(selected)}>
          <span aria-hidden="true">↻</span> {t.restart}
        </button>
        <button type="button" className="btn" disabled={stopped} onClick={() => void request(selected)}>
          <span aria-hidden="true">✉</span> {t.requestTo(me)}
        </button>
        <button
          type="button"
          className="btn"
          disabled={stopped}
          onClick={() => void partition([[selected], others])}
        >
          <span aria-hidden="true">⟂</span> {t.isolate(me)}
        </button>
      </div>
      <pv.NodeFields node={node} />
      <table className="node-links">
        <tbody>
          {others.map((o) => {
            const out = isCut(selected, o);
            const inn = isCut(o, selected);
            const blocked = linkDown(network, selected, o) && !out;
            return (
              <tr key={o} className={blocked ? 'blocked' : ''}>
                <th scope="row">{nodeRef(o)}</th>
                <td>
                  <button type="button" className="btn tiny" aria-pressed={out} disabled={stopped} onClick={() => void (out ? mend(selected, o) : cut(selected, o))}>
                    {out && <span aria-hidden="true">✂ </span>}
                    {t.cutDir(me, nodeRef(o))}
                  </button>
                </td>
                <td>
                  <button type="button" className="btn tiny" aria-pressed={inn} disabled={stopped} onClick={() => void (inn ? mend(o, selected) : cut(o, selected))}>
                    {inn && <span aria-hidden="true">✂ </span>}
                    {t.cutDir(nodeRef(o), me)}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
