/**
 * ZooKeeper's layer on the ZAB stage: each client as an actor with a line to the server it
 * is connected to (dashed while it looks for one), its session state, its read time-out
 * draining against the frame clock and a paused mark; under the ring, each lock's queue as
 * a line of waiters, the holder first, each waiter's arrow pointing at the predecessor it
 * watches (no herd), a paused holder that still believes it holds the lock marked as such.
 */
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { CLIENT_ID_BASE } from '../../../core/protocol';
import { sessionHex } from '../../../core/coord/zookeeper/types';
import type { ZkClientView } from '../../../core/coord/zookeeper/client';
import type { ZabNodeView } from '../../../core/zab/types';
import { fmtTime } from '../../i18n';
import { useApp } from '../../StoreContext';
import { useFrameClock } from '../../stage/useFrameClock';
import type { ServiceStageLayout } from '../../views/types';
import { NODE_R, type StageText } from '../../stage/geometry';
import { zkDict, type ZkDict } from './i18n';
import { clientAnchor, clientCutLines, clientLinks, clientPath, defaultServer, entryCentre, entryLabel, lineObstacles, pathD, drainLeft, lockQueues, sessionOwners, zkFrame, type ClientLinks, type LockEntry, type LockQueue, type ZkStageGeometry } from './model';
import { ZkClientMenu } from './ZkClientMenu';
import './zk.css';

/** About how tall the client menu is (px), to keep it inside the stage. */
const MENU_H = 270;

export interface ZkStageLayout extends ServiceStageLayout {
  zk: ZkStageGeometry;
}

/** A client's cut links in words ('' when none is cut). */
export function cutText(l: ClientLinks | undefined, z: ZkDict): string {
  if (!l || l.cut.length === 0) return '';
  return l.isolated ? z.cutFromAll : z.cutFrom(l.cut.map((n) => `n${n}`).join(', '));
}

function clientName(c: ZkClientView, z: ZkDict, lang: 'en' | 'zh', now: number, links?: ClientLinks): string {
  const left = drainLeft(c, now);
  return z.clientName(
    String(c.client),
    z.states[c.state],
    c.server ? z.toServer(`n${c.server}`) : '',
    c.session ? sessionHex(c.session) : '',
    left === null ? '' : z.timeLeft(fmtTime(Math.max(0, c.deadlineMs - now), lang), fmtTime(c.timeoutMs, lang)),
    c.pausedUntil > now ? z.pausedUntil(fmtTime(c.pausedUntil, lang)) : '',
    cutText(links, z),
  );
}

function entryState(e: LockEntry, z: ZkDict): string {
  if (e.stale) return z.staleHolder;
  if (e.holds) return z.holds;
  if (e.node === '') return z.creating;
  return z.waits;
}

/**
 * A waiter's arrow to the predecessor it watches: straight back along its line, or, when
 * the queue wrapped and the predecessor ends the line above, out of its left edge, up
 * into the gap between the lines (below the notes under the line above) and into the
 * predecessor's bottom.
 */
function watchArrow(g: ZkStageGeometry, from: { x: number; y: number }, to: { x: number; y: number }, label: number): { d: string; tx: number; ty: number } {
  const hw = g.entryW / 2;
  const hh = g.entryH / 2;
  if (Math.abs(from.y - to.y) < 1) {
    return { d: `M${from.x - hw - 2},${from.y} L${to.x + hw + 6},${to.y}`, tx: (from.x - hw + to.x + hw) / 2, ty: from.y - label * 0.75 };
  }
  const side = from.x - hw - g.entryGap / 2;
  // Under the line above and under its "believes it holds" notes (which end 1.3 labels below an entry).
  const mid = to.y + hh + label * 1.6;
  return { d: `M${from.x - hw - 2},${from.y} H${side} V${mid} H${to.x} V${to.y + hh + 6}`, tx: side, ty: from.y - label * 0.75 };
}

