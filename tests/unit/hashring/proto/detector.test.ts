/** The router's failure detectors: timeout and phi accrual, as functions and in runs. */
import { describe, expect, it } from 'vitest';
import { phi, phiDelay } from '../../../../src/core/hashring/detector';
import { createRouter, routerReceive, routerTimer, startRouter } from '../../../../src/core/hashring/router';
import { EventType } from '../../../../src/sim/api';
import { FakeCtx, cfgOf, notesNamed, ringAt, routerOf, run } from './harness';

const timeout = { detector: 'timeout', timeoutMs: 500, heartbeatMs: 100, keys: 1000 };

describe('timeout detector', () => {
  it('declares a crashed node down timeoutMs after its last heartbeat arrived, and not before', () => {
    const r = run({ nodes: 4, until: 3000, config: timeout, script: [{ at: 1000, do: 'crash', node: 2 }] });
    const beats = notesNamed(r, 'HeartbeatArrived', 2);
    const last = beats[beats.length - 1].time;
    expect(last).toBeLessThanOrEqual(1000 + 15);
    const [down] = notesNamed(r, 'DeclaredDownTimeout');
    expect(down).toMatchObject({ time: last + 500, f: { node: 2, silentMs: 500, timeoutMs: 500 } });
    expect(ringAt(r, down.time - 1)).toContain(2);
    expect(ringAt(r, down.time)).not.toContain(2);
    expect(notesNamed(r, 'DeclaredDownTimeout')).toHaveLength(1);
    expect(r.report.violations).toEqual([]);
  });

  it('never declares a node that keeps heartbeating on a clean network', () => {
    const r = run({ nodes: 6, until: 5000, config: timeout });
    expect(notesNamed(r, 'DeclaredDownTimeout')).toEqual([]);
    expect(routerOf(r).version).toBe(0);
  });
});

describe('phi accrual', () => {
  it('φ is Akka\'s: 0.301 at the mean (half the normal mass), rising with silence', () => {
    expect(phi(100, 100, 20)).toBeCloseTo(-Math.log10(0.5), 6);
    let prev = -1;
    for (let t = 0; t <= 400; t += 5) {
      const p = phi(t, 100, 20);
      expect(p).toBeGreaterThanOrEqual(prev);
      prev = p;
    }
    // One standard deviation past the mean: 1 − Φ(1) ≈ 0.1587, φ ≈ 0.80 (the logistic approximation is within 1e-3 of Φ).
    expect(phi(120, 100, 20)).toBeCloseTo(-Math.log10(0.1587), 1);
    expect(phi(400, 100, 20)).toBeGreaterThan(8);
  });

  it('the deadline is the first integer ms at which φ reaches the threshold', () => {
    for (const [mean, std, th] of [[100, 20, 8], [100, 25, 8], [50, 5, 1], [1000, 300, 12], [7, 20, 0.5]]) {
      const d = phiDelay(mean, std, th);
      expect(phi(d, mean, std)).toBeGreaterThanOrEqual(th);
      if (d > 1) expect(phi(d - 1, mean, std)).toBeLessThan(th);
    }
  });

  it('before any interval, the window is Akka\'s first-heartbeat estimate (heartbeatMs ∓ heartbeatMs/4)', () => {
    const cfg = cfgOf({ heartbeatMs: 100, minStdDevMs: 1 });
    const r = createRouter(2, cfg);
    const ctx = new FakeCtx(0);
    startRouter(r, ctx);
    // intervals 75 and 125: mean 100, std 25.
    expect(r.deadline[1]).toBe(phiDelay(100, 25, 8));
    expect(ctx.lastTimer()).toBe(r.deadline[1]);
  });

  it('φ rises with silence and the node is declared at the threshold, with φ noted', () => {
    const r = run({ nodes: 3, until: 3000, config: { keys: 1000 }, script: [{ at: 1000, do: 'crash', node: 3 }] });
    const [down] = notesNamed(r, 'DeclaredDownPhi');
    expect(down.f.node).toBe(3);
    expect(down.f.phiMilli).toBeGreaterThanOrEqual(down.f.thresholdMilli);
    expect(down.f.thresholdMilli).toBe(8000);
    // Heartbeats every 100 ms with 5–15 ms latency: std is clamped at 20 ms, so the silence allowed is phiDelay(≈100, 20, 8).
    expect(down.f.silentMs).toBeGreaterThan(150);
    expect(down.f.silentMs).toBeLessThan(260);
    expect(ringAt(r, down.time)).toEqual([1, 2]);
  });

  it('learns a slower heartbeat: a wider spread of intervals gives a later deadline', () => {
    const steady = run({ nodes: 2, until: 3000, config: { keys: 100 }, script: [{ at: 2000, do: 'crash', node: 1 }] });
    const jittery = run({ nodes: 2, until: 3000, config: { keys: 100, latencyMinMs: 0, latencyMaxMs: 90 }, script: [{ at: 2000, do: 'crash', node: 1 }] });
    const a = notesNamed(steady, 'DeclaredDownPhi', 1)[0].f.silentMs;
    const b = notesNamed(jittery, 'DeclaredDownPhi', 1)[0].f.silentMs;
    expect(b).toBeGreaterThan(a + 50);
  });
});

