/**
 * The ZooKeeper views' view-model: pure functions from what a frame carries (each server's
 * compact tree, each client's view, the operation and event history) to what is drawn —
 * tree rows, the servers' lag, lock queues, history bars, where clients sit on the stage.
 * Nothing here decides ZooKeeper behaviour; it only reads it.
 */
import { CLIENT_ID_BASE } from '../../../core/protocol';
import type { ZkClientView } from '../../../core/coord/zookeeper/client';
import type { SessionId, ZkEventRecord, ZkEventType, ZkOpRecord, Zxid } from '../../../core/coord/zookeeper/types';
import { ZK_ROW_DATA_CHARS, zxidHex, type ZabNodeView, type ZkRowStat, type ZkServerView, type ZkTreeRowView } from '../../../core/zab/types';
import { sessionHex } from '../../../core/coord/zookeeper/types';
import { utf8Length } from '../../../core/coord/zookeeper/tree';
import type { ServiceFrameView } from '../../../sim/api';

/** The service part of a frame, typed for ZooKeeper. */
export interface ZkFrame {
  clients: ZkClientView[];
  ops: ZkOpRecord[];
  events: ZkEventRecord[];
}

export function zkFrame(s: ServiceFrameView | null | undefined): ZkFrame | null {
  if (!s || s.name !== 'zookeeper') return null;
  return { clients: s.clients as ZkClientView[], ops: s.ops as ZkOpRecord[], events: s.events as ZkEventRecord[] };
}

/** Client number (1-based) of an actor id, or 0 for a node. */
export function clientOfActor(id: number): number {
  return id >= CLIENT_ID_BASE ? id - CLIENT_ID_BASE + 1 : 0;
}

/**
 * Which client a session belongs to. A client's current session comes from its view; an
 * older one (expired, then a new session opened) from the operations recorded on it and
 * from the servers' connection tables.
 */
export function sessionOwners(clients: readonly ZkClientView[], ops: readonly ZkOpRecord[], servers: readonly ZabNodeView[]): Map<SessionId, number> {
  const out = new Map<SessionId, number>();
  for (const o of ops) if (o.session !== 0) out.set(o.session, o.client);
  for (const n of servers) for (const c of n.zk?.connections ?? []) out.set(c.session, clientOfActor(c.client) || c.client);
  for (const c of clients) if (c.session !== 0) out.set(c.session, c.client);
  return out;
}

// ---- the servers: which tree is shown, and who lags ----------------------------------

const EPOCH_UNIT = 4294967296; // 2^32: a zxid is epoch << 32 | counter

export interface ServerLag {
  id: number;
  alive: boolean;
  leader: boolean;
  applied: Zxid;
  /** Transactions behind the leader's applied zxid, when both are in the same epoch; null when not comparable (no leader, another epoch). */
  behind: number | null;
  /** Applied less than the leader has. */
  lags: boolean;
}

/** The server whose tree is shown when the reader picked none: the leader, else the most advanced live server, else server 1. */
export function defaultServer(nodes: readonly ZabNodeView[]): number {
  const leader = nodes.find((n) => n.role === 'leading' && n.zk);
  if (leader) return leader.id;
  let best: ZabNodeView | null = null;
  for (const n of nodes) if (n.role !== 'down' && n.zk && (best === null || n.zk.appliedZxid > best.zk!.appliedZxid)) best = n;
  return best?.id ?? nodes[0]?.id ?? 1;
}

/** Each server's applied zxid against the leader's. */
export function serverLags(nodes: readonly ZabNodeView[]): ServerLag[] {
  const leader = nodes.find((n) => n.role === 'leading' && n.zk);
  const top = leader?.zk?.appliedZxid ?? null;
  return nodes.map((n) => {
    const applied = n.zk?.appliedZxid ?? 0;
    const isLeader = n === leader;
    const sameEpoch = top !== null && Math.floor(top / EPOCH_UNIT) === Math.floor(applied / EPOCH_UNIT);
    // A down server serves no reads: it does not lag, it is down (its button says so).
    const lags = top !== null && !isLeader && n.role !== 'down' && applied < top;
    return { id: n.id, alive: n.role !== 'down', leader: isLeader, applied, behind: top === null || isLeader ? null : sameEpoch ? top - applied : null, lags };
  });
}

// ---- the tree ------------------------------------------------------------------------

