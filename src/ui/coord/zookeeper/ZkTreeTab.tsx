/**
 * The znode tree of one server (the leader unless the reader picks another, or selects a
 * server on the stage): ephemeral nodes with their owner's session and client, sequential
 * suffixes in bold, the watches set on THAT server by client, a watch that just fired
 * flashing (a deleted node's stays a moment, struck through), stat on hover and in each
 * row's accessible name. Above it, every server's applied zxid against the leader's: a
 * follower that lags is visible, and so is why its reads can be stale.
 */
import { useId, useState } from 'react';
import { sessionHex } from '../../../core/coord/zookeeper/types';
import { zxidHex, type ZabNodeView } from '../../../core/zab/types';
import { fmtInt } from '../../i18n';
import { useApp } from '../../StoreContext';
import { zkDict, type ZkDict } from './i18n';
import { defaultServer, recentFires, serverLags, sessionOwners, statLines, treeRows, zkFrame, type ServerLag, type StatLine, type TreeRowVM } from './model';
import './zk.css';

function lagText(l: ServerLag, z: ZkDict, lang: 'en' | 'zh'): string {
  if (!l.lags) return l.leader ? '' : z.upToDate;
  return l.behind === null ? z.behindEpoch : z.behind(fmtInt(l.behind, lang));
}

function clientRef(c: number, z: ZkDict): string {
  return c ? `c${c}` : z.unknownClient;
}

function rowName(r: TreeRowVM, z: ZkDict): string {
  const kind = [r.ephemeral ? z.ephemeral : z.persistent, r.seq ? z.sequential : ''].filter(Boolean).join(' ');
  const stat = z.stat(String(r.version), sessionHex(r.owner), String(r.stat?.numChildren ?? r.children));
  const extra = [
    r.gone ? z.gone : '',
    r.ephemeral ? z.ownedBy(sessionHex(r.owner), clientRef(r.ownerClient, z)) : '',
    r.watches.length ? z.watchedBy(r.watches.map((w) => `${clientRef(w.client, z)} (${w.kind === 'data' ? z.dataWatch : z.childWatch})`).join(', ')) : '',
    ...r.fired.map((f) => z.firedName(f.type, clientRef(f.client, z))),
  ].filter(Boolean);
  return z.rowName(r.path, kind, stat, extra.join(', '));
}

/** A stat field's label: ZooKeeper's own name (Stat's getters), `data` in the language. */
function fieldLabel(l: StatLine, z: ZkDict): string {
  return l.field === 'data' ? z.statData : l.field;
}

/** The stat in one line, for the row's accessible description. */
export function statText(lines: readonly StatLine[], z: ZkDict): string {
  return z.statDescription(lines.map((l) => `${fieldLabel(l, z)} ${l.value}`).join(', '));
}

