/**
 * The model side of a conformance run: the same sequence through the pure state machine's
 * one-server executor (src/core/coord/zookeeper/standalone.ts), as a standalone ZooKeeper
 * would sequence it. `expire` is the session tracker's verdict; `wait` moves the clock
 * that stamps ctime/mtime (not compared); `cut` / `reconnect` drop the connection's
 * watches at the server and re-send the client's (SetWatches), see ClientWatches.
 */
import { disconnect, lastApplied } from '../../../src/core/coord/zookeeper/server';
import { Standalone, type ClientEvent } from '../../../src/core/coord/zookeeper/standalone';
import { sessionHex, type Stat, type ZkOutcome } from '../../../src/core/coord/zookeeper/types';
import type { RawEvent, RawOutcome, RawRun } from './compare';
import type { Step } from './sequences';
import { TICK_MS } from './servers';

function isStat(x: unknown): x is Stat {
  return typeof x === 'object' && x !== null && 'czxid' in x && 'ephemeralOwner' in x;
}

/** Sessions printed as the driver prints them (0x… hex), so compare.ts reads both alike. */
function raw(o: ZkOutcome): RawOutcome {
  if (!o.ok) return o;
  const r = o.result;
  const hexOwner = (s: Stat) => ({ ...s, ephemeralOwner: sessionHex(s.ephemeralOwner) });
  if (isStat(r)) return { ok: true, result: hexOwner(r) };
  if (typeof r === 'object' && r !== null && 'stat' in r) return { ok: true, result: { ...r, stat: hexOwner(r.stat) } };
  if (typeof r === 'object' && r !== null && 'session' in r) return { ok: true, result: { ...r, session: sessionHex(r.session) } };
  return { ok: true, result: r };
}

/**
 * What the Java client keeps for a reconnect (ZKWatchManager's three tables and
 * ClientCnxn.lastZxid): the model side of `cut` / `reconnect` replays that bookkeeping,
 * since Standalone is a server and the client's tables are the client's.
 * Registration on success only: getData → data; exists → data if the node is there, exist
 * if not; getChildren → child. An event removes what it consumed: NodeCreated and
 * NodeDataChanged the path's data and exist watches, NodeChildrenChanged its child watch,
 * NodeDeleted all three (ZKWatchManager.materialize).
 */
class ClientWatches {
  data = new Set<string>();
  exist = new Set<string>();
  child = new Set<string>();
  lastZxid = 0;

  registered(req: Step, o: ZkOutcome): void {
    if (!('watch' in req) || !req.watch || !o.ok) return;
    if (req.op === 'getData') this.data.add(req.path);
    else if (req.op === 'getChildren') this.child.add(req.path);
    else if (req.op === 'exists') (o.result === null ? this.exist : this.data).add(req.path);
  }

  fired(type: string, path: string): void {
    if (type === 'NodeCreated' || type === 'NodeDataChanged' || type === 'NodeDeleted') {
      this.data.delete(path);
      this.exist.delete(path);
    }
    if (type === 'NodeChildrenChanged' || type === 'NodeDeleted') this.child.delete(path);
  }
}

export function modelRun(steps: readonly Step[]): RawRun {
  const zk = new Standalone(TICK_MS);
  const outcomes: RawOutcome[] = [];
  const events: RawEvent[][] = [];
  const clients = new Map<number, ClientWatches>();
  const cutOff = new Set<number>();
  const watchesOf = (c: number) => {
    let w = clients.get(c);
    if (!w) clients.set(c, (w = new ClientWatches()));
    return w;
  };
  for (const s of steps) {
    zk.timeMs += 1;
    if (s.op === 'wait') {
      zk.timeMs += s.ms;
      outcomes.push({ ok: true, result: null });
      events.push([]);
      continue;
    }
    let r: { outcome: ZkOutcome; events: ClientEvent[] };
    if (s.op === 'cut') {
      // The server closes the connection: its watches there go (the session stays).
      disconnect(zk.state, zk.session(s.client));
      cutOff.add(s.client);
      r = { outcome: { ok: true, result: null }, events: [] };
    } else if (s.op === 'reconnect') {
      cutOff.delete(s.client);
      const w = watchesOf(s.client);
      r = { outcome: { ok: true, result: null }, events: zk.setWatches(s.client, { relativeZxid: w.lastZxid, data: [...w.data], exist: [...w.exist], child: [...w.child] }) };
    } else {
      if (s.op === 'connect') clients.set(s.client, new ClientWatches());
      r = s.op === 'connect' ? zk.connect(s.client, s.sessionTimeoutMs) : s.op === 'expire' ? zk.expire(s.client) : s.op === 'close' ? zk.close(s.client) : zk.run(s.client, s);
      watchesOf(s.client).registered(s, r.outcome);
    }
    outcomes.push(raw(r.outcome));
    events.push(r.events.map((e) => ({ client: e.client, type: e.event.type, path: e.event.path })));
    for (const e of r.events) watchesOf(e.client).fired(e.event.type, e.event.path);
    // The driver's flush after every step: each connected client's sync reply carries the
    // server's last zxid, which becomes the client's lastZxid.
    for (const [c, w] of clients) if (!cutOff.has(c)) w.lastZxid = lastApplied(zk.state);
  }
  return { outcomes, events, clientOfSession: (h) => zk.clientOf(parseInt(h.slice(2), 16)) };
}