/** How long a fired watch flashes on the tree after its event reached the client (virtual ms). */
export const FLASH_MS = 400;

/** A sequential node's name split at its 10-digit suffix ("lock-" + "0000000003"); seq null for another name. */
export function splitSequential(name: string): { base: string; seq: string | null } {
  const m = /^(.*?)(\d{10})$/.exec(name);
  return m ? { base: m[1], seq: m[2] } : { base: name, seq: null };
}

export interface WatchMark {
  /** The client that set it (0 when its session is not known to any client). */
  client: number;
  session: SessionId;
  kind: 'data' | 'child';
}

export interface FiredMark {
  client: number;
  type: ZkEventType;
  time: number;
}

export interface TreeRowVM {
  path: string;
  /** 0 for "/", 1 for "/a", ... */
  depth: number;
  name: string;
  base: string;
  seq: string | null;
  version: number;
  ephemeral: boolean;
  owner: SessionId;
  /** The client whose session owns the ephemeral node (0: unknown, or persistent). */
  ownerClient: number;
  children: number;
  watches: WatchMark[];
  /** Watches that just fired on this path (the events delivered within FLASH_MS before now). */
  fired: FiredMark[];
  /** The node is gone from this tree (its deletion fired a watch that is still flashing). */
  gone: boolean;
  /** The rest of its Stat and its data, as the server's view carries them (null: a view without them, or a gone node). */
  stat: ZkRowStat | null;
}

function segments(path: string): string[] {
  return path === '/' ? [] : path.slice(1).split('/');
}