export function ZkTreeTab() {
  const lang = useApp((s) => s.lang);
  const view = useApp((s) => s.view);
  const selected = useApp((s) => s.selected);
  const [picked, setPicked] = useState<number | null>(null);
  // The row whose stat card shows (hovered or focused).
  const [shown, setShown] = useState<string | null>(null);
  const uid = useId();
  const frame = zkFrame(view?.service);
  if (!view || !frame) return null;
  const z = zkDict(lang);
  const nodes = view.nodes as ZabNodeView[];
  const lags = serverLags(nodes);
  // The reader's pick in this tab, else the server selected on the stage, else the leader.
  const id = picked ?? (selected >= 1 && selected <= nodes.length ? selected : defaultServer(nodes));
  const node = nodes.find((n) => n.id === id);
  const lag = lags.find((l) => l.id === id);
  const leader = lags.find((l) => l.leader);
  const owners = sessionOwners(frame.clients, frame.ops, nodes);
  const rows = node?.zk && node.role !== 'down' ? treeRows(node.zk, owners, recentFires(frame.events, view.time)) : null;

  return (
    <div className="zk-tree-tab" data-testid="zk-tree">
      <div className="zk-servers" role="group" aria-label={z.treeOf}>
        <span className="zk-servers-label">{z.treeOf}</span>
        {lags.map((l) => {
          const role = !l.alive ? z.downShort : l.leader ? z.leaderShort : z.followerShort;
          const lt = lagText(l, z, lang);
          return (
            <button
              key={l.id}
              type="button"
              className={`zk-server-btn ${l.lags ? 'lags' : ''} ${l.leader ? 'leader' : ''}`}
              aria-pressed={l.id === id}
              data-server={l.id}
              data-applied={zxidHex(l.applied)}
              data-lags={String(l.lags)}
              title={z.serverName(`n${l.id}`, role, zxidHex(l.applied), lt)}
              onClick={() => setPicked(l.id)}
            >
              {l.leader ? '★ ' : !l.alive ? '✕ ' : ''}
              {z.serverButton(`n${l.id}`, zxidHex(l.applied))}
              {l.lags && <span className="zk-lag"> ▼{l.behind ?? ''}</span>}
            </button>
          );
        })}
      </div>
      {lag?.lags && leader && (
        <p className="zk-lag-note" data-testid="zk-lag-note">
          {z.lagNote(`n${lag.id}`, zxidHex(lag.applied), zxidHex(leader.applied))}
        </p>
      )}
      {rows === null ? (
        <p className="note">{z.noTree}</p>
      ) : (
        <ul className="zk-tree" aria-label={`${z.treeTitle} · n${id}`} data-server={id}>
          {rows.map((r, i) => {
            const name = rowName(r, z);
            const lines = statLines(r);
            const descId = `${uid}-stat-${i}`;
            return (
              <li
                key={r.path}
                className={`zk-row ${r.ephemeral ? 'ephemeral' : ''} ${r.gone ? 'gone' : ''} ${r.fired.length ? 'fired' : ''}`}
                data-path={r.path}
                data-version={r.version}
                data-owner={sessionHex(r.owner)}
                data-watches={r.watches.map((w) => `${w.kind}:${w.client}`).join(' ')}
                data-fired={r.fired.map((f) => `${f.type}:${f.client}`).join(' ')}
                data-gone={String(r.gone)}
                style={{ paddingInlineStart: `${r.depth * 1.1}em` }}
                tabIndex={0}
                aria-label={name}
                aria-describedby={descId}
                onMouseEnter={() => setShown(r.path)}
                onMouseLeave={() => setShown((p) => (p === r.path ? null : p))}
                onFocus={() => setShown(r.path)}
                onBlur={() => setShown((p) => (p === r.path ? null : p))}
              >
                <span id={descId} className="sr-only">
                  {statText(lines, z)}
                </span>
                <span className="zk-name">
                  {r.path === '/' ? '/' : r.base}
                  {r.seq && <b className="zk-seq">{r.seq}</b>}
                </span>
                <span className="zk-ver">{z.version(String(r.version))}</span>
                {r.ephemeral && <span className="zk-eph">◷ {z.ephemeralOf(clientRef(r.ownerClient, z))}</span>}
                {r.watches.map((w) => (
                  <span key={`${w.kind}-${w.session}`} className={`zk-watch ${w.kind}`} title={z.watchTitle(w.kind === 'data' ? z.dataWatch : z.childWatch, clientRef(w.client, z), sessionHex(w.session))}>
                    {w.kind === 'data' ? z.watchData(clientRef(w.client, z)) : z.watchChild(clientRef(w.client, z))}
                  </span>
                ))}
                {r.fired.map((f) => (
                  <span key={`${f.type}-${f.client}-${f.time}`} className="zk-fired">
                    {z.fired(f.type, clientRef(f.client, z))}
                  </span>
                ))}
                {shown === r.path && (
                  <div className="zk-stat-card" data-testid="zk-stat" aria-hidden="true">
                    <div className="zk-stat-title">{z.statTitle(r.path)}</div>
                    <dl>
                      {lines.map((l) => (
                        <div key={l.field} data-field={l.field}>
                          <dt>{fieldLabel(l, z)}</dt>
                          <dd>{l.value}</dd>
                        </div>
                      ))}
                    </dl>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <p className="note">{z.treeCaption}</p>
    </div>
  );
}