describe('false suspicions and rejoining', () => {
  it('a cut link to the router gets a live node declared down; after the mend its heartbeat brings it back', () => {
    const r = run({ nodes: 4, until: 4000, config: timeout, script: [{ at: 1000, do: 'cut', from: 2, to: 0 }, { at: 2500, do: 'mend', from: 2, to: 0 }] });
    const [down] = notesNamed(r, 'DeclaredDownTimeout', 2);
    expect(down.time).toBeGreaterThan(1000);
    expect(down.time).toBeLessThan(2500);
    expect(r.sim.alive[2]).toBe(true); // it never stopped: a false suspicion
    const [back] = notesNamed(r, 'Rejoined', 2);
    expect(back.time).toBeGreaterThanOrEqual(2500);
    expect(back.time).toBeLessThanOrEqual(2500 + 100 + 15);
    expect(back.f.silentMs).toBeGreaterThan(1400);
    expect(routerOf(r).ring).toEqual([1, 2, 3, 4]);
    const actions = (r.report.changes as { action: string; node: number }[]).map((c) => `${c.action}:${c.node}`);
    expect(actions).toEqual(['crash:2', 'restart:2']);
  });

  it('in a partition the router sits with the first group: the other group is declared down, alive, and rejoins at the heal', () => {
    const r = run({ nodes: 5, until: 4000, config: timeout, script: [{ at: 1000, do: 'partition', groups: [[1, 2], [3, 4, 5]] }, { at: 2500, do: 'heal' }] });
    expect(notesNamed(r, 'DeclaredDownTimeout').map((n) => n.f.node).sort()).toEqual([3, 4, 5]);
    expect(ringAt(r, 2400)).toEqual([1, 2]);
    expect(notesNamed(r, 'Rejoined').map((n) => n.f.node).sort()).toEqual([3, 4, 5]);
    expect(routerOf(r).ring).toEqual([1, 2, 3, 4, 5]);
    expect(r.report.violations).toEqual([]);
  });

  it('a slow link (latency spread over the timeout) causes false suspicions of live nodes, which rejoin', () => {
    const r = run({ nodes: 5, until: 10_000, seed: 3, config: { detector: 'timeout', timeoutMs: 150, heartbeatMs: 50, latencyMinMs: 5, latencyMaxMs: 400, fifo: false, keys: 500 } });
    const downs = notesNamed(r, 'DeclaredDownTimeout');
    expect(downs.length).toBeGreaterThan(0);
    for (let id = 1; id <= 5; id++) expect(r.sim.alive[id]).toBe(true);
    expect(notesNamed(r, 'Rejoined').length).toBeGreaterThan(0);
    expect(r.report.violations).toEqual([]);
  });

  it('a lossy link causes false suspicions too (phi), and the nodes rejoin', () => {
    const r = run({ nodes: 5, until: 10_000, seed: 2, config: { dropRate: 0.5, keys: 500 } });
    expect(notesNamed(r, 'DeclaredDownPhi').length).toBeGreaterThan(0);
    expect(notesNamed(r, 'Rejoined').length).toBeGreaterThan(0);
  });

  it('a restarted node rejoins with its next incarnation', () => {
    const r = run({ nodes: 3, until: 4000, config: timeout, script: [{ at: 1000, do: 'crash', node: 1 }, { at: 2500, do: 'restart', node: 1 }] });
    expect(notesNamed(r, 'DeclaredDownTimeout', 1)).toHaveLength(1);
    const [back] = notesNamed(r, 'Rejoined', 1);
    expect(back.time).toBeGreaterThanOrEqual(2505);
    expect(back.time).toBeLessThanOrEqual(2515);
    expect(routerOf(r).inc[1]).toBe(2);
    expect(routerOf(r).ring).toEqual([1, 2, 3]);
  });

  it('a restart the detector did not notice changes nothing in the ring', () => {
    const r = run({ nodes: 3, until: 3000, config: timeout, script: [{ at: 1000, do: 'crash', node: 1 }, { at: 1200, do: 'restart', node: 1 }] });
    expect(notesNamed(r, 'DeclaredDownTimeout')).toEqual([]);
    expect(routerOf(r).version).toBe(0);
    expect(routerOf(r).inc[1]).toBe(2);
  });

  it('a duplicated or overtaken heartbeat is stale: ignored, it cannot revive a dead node', () => {
    const cfg = cfgOf({ detector: 'timeout', timeoutMs: 500 });
    const r = createRouter(2, cfg);
    startRouter(r, new FakeCtx(0));
    routerReceive(r, { kind: 'heartbeat', seq: 1, incarnation: 1 }, 1, new FakeCtx(10));
    routerReceive(r, { kind: 'heartbeat', seq: 2, incarnation: 1 }, 1, new FakeCtx(110));
    const ctx = new FakeCtx(150);
    routerReceive(r, { kind: 'heartbeat', seq: 1, incarnation: 1 }, 1, ctx);
    expect(ctx.notes.map((n) => n.name)).toEqual(['HeartbeatStale']);
    expect(r.lastAt[1]).toBe(110);
    routerTimer(r, 0, new FakeCtx(610));
    // Both silent past 500 ms (n2 never heartbeated at all): both declared down.
    expect(r.ring).toEqual([]);
    expect(r.status[1]).toBe(2);
    const late = new FakeCtx(700);
    routerReceive(r, { kind: 'heartbeat', seq: 2, incarnation: 1 }, 1, late);
    expect(late.notes.map((n) => n.name)).toEqual(['HeartbeatStale']);
    expect(r.status[1]).toBe(2);
  });

  it('the router never polls: on a quiet network its detector timer never fires', () => {
    const r = run({ nodes: 8, until: 5000, config: { keys: 500 } });
    const routerTimers = r.events.filter((e) => e.type === EventType.Timer && e.node === 0);
    expect(routerTimers).toEqual([]);
    const fired = run({ nodes: 8, until: 5000, config: { keys: 500 }, script: [{ at: 1000, do: 'crash', node: 4 }] });
    expect(fired.events.filter((e) => e.type === EventType.Timer && e.node === 0)).toHaveLength(1);
  });
});
