/**
 * The failure lessons' stories: replicas (a node dies and its keys still have R − 1 live
 * copies, then the ring replaces it) and the detector (a crash declared after the timeout, a
 * live node falsely suspected and rejoining). Every number a sentence states is computed here
 * from the run — the router's notes, its changes and the 'ring' query — and must appear in
 * the English and the Chinese sentence; each stop sits on its moment.
 */
import { describe, expect, it } from 'vitest';
import { LESSON_META } from '../../../src/store/lessons';
import { ChangeAction, type HashringHubView, type RingLayout } from '../../../src/core/hashring/types';
import { walkStops } from '../store/walk-stops';
import { says } from './says';
import { n, story } from './story';


/** Per key, its owners (primary first). */
const ownersOf = (L: RingLayout, i: number) => Array.from(L.owners.subarray(i * L.replicas, (i + 1) * L.replicas));

describe('ring-replicas', () => {
  const s = story('ring-replicas');
  const crash = 1000;
  const down = s.first('DeclaredDownTimeout', 3);
  const back = s.first('Rejoined', 3);

  it('n3’s copies before the crash, by rank', () => {
    const L = s.ring(900);
    expect(L.replicas).toBe(3);
    const byRank = [0, 0, 0];
    let held = 0;
    for (let i = 0; i < L.keys; i++) {
      const o = ownersOf(L, i);
      expect(new Set(o).size).toBe(3);
      const r = o.indexOf(3);
      if (r >= 0) {
        byRank[r]++;
        held++;
      }
    }
    says('ring-replicas', 0, n(held), n(byRank[0]), n(byRank[1]), n(byRank[2]));
  });

  it('after the crash and before the declaration, every key on n3 still has two live replicas', () => {
    const L = s.ring(crash);
    const alive = s.session.seek(s.frameAt(crash)).alive;
    expect(alive[2]).toBe(false); // n3 (index id − 1)
    expect(s.hub(crash).ring).toContain(3);
    let checked = 0;
    for (let i = 0; i < L.keys; i++) {
      const o = ownersOf(L, i);
      if (!o.includes(3)) continue;
      const live = o.filter((id) => id !== 3 && alive[id - 1]);
      expect(new Set(live).size).toBe(2);
      checked++;
    }
    expect(checked).toBeGreaterThan(4000);
  });

  it('declared down after the timeout; the ring replaces n3 and every key has three distinct live owners again', () => {
    const lastBeat = s.of('HeartbeatArrived').filter((x) => x.f.node === 3 && x.time < crash).at(-1)!;
    expect(down.f.silentMs).toBe(500);
    expect(down.time - lastBeat.time).toBe(500);
    says('ring-replicas', 2, `${lastBeat.time}`, `${down.time - crash}`);
    const [c] = s.changes(down.time);
    expect([c.action, c.node, c.time]).toEqual([ChangeAction.Down, 3, down.time]);
    expect(c.from).toEqual({ 3: c.moved });
    const L = s.ring(down.time);
    let held = 0;
    for (let i = 0; i < L.keys; i++) {
      const o = ownersOf(L, i);
      expect(o.includes(3)).toBe(false);
      expect(new Set(o).size).toBe(3);
    }
    // Every key that had a copy on n3 has a new third copy: the rank-2 owner changed for each.
    const before = s.ring(900);
    for (let i = 0; i < before.keys; i++) if (ownersOf(before, i).includes(3)) held++;
    expect(c.movedByRank[2]).toBe(held);
    says('ring-replicas', 2, n(c.moved), n(held));
  });

  it('restart: the first heartbeat rejoins it, and the same keys return', () => {
    const [, c] = s.changes(back.time);
    expect(back.time - 3000).toBe(8);
    expect([c.action, c.node]).toEqual([ChangeAction.Rejoin, 3]);
    expect(c.to).toEqual({ 3: s.changes(down.time)[0].moved });
    says('ring-replicas', 3, `${back.time - 3000}`, n(c.moved));
    expect(LESSON_META['ring-replicas'].stops).toEqual([900, crash, down.time, back.time, 4000]);
  });

  it('the stops land on their moments', async () => {
    await walkStops('ring-replicas', (i, store) => {
      const v = store.getState().view!;
      const hub = v.hub as HashringHubView;
      expect([v.alive[2], hub.ring.includes(3)], `stop ${i}`).toEqual([[true, true], [false, true], [false, false], [true, true], [true, true]][i]);
    });
  });
});

describe('ring-detector', () => {
  const s = story('ring-detector');
  const crash = 4000;

  it('heartbeats arrive unevenly over the lossy link', () => {
    const iv = s.of('HeartbeatArrived').filter((x) => x.time <= 1000 && x.f.intervalMs >= 0).map((x) => x.f.intervalMs);
    says('ring-detector', 0, `${Math.min(...iv)}`, `${Math.max(...iv)}`);
  });

  it('the crash is declared after the timeout since its last heartbeat; 170 keys move', () => {
    const d = s.first('DeclaredDownTimeout', 3);
    const lastBeat = s.of('HeartbeatArrived').filter((x) => x.f.node === 3 && x.time < crash).at(-1)!;
    expect(d.time - lastBeat.time).toBe(300);
    const c = s.changes(d.time).at(-1)!;
    expect([c.action, c.node]).toEqual([ChangeAction.Down, 3]);
    says('ring-detector', 2, `${d.time - crash}`, n(lastBeat.time), `${c.moved}`);
  });

  it('a live node falsely suspected: two heartbeats lost, declared down, rejoined by the next', () => {
    const downs = s.of('DeclaredDownTimeout');
    expect(downs.map((x) => x.f.node)).toEqual([3, 1]);
    const fs = downs[1];
    // n1 never crashed.
    expect((s.scenario.script ?? []).some((a) => a.node === 1)).toBe(false);
    const beats = s.of('HeartbeatArrived').filter((x) => x.f.node === 1);
    const before = beats.filter((x) => x.time < fs.time).at(-1)!;
    const after = beats.find((x) => x.time > fs.time)!;
    expect(after.f.seq - before.f.seq).toBe(3);
    says('ring-detector', 3, `${before.f.seq + 1}`, `${before.f.seq + 2}`);
    const rejoin = s.first('Rejoined', 1);
    expect(rejoin.time).toBe(after.time);
    const [, out, back] = s.changes(rejoin.time);
    expect([out.action, out.node, back.action, back.node]).toEqual([ChangeAction.Down, 1, ChangeAction.Rejoin, 1]);
    expect(back.moved).toBe(out.moved);
    says('ring-detector', 3, `${out.moved}`);
    says('ring-detector', 4, `${after.f.seq}`, `${rejoin.time - fs.time}`, `${back.moved}`);
    expect(LESSON_META['ring-detector'].stops).toEqual([1000, crash, s.first('DeclaredDownTimeout', 3).time, fs.time, rejoin.time, 5950]);
  });

  it('the stops land on their moments', async () => {
    await walkStops('ring-detector', (i, store) => {
      const hub = store.getState().view!.hub as HashringHubView;
      expect(hub.ring, `stop ${i}`).toEqual([[1, 2, 3, 4, 5], [1, 2, 3, 4, 5], [1, 2, 4, 5], [2, 4, 5], [1, 2, 4, 5], [1, 2, 4, 5]][i]);
    });
  });
});
