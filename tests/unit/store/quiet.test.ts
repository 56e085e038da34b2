/**
 * Slow protocols: stepping to the next decision (a notable frame, not routine traffic) and
 * fast-forwarding through quiet stretches while playing, on a Raft run whose leader sends
 * only heartbeats between its election and a scripted crash.
 */
import { describe, expect, it } from 'vitest';
import { SimSession } from '../../../src/sim/session';
import { NOTABLE_SEARCH_FRAMES, QUIET_LEAD_WALL_MS, QUIET_MIN_WALL_MS } from '../../../src/store/slices/playback';
import { makeStore, settle, tickUntil } from './helpers';

const CRASH_AT = 2500;
const scenario = { protocol: 'raft', nodes: 3, seed: 4, until: 4000, script: [{ at: CRASH_AT, do: 'crash', node: 2 }] };

/** The run's rows, from a session of its own. */
function rows() {
  const s = new SimSession();
  s.load(scenario);
  s.advanceTo(scenario.until);
  const head = s.view().head;
  const out = [];
  for (let f = 1; f <= head; f += 1000) out.push(...s.events(f, Math.min(head, f + 999)));
  return out;
}

/** The last notable frame before the crash, and the crash's frame: between them only heartbeats. */
function quietStretch() {
  const all = rows();
  const crash = all.find((r) => r.time === CRASH_AT && r.action?.do === 'crash')!;
  const before = all.filter((r) => r.notable && r.frame < crash.frame).at(-1)!;
  return { all, crash, before };
}

describe('the next decision', () => {
  it('the scenario has a long quiet stretch of routine rows before the crash', () => {
    const { all, crash, before } = quietStretch();
    expect(crash.notable).toBe(true);
    expect(CRASH_AT - before.time).toBeGreaterThan(1000);
    const between = all.filter((r) => r.frame > before.frame && r.frame < crash.frame);
    expect(between.length).toBeGreaterThan(50);
    expect(between.every((r) => !r.notable)).toBe(true);
  });

  it('steps over the routine frames to the next notable one, and from there to the one after', async () => {
    const { all, crash, before } = quietStretch();
    const store = await makeStore();
    await store.getState().loadScenario(scenario);
    await store.getState().seek(before.frame);
    await store.getState().nextDecision();
    expect(store.getState().view!.frame).toBe(crash.frame);
    expect(store.getState().view!.event?.notable).toBe(true);
    expect(store.getState().playing).toBe(false);
    await store.getState().nextDecision();
    const next = all.find((r) => r.notable && r.frame > crash.frame)!;
    expect(store.getState().view!.frame).toBe(next.frame);
  });

  it('stays put when nothing notable lies ahead before the scenario’s end', async () => {
    const store = await makeStore();
    // One node: it elects itself at once, then nothing happens but its heartbeat timer.
    await store.getState().loadScenario({ protocol: 'raft', nodes: 1, seed: 1, until: 2000 });
    await store.getState().seekTime(1500);
    const at = store.getState().view!.frame;
    await store.getState().nextDecision();
    expect(store.getState().view!.frame).toBe(at);
    expect(NOTABLE_SEARCH_FRAMES).toBeGreaterThan(1000);
  });
});

describe('skipping quiet stretches while playing', () => {
  const SPEED = 0.02;

  async function playThroughQuiet(skip: boolean, maxTicks = 10_000) {
    const { crash, before } = quietStretch();
    const store = await makeStore();
    await store.getState().loadScenario(scenario);
    await store.getState().seek(before.frame);
    store.getState().setSpeed(SPEED);
    store.getState().setSkipQuiet(skip);
    store.getState().play();
    const playheads: number[] = [];
    const ticks = await tickUntil(
      store,
      () => {
        playheads.push(store.getState().playhead);
        return store.getState().view!.frame >= crash.frame;
      },
      maxTicks,
    );
    store.getState().pause();
    await settle();
    return { ticks, playheads, crash, store };
  }

  it('crosses a quiet stretch within seconds, landing just before the decision, not past it', async () => {
    const on = await playThroughQuiet(true);
    // Without skipping, 1 s of virtual time at 1/50x is 50 s of wall time (≈ 3,000 ticks).
    expect(on.ticks).toBeLessThan(((QUIET_MIN_WALL_MS + QUIET_LEAD_WALL_MS) / 16) * 3);
    const crossing = on.playheads.findIndex((p) => p >= CRASH_AT);
    const lead = QUIET_LEAD_WALL_MS * SPEED;
    // The tick before the crash, the playhead sat within the lead before it: the class sees the crash coming.
    expect(on.playheads[crossing - 1]).toBeGreaterThanOrEqual(CRASH_AT - lead - 1);
    expect(on.playheads[crossing - 1]).toBeLessThan(CRASH_AT);
    expect(on.store.getState().view!.frame).toBeGreaterThanOrEqual(on.crash.frame);
  });

  it('is off by default: the same stretch plays at the chosen speed', async () => {
    const store = await makeStore();
    expect(store.getState().skipQuiet).toBe(false);
    // What crosses the stretch with skipping on does not get near the crash without it.
    const off = await playThroughQuiet(false, 400);
    expect(off.store.getState().view!.frame).toBeLessThan(off.crash.frame);
    expect(Math.max(...off.playheads)).toBeLessThan(CRASH_AT - 1000);
  });
});
