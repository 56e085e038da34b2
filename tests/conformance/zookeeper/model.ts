/**
 * The model side of a conformance run: the same sequence through the pure state machine's
 * one-server executor (src/core/coord/zookeeper/standalone.ts), as a standalone ZooKeeper
 * would sequence it. `expire` is the session tracker's verdict; `wait` moves the clock
 * that stamps ctime/mtime (not compared).
 */
import { Standalone } from '../../../src/core/coord/zookeeper/standalone';
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

export function modelRun(steps: readonly Step[]): RawRun {
  const zk = new Standalone(TICK_MS);
  const outcomes: RawOutcome[] = [];
  const events: RawEvent[][] = [];
  for (const s of steps) {
    zk.timeMs += 1;
    if (s.op === 'wait') {
      zk.timeMs += s.ms;
      outcomes.push({ ok: true, result: null });
      events.push([]);
      continue;
    }
    const r = s.op === 'connect' ? zk.connect(s.client, s.sessionTimeoutMs) : s.op === 'expire' ? zk.expire(s.client) : s.op === 'close' ? zk.close(s.client) : zk.run(s.client, s);
    outcomes.push(raw(r.outcome));
    events.push(r.events.map((e) => ({ client: e.client, type: e.event.type, path: e.event.path })));
  }
  return { outcomes, events, clientOfSession: (h) => zk.clientOf(parseInt(h.slice(2), 16)) };
}