function Queue({ q, g, row, text, z }: { q: LockQueue; g: ZkStageGeometry; row: number; text: StageText; z: ZkDict }) {
  const r = g.queues[row];
  const at = (i: number) => entryCentre(g, row, i);
  const holder = q.entries.find((e) => e.holds);
  const waiting = q.entries.filter((e) => !e.holds);
  const name = z.lockQueueName(
    q.path,
    holder ? z.holderIs(holder.client ? `c${holder.client}` : z.orphan) : z.nobodyHolds,
    waiting.length ? z.waitingList(waiting.map((e) => (e.client ? `c${e.client}` : e.name)).join(', ')) : z.noneWaiting,
  );
  return (
    <g className="zk-queue" data-lock={q.path} role="list" aria-label={name}>
      <text className="zk-queue-title" x={r.x0} y={r.y} dominantBaseline="central" style={{ fontSize: text.label }}>
        {z.lockTitle(q.path)}
      </text>
      {q.entries.map((e, i) => {
        const { x, y } = at(i);
        const pred = e.waitsOnIndex;
        const stateWord = entryState(e, z);
        const who = e.client ? `c${e.client}` : z.orphan;
        const shown = e.name ? entryLabel(e.name, e.seq, g.short) : null;
        const arrow = pred >= 0 && pred < i ? watchArrow(g, { x, y }, at(pred), text.label) : null;
        return (
          <g
            key={e.node || `pending-${e.client}`}
            className={`zk-entry ${e.holds ? 'holds' : ''} ${e.stale ? 'stale' : ''} ${e.paused ? 'paused' : ''} ${e.inTree ? '' : 'absent'}`}
            data-node={e.node}
            data-client={e.client}
            data-holds={String(e.holds)}
            data-believes={String(e.believes)}
            data-watches={e.waitsOn}
            role="listitem"
            aria-label={z.entryName(e.name || z.creating, who, stateWord, e.waitsOn ? e.waitsOn.slice(e.waitsOn.lastIndexOf('/') + 1) : '')}
          >
            <title>{[e.node || z.creating, who, stateWord, e.zxid ? z.fence(`0x${e.zxid.toString(16)}`) : ''].filter(Boolean).join(' · ')}</title>
            {arrow && (
              <g className="zk-watch-arrow" aria-hidden="true">
                <path d={arrow.d} markerEnd="url(#zk-arrow)" />
                <text x={arrow.tx} y={arrow.ty} textAnchor="middle" style={{ fontSize: text.label * g.entryText.watches }}>
                  {z.watches}
                </text>
              </g>
            )}
            <rect x={x - g.entryW / 2} y={y - g.entryH / 2} width={g.entryW} height={g.entryH} rx={5} />
            <text className="zk-entry-name" x={x} y={y - g.entryH * 0.2} textAnchor="middle" dominantBaseline="central" style={{ fontSize: text.label * g.entryText.name }}>
              {shown ? (
                <>
                  {shown.head}
                  {shown.seq && <tspan className="zk-seq">{shown.seq}</tspan>}
                </>
              ) : (
                z.creating
              )}
            </text>
            <text className="zk-entry-who" x={x} y={y + g.entryH * 0.24} textAnchor="middle" dominantBaseline="central" style={{ fontSize: text.label }}>
              {/* Short entries say "creating…" once, on the name line. */}
              {e.stale ? `⚠ ${who}` : g.short && !e.name ? who : `${who} · ${stateWord}`}
              {e.paused ? ' ❚❚' : ''}
            </text>
            {e.stale && (
              <text className="zk-stale-note" x={x - g.entryW / 2} y={y + g.entryH / 2 + text.label * 0.8} textAnchor="start" dominantBaseline="central" style={{ fontSize: text.label * g.entryText.note }}>
                {z.believes} · {z.staleShort}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
}

export function ZkStageLayer({ layout, text }: { layout: ServiceStageLayout; text: StageText }) {
  const g = (layout as ZkStageLayout).zk;
  const lang = useApp((s) => s.lang);
  const view = useApp((s) => s.view);
  const bars = useRef(new Map<number, SVGRectElement>());
  const frame = zkFrame(view?.service);
  // The client whose menu is open, and the stage element its popover goes in (HTML over the SVG, as the link menu).
  const [menu, setMenu] = useState(0);
  const [menuAt, setMenuAt] = useState<{ top: number; right: number; flip?: boolean } | null>(null);
  const layer = useRef<SVGGElement>(null);
  const [host, setHost] = useState<HTMLElement | null>(null);
  useEffect(() => {
    setHost(layer.current?.closest<HTMLElement>('.stage') ?? null);
  }, []);

  useFrameClock(
    (t, s) => {
      const f = zkFrame(s.view?.service);
      if (!f) return;
      for (const [c, el] of bars.current) {
        const cv = f.clients[c - 1];
        const left = cv ? drainLeft(cv, t) : null;
        el.setAttribute('width', String(left === null ? 0 : left * g.clientW));
      }
    },
    [g],
  );

  if (!view || !frame) return null;
  const z = zkDict(lang);
  const now = view.time;
  const nodes = view.nodes as ZabNodeView[];
  const owners = sessionOwners(frame.clients, frame.ops, nodes);
  const shown = nodes.find((n) => n.id === defaultServer(nodes));
  const queues = lockQueues(frame.clients, shown?.zk?.rows ?? [], owners, now);
  const hw = g.clientW / 2;
  const hh = g.clientH / 2;
  const clientCuts = view.network.clientCuts ?? [];
  const links = clientLinks(frame.clients.length, nodes.length, clientCuts);
  const servers = new Map<number, { x: number; y: number }>();
  for (const n of nodes) {
    const p = layout.actors.get(n.id);
    if (p) servers.set(n.id, p);
  }
  // Lines leave a client's box on the side facing the ring (clientAnchor): hence no half-width here.
  const cutLines = clientCutLines(clientCuts, (c) => clientAnchor(g, CLIENT_ID_BASE + c - 1), servers, 0, NODE_R, text.label);
  const open = menu > 0 ? links[menu - 1] : undefined;
  // The menu opens beside its client (on the ring's side of it, level with it), inside the stage.
  const openMenu = (c: number, el: Element) => {
    const stage = host?.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    const top = stage ? Math.max(8, Math.min(r.top - stage.top - 8, stage.height - MENU_H)) : 0;
    // A client left of the ring: the menu hangs from an anchor right of it.
    if (stage && g.leftClients.has(CLIENT_ID_BASE + c - 1)) setMenuAt({ top, right: Math.max(8, stage.right - r.right - 10), flip: true });
    else if (stage) setMenuAt({ top, right: Math.max(8, stage.right - r.left + 10) });
    setMenu(c);
  };

  return (
    <g className="zk-layer" ref={layer}>
      <defs>
        <marker id="zk-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" className="zk-arrow-head" />
        </marker>
      </defs>
      <g className="zk-conns" aria-hidden="true">
        {frame.clients.map((c) => {
          const p = clientAnchor(g, CLIENT_ID_BASE + c.client - 1);
          const s = layout.actors.get(c.server);
          if (!p || !s || c.server === 0 || c.state === 'expired' || c.state === 'closed' || c.state === 'idle') return null;
          // A cut link is drawn as a cut (below), not as a connection.
          if (links[c.client - 1]?.cut.includes(c.server)) return null;
          const d = pathD(clientPath(p, s, lineObstacles(servers, c.server, NODE_R, text.label), NODE_R));
          return <path key={c.client} className={`zk-conn ${c.state}`} data-conn={`${c.client}-${c.server}`} d={d} />;
        })}
      </g>
      <g className="zk-client-cuts" aria-hidden="true">
        {cutLines.map((l) => (
          <g key={`${l.client}-${l.server}`} className="zk-client-cut cut" data-client-cut={`${l.client}-${l.server}`}>
            <title>{z.cutLinkName(`c${l.client}`, `n${l.server}`)}</title>
            <path d={pathD(l)} />
          </g>
        ))}
      </g>
      <g className="zk-clients" role="list" aria-label={z.clientsLabel}>
        {frame.clients.map((c) => {
          const p = g.clients.get(CLIENT_ID_BASE + c.client - 1);
          if (!p) return null;
          const paused = c.pausedUntil > now;
          const l = links[c.client - 1];
          const name = clientName(c, z, lang, now, l);
          return (
            <g
              key={c.client}
              className={`zk-client ${c.state} ${paused ? 'paused' : ''} ${l?.isolated ? 'isolated' : ''}`}
              data-client={c.client}
              data-state={c.state}
              data-server={c.server}
              data-session={c.session ? sessionHex(c.session) : '0'}
              data-paused={String(paused)}
              data-cut={l?.cut.join(' ') ?? ''}
              data-isolated={String(l?.isolated ?? false)}
              transform={`translate(${p.x},${p.y})`}
              role="listitem"
              tabIndex={0}
              aria-label={name}
              aria-haspopup="dialog"
              aria-expanded={menu === c.client}
              aria-description={z.clientActions}
              onClick={(e) => openMenu(c.client, e.currentTarget)}
              onKeyDown={(e) => {
                // Enter, as on a node (Space stays play / pause).
                if (e.key === 'Enter') {
                  e.preventDefault();
                  openMenu(c.client, e.currentTarget);
                }
              }}
            >
              <title>{name}</title>
              {/* A card under the client's lines of text: a line from a client further out passes under it, not through its words. */}
              <rect className="zk-client-card" x={-hw - text.label * 0.4} y={-hh} width={g.clientW + text.label * 0.8} height={g.clientH + text.label * (paused || l?.isolated ? 3.2 : 1.6) + 6} rx={4} />
              <rect className="zk-client-box" x={-hw} y={-hh} width={g.clientW} height={g.clientH} rx={hh * 0.6} />
              <text className="zk-client-id" textAnchor="middle" dominantBaseline="central" style={{ fontSize: text.id * 0.8 }}>
                {z.clientShort(String(c.client))}
                {c.state === 'expired' ? ' ✕' : paused ? ' ❚❚' : ''}
              </text>
              {l?.isolated && (
                <g className="zk-isolated-mark" transform={`translate(${hw},${-hh})`}>
                  <circle r={9} />
                  <text textAnchor="middle" dominantBaseline="central" style={{ fontSize: text.label * 0.9 }}>
                    ✂
                  </text>
                </g>
              )}
              {paused && (
                <text className="zk-paused" y={hh + text.label * 2.6} textAnchor="middle" dominantBaseline="central" style={{ fontSize: text.label }}>
                  ❚❚ {z.paused}
                </text>
              )}
              <text className="zk-client-state" y={hh + text.label * 0.75} textAnchor="middle" dominantBaseline="central" style={{ fontSize: text.label }}>
                {z.states[c.state]}
              </text>
              {l?.isolated && !paused && (
                <text className="zk-cut-off" y={hh + text.label * 2.6} textAnchor="middle" dominantBaseline="central" style={{ fontSize: text.label }}>
                  ✂ {z.cutOff}
                </text>
              )}
              <rect className="zk-drain-bg" x={-hw} y={hh + text.label * 1.5} width={g.clientW} height={4} rx={2} />
              <rect
                className="zk-drain"
                x={-hw}
                y={hh + text.label * 1.5}
                height={4}
                rx={2}
                ref={(el) => {
                  if (el) bars.current.set(c.client, el);
                  else bars.current.delete(c.client);
                }}
              />
            </g>
          );
        })}
      </g>
      {/* The ✂ on each cut line, over the clients (a line from an outer column passes under the inner one's clients). */}
      <g className="zk-client-cut-marks" aria-hidden="true">
        {cutLines.map((l) => (
          <g key={`${l.client}-${l.server}`} className="zk-client-cut cut" data-client-cut-mark={`${l.client}-${l.server}`}>
            <circle cx={l.mx} cy={l.my} r={8} />
            <text x={l.mx} y={l.my} className="cut-mark" textAnchor="middle" dominantBaseline="central">
              ✂
            </text>
          </g>
        ))}
      </g>
      {queues.length === 0 ? (
        // Said only once someone has asked for a lock: a run without the recipe shows no lock row.
        frame.ops.some((o) => o.op === 'lock') && g.queues.length > 0 && <text className="zk-queue-title muted" x={g.queues[0].x0} y={g.queues[0].y} dominantBaseline="central" style={{ fontSize: text.label }}>
          {z.noLock}
        </text>
      ) : (
        queues.map((q, i) => (i < g.queues.length ? <Queue key={q.path} q={q} g={g} row={i} text={text} z={z} /> : null))
      )}
      {open && host && createPortal(<ZkClientMenu links={open} at={menuAt} canClose={frame.clients[menu - 1]?.state !== 'closed'} onClose={() => setMenu(0)} />, host)}
    </g>
  );
}
