/**
 * The selected node's inspector: Crash / Restart, Time out (its election timer fires now,
 * RaftScope's "time out"), a request through it, isolating it,
 * its links (cut or mend each direction — the keyboard route to link faults), and its
 * protocol state.
 */
import { useApp, useT } from '../StoreContext';
import { nodeRef } from '../i18n';
import { HUB_ID } from '../../core/protocol';
import type { NodeAction, ProtocolView } from '../views/types';

const DEFAULT_NODE_TAB: NonNullable<ProtocolView['nodeTab']> = { actions: ['timeout', 'request', 'isolate'], links: 'nodes' };
import { linkDown } from '../stage/geometry';

export function NodeTab({ pv }: { pv: ProtocolView }) {
  const t = useT();
  const selected = useApp((s) => s.selected);
  const lang = useApp((s) => s.lang);
  const node = useApp((s) => (s.selected ? s.view?.nodes[s.selected - 1] : undefined));
  const members = useApp((s) => s.view?.members ?? null);
  const network = useApp((s) => s.view?.network ?? null);
  const count = useApp((s) => s.view?.nodes.length ?? 0);
  const stopped = useApp((s) => !!s.view?.violation);
  const crash = useApp((s) => s.crash);
  const restart = useApp((s) => s.restart);
  const act = useApp((s) => s.act);
  const request = useApp((s) => s.request);
  const partition = useApp((s) => s.partition);
  const cut = useApp((s) => s.cut);
  const mend = useApp((s) => s.mend);

  if (!selected || node === undefined || !network) {
    return <p className="note">{t.selectNodeHint}</p>;
  }
  const info = pv.nodeInfo(node, t, lang);
  const tab = pv.nodeTab ?? DEFAULT_NODE_TAB;
  const offers = (a: NodeAction) => tab.actions.includes(a);
  // A membership protocol's absent and removed slots are not peers.
  const peers = Array.from({ length: count }, (_, i) => i + 1).filter((id) => id !== selected && (members === null || members[id - 1] === 1));
  const others = tab.links === 'hub' ? [HUB_ID] : peers;
  const peerName = (id: number) => (id === HUB_ID && pv.hubName ? pv.hubName(lang) : nodeRef(id));
  const isMember = members === null || members[selected - 1] === 1;
  const isCut = (from: number, to: number) => network.cuts.some(([f, tt]) => f === from && tt === to);
  const me = nodeRef(selected);

  return (
    <div className="node-tab">
      <h2 className="node-title">
        {info.name}
      </h2>
      <div className="btn-row">
        {/* One button that turns from Crash into Restart and back: the same element, so
            keyboard focus stays on it (two buttons, one disabled, dropped focus to <body>). */}
        <button
          type="button"
          className={`btn ${info.alive ? 'danger' : ''}`}
          data-life={info.alive ? 'crash' : 'restart'}
          disabled={stopped}
          onClick={() => void (info.alive ? crash(selected) : restart(selected))}
        >
          <span aria-hidden="true">{info.alive ? '✕' : '↻'}</span> {info.alive ? t.crash : t.restart}
        </button>
        {offers('remove') && isMember && (
          <button type="button" className="btn danger" title={t.removeNodeHelp(me)} disabled={stopped} onClick={() => void act({ do: 'remove', node: selected })}>
            <span aria-hidden="true">⊖</span> {t.removeNode}
          </button>
        )}
        {offers('timeout') && info.alive && (
          <button type="button" className="btn" title={t.chromeTimeoutHelp(me)} disabled={stopped} onClick={() => void act({ do: 'timeout', node: selected })}>
            <span aria-hidden="true">◔</span> {t.chromeTimeout}
          </button>
        )}
        {offers('request') && (
          <button type="button" className="btn" disabled={stopped} onClick={() => void request(selected)}>
            <span aria-hidden="true">✉</span> {t.requestTo(me)}
          </button>
        )}
        {offers('isolate') && (
          <button
            type="button"
            className="btn"
            disabled={stopped}
            onClick={() => void partition([[selected], peers])}
          >
            <span aria-hidden="true">⟂</span> {t.isolate(me)}
          </button>
        )}
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
                <th scope="row">{peerName(o)}</th>
                <td>
                  <button type="button" className="btn tiny" aria-pressed={out} disabled={stopped} onClick={() => void (out ? mend(selected, o) : cut(selected, o))}>
                    {out && <span aria-hidden="true">✂ </span>}
                    {t.cutDir(me, peerName(o))}
                  </button>
                </td>
                <td>
                  <button type="button" className="btn tiny" aria-pressed={inn} disabled={stopped} onClick={() => void (inn ? mend(o, selected) : cut(o, selected))}>
                    {inn && <span aria-hidden="true">✂ </span>}
                    {t.cutDir(peerName(o), me)}
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