/** Tree order: a parent before its children, siblings by name (sequential names sort by their suffix). */
export function comparePaths(a: string, b: string): number {
  const x = segments(a);
  const y = segments(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return x.length - y.length;
}

/** Node events delivered in (now − FLASH_MS, now]. */
export function recentFires(events: readonly ZkEventRecord[], now: number): (ZkEventRecord & { type: ZkEventType })[] {
  return events.filter((e): e is ZkEventRecord & { type: ZkEventType } => e.path !== '' && e.type.startsWith('Node') && e.time <= now && e.time > now - FLASH_MS);
}

/** The rows of a server's tree, in tree order, with owners, watches by client and the fires flashing. */
export function treeRows(server: ZkServerView, owners: ReadonlyMap<SessionId, number>, fires: readonly ZkEventRecord[] = []): TreeRowVM[] {
  const kids = new Map<string, number>();
  for (const r of server.rows) {
    if (r.path === '/') continue;
    const parent = r.path.slice(0, Math.max(1, r.path.lastIndexOf('/')));
    kids.set(parent, (kids.get(parent) ?? 0) + 1);
  }
  const byPath = new Map<string, TreeRowVM>();
  const row = (r: ZkTreeRowView, gone: boolean): TreeRowVM => {
    const name = r.path === '/' ? '/' : r.path.slice(r.path.lastIndexOf('/') + 1);
    const { base, seq } = splitSequential(name);
    const watches: WatchMark[] = [
      ...r.dataWatches.map((s) => ({ session: s, client: owners.get(s) ?? 0, kind: 'data' as const })),
      ...r.childWatches.map((s) => ({ session: s, client: owners.get(s) ?? 0, kind: 'child' as const })),
    ];
    return { path: r.path, depth: segments(r.path).length, name, base, seq, version: r.version, ephemeral: r.ephemeralOwner !== 0, owner: r.ephemeralOwner, ownerClient: r.ephemeralOwner === 0 ? 0 : (owners.get(r.ephemeralOwner) ?? 0), children: kids.get(r.path) ?? 0, watches, fired: [], gone, stat: r.stat ?? null };
  };
  for (const r of server.rows) byPath.set(r.path, row(r, false));
  for (const e of fires) {
    if (e.path === '' || !e.type.startsWith('Node')) continue;
    let vm = byPath.get(e.path);
    if (!vm) {
      vm = row({ path: e.path, version: 0, ephemeralOwner: 0, dataWatches: [], childWatches: [] }, true);
      byPath.set(e.path, vm);
    }
    vm.fired.push({ client: e.client, type: e.type as ZkEventType, time: e.time });
  }
  return [...byPath.values()].sort((a, b) => comparePaths(a.path, b.path));
}

/** One line of a znode's stat card: a Stat field's name as ZooKeeper's Java API spells it (or `data`), and its value as zkCli prints it. */
export interface StatLine {
  field: 'data' | 'version' | 'cversion' | 'numChildren' | 'ephemeralOwner' | 'czxid' | 'mzxid' | 'pzxid' | 'dataLength';
  value: string;
}

/** The data as a quoted string, cut where the view cut it (… then the whole length in bytes). */
function dataText(st: ZkRowStat): string {
  const q = JSON.stringify(st.data);
  return st.data.length >= ZK_ROW_DATA_CHARS && utf8Length(st.data) < st.dataLength ? `${q.slice(0, -1)}…"` : q;
}

/**
 * A znode's full stat for its hover card and accessible description: data, version,
 * cversion, numChildren, ephemeralOwner, czxid, mzxid, pzxid (zxids and the owner in hex,
 * as ZooKeeper prints them). A row without the view's stat (a gone node) has only what the
 * row itself knows.
 */
export function statLines(r: Pick<TreeRowVM, 'version' | 'owner' | 'children' | 'stat'>): StatLine[] {
  const st = r.stat;
  if (!st) return [
    { field: 'version', value: String(r.version) },
    { field: 'numChildren', value: String(r.children) },
    { field: 'ephemeralOwner', value: sessionHex(r.owner) },
  ];
  return [
    { field: 'data', value: dataText(st) },
    { field: 'version', value: String(r.version) },
    { field: 'cversion', value: String(st.cversion) },
    { field: 'numChildren', value: String(st.numChildren) },
    { field: 'ephemeralOwner', value: sessionHex(r.owner) },
    { field: 'czxid', value: zxidHex(st.czxid) },
    { field: 'mzxid', value: zxidHex(st.mzxid) },
    { field: 'pzxid', value: zxidHex(st.pzxid) },
    { field: 'dataLength', value: String(st.dataLength) },
  ];
}

// ---- the lock queue ------------------------------------------------------------------

export interface LockEntry {
  /** The lock node's path; '' while its client's create is not answered yet. */
  node: string;
  name: string;
  seq: string | null;
  /** The client whose node it is (0: a node no client claims any more, e.g. an expired session's not yet deleted). */
  client: number;
  owner: SessionId;
  /** In the shown server's tree. */
  inTree: boolean;
  /** The lowest node in the tree: its owner holds the lock. */
  holds: boolean;
  /** Its client believes it holds the lock. */
  believes: boolean;
  /** It believes it holds it but does not (a paused client whose session expired: the fencing lesson). */
  stale: boolean;
  /** The node it watches (its predecessor), '' for none. */
  waitsOn: string;
  /** Index in `entries` of the node it watches, or −1. */
  waitsOnIndex: number;
  paused: boolean;
  /** The fencing token (its lock node's czxid), 0 while unknown. */
  zxid: Zxid;
}

export interface LockQueue {
  path: string;
  entries: LockEntry[];
}

function seqNumber(node: string): number {
  const s = splitSequential(node.slice(node.lastIndexOf('/') + 1)).seq;
  return s === null ? Number.POSITIVE_INFINITY : Number(s);
}

/** Paths of every lock any client uses, in first-use order (client by client). */
export function lockPaths(clients: readonly ZkClientView[]): string[] {
  const out: string[] = [];
  for (const c of clients) for (const l of c.locks) if (!out.includes(l.path)) out.push(l.path);
  return out;
}

/**
 * Each lock's queue, lowest sequence first: the children of the lock path in `rows` (the
 * leader's tree: what is committed) joined with what each client believes (its own node,
 * the predecessor it watches, whether it holds the lock). A client whose create is not
 * answered yet waits at the end with no node.
 */
export function lockQueues(clients: readonly ZkClientView[], rows: readonly ZkTreeRowView[], owners: ReadonlyMap<SessionId, number>, now: number): LockQueue[] {
  return lockPaths(clients).map((path) => {
    const entries = new Map<string, LockEntry>();
    const prefix = path === '/' ? '/' : path + '/';
    for (const r of rows) {
      if (!r.path.startsWith(prefix) || r.path.slice(prefix.length).includes('/') || r.ephemeralOwner === 0) continue;
      const name = r.path.slice(prefix.length);
      entries.set(r.path, { node: r.path, name, seq: splitSequential(name).seq, client: owners.get(r.ephemeralOwner) ?? 0, owner: r.ephemeralOwner, inTree: true, holds: false, believes: false, stale: false, waitsOn: '', waitsOnIndex: -1, paused: false, zxid: 0 });
    }
    const pendings: LockEntry[] = [];
    for (const c of clients) {
      const l = c.locks.find((x) => x.path === path);
      if (!l) continue;
      const paused = c.pausedUntil > now;
      if (l.node === '') {
        pendings.push({ node: '', name: '', seq: null, client: c.client, owner: c.session, inTree: false, holds: false, believes: l.held, stale: false, waitsOn: l.waitingOn, waitsOnIndex: -1, paused, zxid: l.zxid });
        continue;
      }
      const name = l.node.slice(l.node.lastIndexOf('/') + 1);
      const e = entries.get(l.node) ?? { node: l.node, name, seq: splitSequential(name).seq, client: c.client, owner: c.session, inTree: false, holds: false, believes: false, stale: false, waitsOn: '', waitsOnIndex: -1, paused: false, zxid: 0 };
      e.client = c.client;
      e.believes = l.held;
      e.waitsOn = l.waitingOn;
      e.paused = paused;
      e.zxid = l.zxid;
      entries.set(l.node, e);
    }
    const list = [...entries.values()].sort((a, b) => seqNumber(a.node) - seqNumber(b.node) || (a.node < b.node ? -1 : 1));
    const first = list.find((e) => e.inTree);
    if (first) first.holds = true;
    const all = [...list, ...pendings];
    for (const e of all) {
      e.stale = e.believes && !e.holds;
      e.waitsOnIndex = e.waitsOn === '' ? -1 : all.findIndex((x) => x.node === e.waitsOn);
    }
    return { path, entries: all };
  });
}

// ---- the client history ---------------------------------------------------------------

export interface HistoryBar {
  index: number;
  client: number;
  /** Lane (0-based, client − 1). */
  lane: number;
  x0: number;
  x1: number;
  /** Not completed by now: the bar runs to the right edge, open-ended. */
  open: boolean;
  ok: boolean;
  rec: ZkOpRecord;
}

export interface HistoryScale {
  t0: number;
  t1: number;
  width: number;
  bars: HistoryBar[];
}

/** Narrowest bar drawn (an op answered at once, such as SessionExpired on a dead handle). */
export const MIN_BAR = 4;

/**
 * Bars on [t0, t1] → [0, width]: t0 the first invoke shown (less a margin), t1 now. An op
 * still pending at `now` runs to the right edge, open-ended; an op that completes after
 * `now` (never in a frame's own history, which only holds what happened) is pending too.
 */
export function historyBars(ops: readonly ZkOpRecord[], now: number, width: number): HistoryScale {
  const first = ops.length === 0 ? now : Math.min(...ops.map((o) => o.invoke));
  const span = Math.max(1, now - first);
  const t0 = Math.max(0, first - span * 0.02);
  const t1 = Math.max(now, t0 + 1);
  const x = (t: number) => ((Math.min(t, t1) - t0) / (t1 - t0)) * width;
  const bars = ops.map((rec, index) => {
    const open = rec.complete === null || rec.complete > now;
    const start = x(rec.invoke);
    const end = Math.max(open ? width : x(rec.complete!), start + MIN_BAR);
    // A bar too near the right edge for its least width grows to the left instead.
    const x1 = Math.min(width, end);
    const x0 = Math.max(0, Math.min(start, x1 - MIN_BAR));
    return { index, client: rec.client, lane: rec.client - 1, x0, x1, open, ok: !open && rec.ok, rec };
  });
  return { t0, t1, width, bars };
}

/** A result in the few characters a bar has room for (ZooKeeper's own words and values; no translation needed). */
export function shortResult(rec: ZkOpRecord): string {
  if (rec.complete === null) return '';
  if (!rec.ok) return rec.error ?? '';
  const r = rec.result as unknown;
  if (r === null || r === undefined) return rec.op === 'exists' ? 'null' : 'ok';
  if (typeof r === 'string') return r.slice(r.lastIndexOf('/') + 1) || r;
  if (Array.isArray(r)) return `[${r.join(', ')}]`;
  if (typeof r === 'object') {
    const o = r as Record<string, unknown>;
    // A connect's session id, in hex as ZooKeeper prints it (0x100000001).
    if ('session' in o) return typeof o.session === 'number' ? sessionHex(o.session) : String(o.session);
    if ('data' in o) return `"${String(o.data)}" v${String((o.stat as { version?: unknown } | undefined)?.version ?? '?')}`;
    if ('version' in o) return `v${String(o.version)}`;
  }
  return 'ok';
}

/** The op's main argument ("/config", "6000 ms"). */
export function opArg(rec: ZkOpRecord): string {
  const a = rec.args;
  if (typeof a.path === 'string') return a.path;
  if (typeof a.ms === 'number') return `${a.ms} ms`;
  if (typeof a.server === 'number') return `n${a.server}`;
  return '';
}

// ---- the stage -------------------------------------------------------------------------

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ZkStageGeometry {
  /** Client c's box centre, by actor id. */
  clients: Map<number, { x: number; y: number }>;
  clientW: number;
  clientH: number;
  /** Client columns (one unless more than CLIENTS_PER_COLUMN, or an embed whose height binds). */
  clientCols: number;
  /** Clients (actor ids) in a column left of the ring (an embed whose height binds): their lines leave from their box's right edge. */
  leftClients: ReadonlySet<number>;
  /** One row per lock path: its title at x0, its first entry's left edge at `entries`, its first line's centre at y; `lines` lines of entries. */
  queues: { path: string; y: number; x0: number; entries: number; lines: number }[];
  entryW: number;
  entryH: number;
  entryGap: number;
  /** Entries on one line of a queue row (a longer queue wraps onto the next line). */
  perLine: number;
  /** From one line of entries to the next (an entry, and room for its "believes it holds" note). */
  lineH: number;
  /** Lock node names drawn short ("lock-…03"; the full name is in the entry's title and accessible name), and every word of an entry at the full label size. */
  short: boolean;
  /** Font sizes of an entry's name, its "watches" word and its "believes it holds" note (of the label size). */
  entryText: { name: number; watches: number; note: number };
  box: Box;
}

/** Clients per column on the stage. */
export const CLIENTS_PER_COLUMN = 6;

/** How the stage is shown, for zkStageGeometry. */
export interface ZkStageOptions {
  /**
   * The 800×450 embed: the box is fixed and the drawing scales to fit it, so the layout is
   * made compact (shorter lock entries, their names drawn short) and arranged — client
   * columns, entries per queue line — to scale largest in a box of `aspect` (w / h).
   */
  embed?: boolean;
  aspect?: number;
  /**
   * The lock paths the run's script takes: their queue rows are kept before the first lock
   * (so the stage does not jump then); a run that takes no lock has no row.
   */
  scriptLocks?: readonly string[];
}

/** Where client actor `id`'s lines leave its box: the edge that faces the ring. */
export function clientAnchor(g: ZkStageGeometry, id: number): { x: number; y: number } | undefined {
  const p = g.clients.get(id);
  if (!p) return undefined;
  return { x: g.leftClients.has(id) ? p.x + g.clientW / 2 : p.x - g.clientW / 2, y: p.y };
}

/** Where entry `i` of queue row `row` sits (its centre). */
export function entryCentre(g: ZkStageGeometry, row: number, i: number): { x: number; y: number } {
  const r = g.queues[row];
  const line = Math.floor(i / g.perLine);
  const col = i % g.perLine;
  return { x: r.entries + col * (g.entryW + g.entryGap) + g.entryW / 2, y: r.y + line * g.lineH };
}

/** A lock node's name as an entry draws it: the prefix and the sequence number (bold), or with `short` the number's last two digits ("lock-", "…03"). */
export function entryLabel(name: string, seq: string | null, short: boolean): { head: string; seq: string } {
  if (!seq) return { head: short && name.length > 9 ? `…${name.slice(-8)}` : name, seq: '' };
  return { head: name.slice(0, name.length - seq.length), seq: short && seq.length > 2 ? `…${seq.slice(-2)}` : seq };
}

/**
 * Where the clients and the lock queues sit: the clients in a column (two beyond six, or in
 * an embed more when that scales the drawing larger) to the right of the ring; the lock
 * queues as rows under the ring, one per lock path in use or taken later by the run's
 * script (`scriptLocks`: kept before the first lock, so the stage does not jump then) —
 * none in a run that takes no lock. A queue row
 * holds `maxQueue` entries; in an embed it wraps onto more lines when that scales the
 * drawing larger. `label` is the stage's label size, `id` its id size (stageText).
 */
export function zkStageGeometry(nodesBox: Box, clientCount: number, lockPaths: readonly string[], label: number, id: number, maxQueue: number, opts: ZkStageOptions = {}): ZkStageGeometry {
  const embed = opts.embed ?? false;
  const queueLen = Math.max(1, maxQueue);
  const paths = [...lockPaths, ...(opts.scriptLocks ?? []).filter((p) => !lockPaths.includes(p))];
  const perCol = Math.min(CLIENTS_PER_COLUMN, Math.max(1, clientCount));
  if (!embed || !opts.aspect || opts.aspect <= 0) return layoutStage(nodesBox, clientCount, paths, label, id, queueLen, embed, perCol, queueLen, 0);
  const aspect = opts.aspect;
  // The drawing scales by min(W / w, H / h) in a W × H box of that aspect: the smaller max(w / aspect, h), the larger it is drawn.
  const score = (g: ZkStageGeometry) => Math.max(g.box.w / aspect, g.box.h);
  let best = layoutStage(nodesBox, clientCount, paths, label, id, queueLen, embed, perCol, queueLen, 0);
  // The client arrangements tried, in order of preference (an earlier one wins a tie): one
  // column right of the ring (two beyond six); the clients split into a column each side of
  // the ring (no line from an outer column crosses an inner one's clients); more columns on the right.
  const minCols = Math.ceil(clientCount / CLIENTS_PER_COLUMN);
  const arrangements: [perCol: number, left: number][] = [[perCol, 0]];
  if (clientCount >= 2 && Math.ceil(clientCount / 2) <= CLIENTS_PER_COLUMN) arrangements.push([Math.ceil(clientCount / 2), Math.floor(clientCount / 2)]);
  for (let cols = minCols + 1; cols <= Math.min(clientCount, minCols + 2); cols++) arrangements.push([Math.ceil(clientCount / cols), 0]);
  // Fewer queue lines win a tie too.
  for (const [pc, left] of arrangements) {
    for (let perLine = queueLen; perLine >= 1; perLine--) {
      const g = layoutStage(nodesBox, clientCount, paths, label, id, queueLen, embed, pc, perLine, left);
      if (score(g) < score(best) - 0.5) best = g;
    }
  }
  return best;
}

/**
 * The stage with `perCol` clients a column right of the ring, the last `left` clients in a
 * column left of it, and `perLine` entries a queue line; one queue row per path of `paths`.
 */
function layoutStage(nodesBox: Box, clientCount: number, paths: readonly string[], label: number, id: number, queueLen: number, embed: boolean, perCol: number, perLine: number, left: number): ZkStageGeometry {
  const clientW = Math.max(70, label * 6.2);
  const clientH = id * 1.25;
  const rightCount = clientCount - left;
  const cols = Math.max(1, Math.ceil(rightCount / perCol));
  // Each client: its box, then the state line, the drain bar and the paused line under it.
  const pitch = clientH + label * 3.6 + 8;
  const colH = Math.min(perCol, rightCount) * pitch;
  // Each column level with the ring's middle; room above the first box for a cut-off
  // client's ✂ mark on its corner, and left of the ring below the embed's paused sign.
  const top = nodesBox.y + Math.max(10, (nodesBox.h - colH) / 2);
  const leftH = left * pitch;
  const leftTop = nodesBox.y + Math.max(10, (nodesBox.h - leftH) / 2, label * 2.4);
  const x0 = nodesBox.x + nodesBox.w + 24 + clientW / 2;
  const xLeft = nodesBox.x - 24 - clientW / 2;
  const clients = new Map<number, { x: number; y: number }>();
  const leftClients = new Set<number>();
  for (let i = 0; i < clientCount; i++) {
    if (i >= rightCount) {
      clients.set(CLIENT_ID_BASE + i, { x: xLeft, y: leftTop + (i - rightCount) * pitch + clientH / 2 + 4 });
      leftClients.add(CLIENT_ID_BASE + i);
      continue;
    }
    const col = Math.floor(i / perCol);
    const row = i % perCol;
    clients.set(CLIENT_ID_BASE + i, { x: x0 + col * (clientW + 26), y: top + row * pitch + clientH / 2 + 4 });
  }
  const right = rightCount === 0 ? nodesBox.x + nodesBox.w : x0 + (cols - 1) * (clientW + 26) + clientW / 2 + 10;
  const x = left > 0 ? xLeft - clientW / 2 - 10 : nodesBox.x;
  const clientsBottom = clientCount === 0 ? nodesBox.y + nodesBox.h : Math.max(top + colH, left > 0 ? leftTop + leftH : 0);
  // A lock node's name is 15 characters ("lock-0000000003"), drawn at 0.9 of the label size; an embed draws it short ("lock-…03").
  const entryW = label * (embed ? 7 : 9.6);
  const entryH = label * (embed ? 2.9 : 3.1);
  // Room between entries for the "watches" arrow and its word (drawn at the full label size in an embed).
  const entryGap = label * (embed ? 4.4 : 3.6);
  const lines = Math.ceil(queueLen / perLine);
  // Each queue line: the entries, the "believes it holds" line under them (and, in a wrapped queue, below that the watch arrow to the line above: watchArrow).
  const lineH = entryH + label * (!embed ? 1.9 : lines > 1 ? 2.1 : 1.45);
  // Each queue row: its title on the left ("lock /lock", about 0.62 label per character), the entries.
  const titleW = label * (0.62 * Math.max(8, ...paths.map((p) => p.length + 5)) + 1);
  const qTop = Math.max(nodesBox.y + nodesBox.h, clientsBottom) + 4;
  const qx0 = x + 8;
  const queues = paths.map((path, i) => ({ path, y: qTop + i * lines * lineH + entryH / 2, x0: qx0, entries: qx0 + titleW, lines }));
  const queueRight = paths.length ? qx0 + titleW + perLine * entryW + (perLine - 1) * entryGap + 8 : 0;
  const bottom = paths.length ? qTop + paths.length * lines * lineH + 6 : Math.max(nodesBox.y + nodesBox.h, clientsBottom + 6);
  const x1 = Math.max(right, queueRight, nodesBox.x + nodesBox.w);
  return { clients, clientW, clientH, clientCols: cols + (left > 0 ? 1 : 0), leftClients, queues, entryW, entryH, entryGap, perLine, lineH, short: embed, entryText: embed ? { name: 1, watches: 1, note: 1 } : { name: 0.9, watches: 0.8, note: 0.85 }, box: { x, y: nodesBox.y, w: x1 - x, h: bottom - nodesBox.y } };
}

// ---- a client's links ------------------------------------------------------------------

/** A client's links as the frame's network has them (NetworkView.clientCuts). */
export interface ClientLinks {
  client: number;
  /** Servers its link to is down, ascending. */
  cut: number[];
  /** Cut off from every server: it can reach none (a partitioned client). */
  isolated: boolean;
}

/** Each client's cut links, for `servers` servers (ids 1..servers). */
export function clientLinks(clientCount: number, servers: number, cuts: readonly (readonly [number, number])[]): ClientLinks[] {
  const out: ClientLinks[] = [];
  for (let c = 1; c <= clientCount; c++) {
    const cut = [...new Set(cuts.filter(([cc, s]) => cc === c && s >= 1 && s <= servers).map(([, s]) => s))].sort((a, b) => a - b);
    out.push({ client: c, cut, isolated: servers > 0 && cut.length === servers });
  }
  return out;
}

/** Where a client's line bends: a quadratic curve, its end on the server's circle, its middle (where ✂ sits). */
export interface ClientPath {
  x1: number;
  y1: number;
  /** The control point. */
  cx: number;
  cy: number;
  x2: number;
  y2: number;
  /** The curve's middle (t = ½). */
  mx: number;
  my: number;
}

function quad(x1: number, y1: number, cx: number, cy: number, x2: number, y2: number): ClientPath {
  return { x1, y1, cx, cy, x2, y2, mx: 0.25 * x1 + 0.5 * cx + 0.25 * x2, my: 0.25 * y1 + 0.5 * cy + 0.25 * y2 };
}

/** Least distance from `p` to the curve (sampled). */
function clearance(c: ClientPath, p: { x: number; y: number }): number {
  let best = Infinity;
  for (let i = 0; i <= 24; i++) {
    const t = i / 24;
    const u = 1 - t;
    const x = u * u * c.x1 + 2 * u * t * c.cx + t * t * c.x2;
    const y = u * u * c.y1 + 2 * u * t * c.cy + t * t * c.y2;
    best = Math.min(best, Math.hypot(x - p.x, y - p.y));
  }
  return best;
}

/**
 * A client's line to a server: straight from the client box's left edge (`from`) to the
 * server's circle (radius `nodeR`) when it passes clear of every other server, else bent
 * (a quadratic curve) to whichever side passes further from them — so a line to n3 never
 * runs through n2 and reads as a link between servers.
 */
export function clientPath(from: { x: number; y: number }, to: { x: number; y: number }, others: readonly { x: number; y: number }[], nodeR: number): ClientPath {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const len = Math.hypot(dx, dy) || 1;
  const k = Math.max(0, len - nodeR - 2) / len;
  const straight = quad(from.x, from.y, from.x + (dx * k) / 2, from.y + (dy * k) / 2, from.x + dx * k, from.y + dy * k);
  const room = nodeR + 10;
  const worst = (c: ClientPath) => Math.min(Infinity, ...others.map((o) => clearance(c, o)));
  if (worst(straight) >= room) return straight;
  let best = straight;
  let bestRoom = worst(straight);
  for (const bend of [0.18, -0.18, 0.3, -0.3]) {
    // The control point off the chord's middle, perpendicular to it; the end pulled back onto the circle along the last leg.
    const cx = (from.x + to.x) / 2 - (dy / len) * bend * len;
    const cy = (from.y + to.y) / 2 + (dx / len) * bend * len;
    const lx = to.x - cx;
    const ly = to.y - cy;
    const ll = Math.hypot(lx, ly) || 1;
    const c = quad(from.x, from.y, cx, cy, to.x - (lx / ll) * (nodeR + 2), to.y - (ly / ll) * (nodeR + 2));
    const r = worst(c);
    if (r > bestRoom + 1e-9) {
      best = c;
      bestRoom = r;
    }
    if (r >= room) break;
  }
  return best;
}

/** What a client's line to `server` should pass clear of: the other servers, and the labels under every server but that one (role, era, phase: about three label lines). */
export function lineObstacles(servers: ReadonlyMap<number, { x: number; y: number }>, server: number, nodeR: number, label: number): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  for (const [id, p] of servers) {
    if (id === server) continue;
    out.push(p, { x: p.x, y: p.y + nodeR + label * 1.2 }, { x: p.x, y: p.y + nodeR + label * 2.6 });
  }
  return out;
}

