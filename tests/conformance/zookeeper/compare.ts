/**
 * Both sides of a conformance run as one comparable record: per step, the outcome (result
 * or error code) and the watch events it caused, per client. What is compared:
 * - results and error codes, sequential names, data, getChildren's names (sorted);
 * - a stat's deterministic fields: version, cversion, aversion, numChildren, dataLength;
 *   ephemeralOwner as the client whose session owns the node ("client 2", "none"), so
 *   "is it the op's own session" is read off the step's client;
 * - zxids (czxid, mzxid, pzxid) as their ORDER: each side's zxids are replaced by their
 *   dense rank among all the zxids that side showed in the sequence, so equal ranks mean
 *   the same equalities and the same before/after relations, whatever the raw counters
 *   (the real server spends zxids on session opens and closes, and an ensemble has epochs);
 * - connect: the negotiated timeout (session ids differ by nature);
 * - which client received which watch event, in each client's order.
 * Not compared: ctime / mtime (wall clock vs virtual clock), raw session ids, sync's echo
 * of its path (the Java callback's `path` argument; our driver prints none).
 */
import type { Step } from './sequences';

export interface RawStat {
  czxid: number;
  mzxid: number;
  pzxid: number;
  version: number;
  cversion: number;
  aversion: number;
  /** The owning session, as each side names sessions. */
  ephemeralOwner: string;
  dataLength: number;
  numChildren: number;
}

/** A side's outcome of one step, results already in the contract's shapes (types.ts ZkResult). */
export type RawOutcome = { ok: true; result: unknown } | { ok: false; error: string };

export interface RawEvent {
  client: number;
  type: string;
  path: string;
}

export interface RawRun {
  outcomes: RawOutcome[];
  /** events[i]: the watch events step i caused, in delivery order. */
  events: RawEvent[][];
  /** Which client a session (as this side prints it) belongs to. */
  clientOfSession: (session: string) => number;
}

function isStat(x: unknown): x is RawStat {
  return typeof x === 'object' && x !== null && 'czxid' in x && 'cversion' in x;
}

function statsIn(result: unknown): RawStat[] {
  if (isStat(result)) return [result];
  if (typeof result === 'object' && result !== null && 'stat' in result && isStat((result as { stat: unknown }).stat)) return [(result as { stat: RawStat }).stat];
  return [];
}

export function describeStep(i: number, s: Step): string {
  if (s.op === 'wait') return `#${i} wait ${s.ms} ms`;
  const args: string[] = [];
  if ('path' in s) args.push(s.path === '' ? '""' : s.path);
  if ('data' in s) args.push(JSON.stringify(s.data));
  if ('version' in s) args.push(`v${s.version}`);
  if (s.op === 'create') args.push(s.ephemeral ? (s.sequential ? 'EPHEMERAL_SEQUENTIAL' : 'EPHEMERAL') : s.sequential ? 'PERSISTENT_SEQUENTIAL' : 'PERSISTENT');
  if ('watch' in s && s.watch) args.push('watch');
  if (s.op === 'connect') args.push(`${s.sessionTimeoutMs} ms${s.server === undefined ? '' : ` to server ${s.server}`}`);
  if (s.op === 'reconnect' && s.server !== undefined) args.push(`to server ${s.server}`);
  return `#${i} c${s.client} ${s.op}${args.length ? ' ' + args.join(' ') : ''}`;
}

/**
 * One line per step ("#3 c1 setData /app "v1" v0 → {stat…}") and one per event
 * ("   ↳ c2 NodeDataChanged /app"); equal line lists = the sides agree.
 */
export function normalise(steps: readonly Step[], run: RawRun): string[] {
  const zxids = new Set<number>();
  for (const o of run.outcomes) if (o.ok) for (const st of statsIn(o.result)) [st.czxid, st.mzxid, st.pzxid].forEach((z) => zxids.add(z));
  const order = [...zxids].sort((a, b) => a - b);
  const rank = (z: number) => `z${order.indexOf(z) + 1}`;
  const owner = (s: string) => {
    if (/^0x0*$/.test(s)) return 'none';
    const c = run.clientOfSession(s);
    return c > 0 ? `client ${c}` : `unknown session ${s}`;
  };
  const stat = (st: RawStat) =>
    `{version ${st.version}, cversion ${st.cversion}, aversion ${st.aversion}, numChildren ${st.numChildren}, dataLength ${st.dataLength}, owner ${owner(st.ephemeralOwner)}, czxid ${rank(st.czxid)}, mzxid ${rank(st.mzxid)}, pzxid ${rank(st.pzxid)}}`;
  const result = (s: Step, r: unknown): string => {
    if (s.op === 'connect') return `negotiated ${(r as { negotiatedTimeoutMs: number }).negotiatedTimeoutMs} ms`;
    if (s.op === 'sync' || s.op === 'wait' || s.op === 'expire' || s.op === 'cut' || s.op === 'reconnect' || s.op === 'close' || s.op === 'delete') return 'ok';
    if (r === null) return 'null';
    if (isStat(r)) return stat(r);
    if (typeof r === 'object' && 'stat' in r && 'data' in r) return `data ${JSON.stringify((r as { data: string }).data)} ${stat((r as { stat: RawStat }).stat)}`;
    return JSON.stringify(r);
  };
  const lines: string[] = [];
  steps.forEach((s, i) => {
    const o = run.outcomes[i];
    lines.push(`${describeStep(i, s)} → ${o === undefined ? 'no outcome' : o.ok ? result(s, o.result) : o.error}`);
    // Each client's events in its own order; clients in number order (the order between
    // two clients' deliveries is the network's, not the server's to promise). A session's
    // end deletes all its ephemerals in one txn, in no order ZooKeeper defines (3.8 walks
    // a Java HashSet of paths): for close and expire, each client's events are compared
    // as a set, sorted by path then type; so for a reconnect, whose SetWatches fires
    // what changed meanwhile in the order of the client's watch tables (Java HashMaps).
    const unordered = s.op === 'close' || s.op === 'expire' || s.op === 'reconnect';
    const evs = [...(run.events[i] ?? [])].sort((a, b) => a.client - b.client || (unordered ? a.path.localeCompare(b.path) || a.type.localeCompare(b.type) : 0));
    for (const e of evs) lines.push(`   ↳ c${e.client} ${e.type} ${e.path}`);
  });
  return lines;
}
