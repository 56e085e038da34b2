/**
 * Seeds the 1,000-, 2,000- and 10,000-seed campaigns (`fuzz --protocol zab --service zookeeper`) flagged on the
 * correct system — 469 and 794 checker false positives (ZooKeeper 3.8's Java client does
 * exactly this), 1021 a history the client recorded wrong: their shrunk scenarios replay clean now, and still do what made them fail.
 */
import { describe, expect, it } from 'vitest';
import { getProtocol } from '../../../../../src/core/registry';
import { getService } from '../../../../../src/core/coord/registry';
import { fuzzOne } from '../../../../../src/sim/fuzz';
import { runHeadless } from '../../../../../src/sim/run';
import { parseScenario } from '../../../../../src/sim/scenario';
import type { ZkEventRecord, ZkOpRecord } from '../../../../../src/core/coord/zookeeper/types';
import seed469 from './fixtures/seed469.json';
import seed794 from './fixtures/seed794.json';
import seed1021 from './fixtures/seed1021.json';
import seed1441 from './fixtures/seed1441.json';
import seed2114 from './fixtures/seed2114.json';
import seed4090 from './fixtures/seed4090.json';

const zab = getProtocol('zab')!;
const zookeeper = getService('zookeeper')!;

function replay(scenario: unknown) {
  const r = runHeadless(parseScenario(JSON.parse(JSON.stringify(scenario))));
  const w = r.sim.serviceWorld();
  const ops = (w.ops as readonly (ZkOpRecord | undefined)[]).filter((x): x is ZkOpRecord => x !== undefined);
  return { violation: r.violation, ops, events: w.events as readonly ZkEventRecord[] };
}

describe('fuzz regressions (ZooKeeper, correct system)', () => {
  it('seed 469: a paused client delivers the NodeCreated its exists watch asked for, then loses its handle in the same step — no violation', () => {
    const { violation, ops, events } = replay(seed469);
    expect(violation).toBeNull();
    // What made it fail: the event and the SessionExpired of its lock at the same instant.
    const ev = events.find((e) => e.client === 3 && e.type === 'NodeCreated' && e.path === '/b/x');
    expect(ev).toBeDefined();
    const lock = ops.find((o) => o.client === 3 && o.op === 'lock' && o.error === 'SessionExpired');
    expect(lock?.complete).toBe(ev!.time);
    expect(fuzzOne(469, { protocol: zab, service: zookeeper }).violation).toBeNull();
  }, 60_000);

  it('seed 794: after an unanswered close the handle fails a create SessionExpired itself; the server keeps the ephemeral — no violation', () => {
    const { violation, ops } = replay(seed794);
    expect(violation).toBeNull();
    const local = ops.find((o) => o.client === 2 && o.op === 'create' && o.error === 'SessionExpired');
    const blocked = ops.find((o) => o.client === 1 && o.op === 'create' && o.error === 'NoChildrenForEphemerals');
    expect(ops.find((o) => o.client === 2 && o.op === 'close')?.error).toBe('ConnectionLoss');
    expect(local).toBeDefined();
    expect(blocked!.invoke).toBeGreaterThan(local!.complete!);
    expect(fuzzOne(794, { protocol: zab, service: zookeeper }).violation).toBeNull();
  }, 60_000);

  it("seed 1021: an op queued before its handle had a session runs on the session it gets, and its record says so even if it never completes", () => {
    const { violation, ops } = replay(seed1021);
    expect(violation).toBeNull();
    // Invoked at 3181 while the new handle was connecting (session 0); a pause outlasts the run.
    const create = ops.find((o) => o.client === 1 && o.op === 'create' && o.args.path === '/a');
    const connect = ops.find((o) => o.client === 1 && o.op === 'connect');
    expect(create?.complete).toBeNull();
    expect(create!.invoke).toBeLessThan(connect!.complete!);
    expect(create?.session).not.toBe(0);
    expect(create?.session).toBe(connect?.session);
    expect(fuzzOne(1021, { protocol: zab, service: zookeeper }).violation).toBeNull();
  }, 60_000);

  it('seed 1441: a watch of an old session whose socket the client closed never reaches its new session on the same server', () => {
    const { violation, ops, events } = replay(seed1441);
    expect(violation).toBeNull();
    // Client 1's getChildren(/b, watch) on its second session was lost with the connection; it then opened a third.
    const lost = ops.find((o) => o.client === 1 && o.op === 'getChildren' && o.args.path === '/b');
    expect(lost?.error).toBe('ConnectionLoss');
    const last = ops.filter((o) => o.client === 1 && o.op === 'connect' && o.ok).at(-1);
    expect(last?.session).not.toBe(lost?.session);
    expect(events.filter((e) => e.client === 1 && e.type === 'NodeChildrenChanged')).toEqual([]);
    expect(fuzzOne(1441, { protocol: zab, service: zookeeper }).violation).toBeNull();
  }, 60_000);

  it('seed 2114: a second close() on a handle its lost close already CLOSED is answered by the client itself and ends nothing on the servers — no violation', () => {
    const { violation, ops } = replay(seed2114);
    expect(violation).toBeNull();
    const closes = ops.filter((o) => o.client === 2 && o.op === 'close');
    expect(closes.map((o) => o.error)).toEqual(['ConnectionLoss', null]);
    expect(closes[1].local).toBe(true);
    expect(closes[0].local).toBeUndefined();
    // The servers still held the session, so its ephemeral /b could take no child.
    const blocked = ops.find((o) => o.client === 1 && o.op === 'create' && o.args.path === '/b/z');
    expect(blocked?.error).toBe('NoChildrenForEphemerals');
    expect(blocked!.invoke).toBeGreaterThan(closes[1].complete!);
    expect(fuzzOne(2114, { protocol: zab, service: zookeeper }).violation).toBeNull();
  }, 60_000);

  it("seed 4090: the leader's crash leaves one follower that logged the paused holder's expiry but never got its COMMIT — the session is over, and the next holder is the only one", () => {
    const { violation, ops } = replay(seed4090);
    expect(violation).toBeNull();
    // Client 2 held the lock, paused past its session; client 1 took the lock after the expiry.
    const held2 = ops.find((o) => o.client === 2 && o.op === 'lock' && o.ok);
    const held1 = ops.find((o) => o.client === 1 && o.op === 'lock' && o.ok);
    const pause = ops.find((o) => o.client === 2 && o.op === 'pause');
    expect(held2!.complete!).toBeLessThan(pause!.invoke);
    expect(held1!.complete!).toBeGreaterThan(pause!.invoke);
    expect(held1!.complete!).toBeLessThan(pause!.complete!);
    expect(fuzzOne(4090, { protocol: zab, service: zookeeper }).violation).toBeNull();
  }, 60_000);
});