/** The SVG path of a client line. */
export function pathD(c: ClientPath): string {
  const f = (n: number) => Math.round(n * 10) / 10;
  return `M${f(c.x1)},${f(c.y1)} Q${f(c.cx)},${f(c.cy)} ${f(c.x2)},${f(c.y2)}`;
}

/** A cut client link as drawn: red dashes along the client's line to that server, ✂ half-way (both directions are down). */
export interface CutLine extends ClientPath {
  client: number;
  server: number;
}

/** The cut lines of the frame's client cuts: from the client box's left edge (half-width `hw`) to the server circle's edge, bent around the other servers. */
export function clientCutLines(
  cuts: readonly (readonly [number, number])[],
  clientAt: (client: number) => { x: number; y: number } | undefined,
  servers: ReadonlyMap<number, { x: number; y: number }>,
  hw: number,
  nodeR: number,
  label = 0,
): CutLine[] {
  const out: CutLine[] = [];
  for (const [client, server] of cuts) {
    const p = clientAt(client);
    const s = servers.get(server);
    if (!p || !s) continue;
    out.push({ client, server, ...clientPath({ x: p.x - hw, y: p.y }, s, label > 0 ? lineObstacles(servers, server, nodeR, label) : [...servers].filter(([id]) => id !== server).map(([, q]) => q), nodeR) });
  }
  return out;
}

/** How much of a client's read (or connect) time-out is left at `now`, in [0, 1]; null when none runs. */
export function drainLeft(c: Pick<ZkClientView, 'deadlineMs' | 'timeoutMs'>, now: number): number | null {
  if (c.deadlineMs === 0 || c.timeoutMs <= 0) return null;
  return Math.min(1, Math.max(0, (c.deadlineMs - now) / c.timeoutMs));
}
