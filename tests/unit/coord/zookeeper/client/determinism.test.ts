import { describe, expect, it } from 'vitest';
import { World } from './harness';
import { zkClientDef } from '../../../../../src/core/coord/zookeeper/client';

/** A busy scenario: three clients, locks, watches, a crash, a pause, an expiry. */
function scenario(w: World, restoreAt: number | null): void {
  w.op(1, { op: 'lock', path: '/lock' });
  w.op(2, { op: 'lock', path: '/lock' }, 50);
  w.op(3, { op: 'lock', path: '/lock' }, 60);
  w.op(3, { op: 'getData', path: '/lock', watch: true }, 70);
  w.op(2, { op: 'pause', ms: 25000 }, 500);
  const steps = [1000, 3000, 6000, 40000, 60000];
  for (const t of steps) {
    if (restoreAt === t) {
      // Every client goes through a keyframe: snapshot, restore, carry on with the copy.
      w.clients.forEach((c, i) => (w.clients[i] = zkClientDef.restore(zkClientDef.snapshot(c))));
    }
    w.runUntil(t);
    if (t === 1000) w.crash(1);
    if (t === 3000) w.op(1, { op: 'unlock', path: '/lock' });
    if (t === 6000) w.expire(w.view(2).session);
  }
}

describe('ZooKeeper client: determinism and keyframes', () => {
  it('the same inputs give the same history, and a snapshot/restore mid-run changes nothing', () => {
    const runs = [null, null, 3000, 40000].map((at) => {
      const w = new World(3, 3);
      scenario(w, at);
      return JSON.stringify({ ops: w.ops, events: w.events, notes: w.notes, views: [1, 2, 3].map((c) => w.view(c)) });
    });
    expect(runs[1]).toBe(runs[0]);
    expect(runs[2]).toBe(runs[0]);
    expect(runs[3]).toBe(runs[0]);
    // The scenario did what it says.
    const w = new World(3, 3);
    scenario(w, null);
    expect(w.opsOf(3)[0]).toMatchObject({ op: 'lock', ok: true });
    expect(w.eventsOf(2).some((e) => e.type === 'Expired')).toBe(true);
  });

  it('a snapshot is a deep copy: the live client moving on does not change it', () => {
    const w = new World(1, 1);
    w.op(1, { op: 'getData', path: '/', watch: true });
    w.run(100);
    const snap = zkClientDef.snapshot(w.clients[0]);
    const before = JSON.stringify(snap);
    w.op(1, { op: 'create', path: '/x', data: '', ephemeral: false, sequential: false });
    w.op(1, { op: 'getChildren', path: '/', watch: true });
    w.run(100);
    expect(JSON.stringify(snap)).toBe(before);
    expect(JSON.stringify(zkClientDef.snapshot(w.clients[0]))).not.toBe(before);
  });
});
