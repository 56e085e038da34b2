/**
 * The playback slice on its own: lesson default speeds, the glide of a step, playing to
 * the next mark and pausing exactly there, the previous mark, and stops as marks.
 */
import { describe, expect, it } from 'vitest';
import { SimSession } from '../../../src/sim/session';
import { LESSONS, LESSON_META } from '../../../src/store/lessons';
import { GLIDE_MAX_MS, GLIDE_MIN_MS, MAX_MARK_WALL_MS } from '../../../src/store/slices/playback';
import { DEFAULT_SPEED } from '../../../src/store/types';
import { drawTime } from '../../../src/ui/stage/useFrameClock';
import { fetchLesson, makeStore, roles, tickUntil } from './helpers';

describe('pacing', () => {
  it('each lesson opens at its own default speed, slow enough to follow a message', async () => {
    const store = await makeStore({ speed: 5 });
    for (const name of LESSONS) {
      await store.getState().openLesson(name);
      expect(store.getState().speed).toBe(LESSON_META[name].speed);
      expect(store.getState().defaultSpeed).toBe(LESSON_META[name].speed);
      // Raft's hops take 10-30 ms of virtual time: at most 1/25x makes one last over 0.4 s.
      expect(LESSON_META[name].speed).toBeLessThanOrEqual(0.04);
    }
  });

  it('a speed from the link wins over the lesson default, and a config reload keeps the chosen speed', async () => {
    const store = await makeStore();
    await store.getState().openLesson('raft-election', { speed: 1 });
    expect(store.getState().speed).toBe(1);
    store.getState().setSpeed(0.5);
    await store.getState().setConfigOption('preVote', true);
    expect(store.getState().speed).toBe(0.5);
    // A scenario that is no lesson keeps the current speed and has the generic default.
    await store.getState().loadScenario({ protocol: 'raft', nodes: 3, seed: 2, until: 1000 });
    expect(store.getState().speed).toBe(0.5);
    expect(store.getState().defaultSpeed).toBe(DEFAULT_SPEED);
  });

  it('at the default lesson speed an election takes at least 2 s of wall time from the first candidate to the leader', async () => {
    const store = await makeStore();
    await store.getState().openLesson('raft-election');
    store.getState().play();
    await tickUntil(store, () => roles(store).includes('candidate'));
    const start = store.getState().playhead;
    const ticks = await tickUntil(store, () => roles(store).includes('leader'), 50_000, 16);
    store.getState().pause();
    expect(roles(store)).toContain('leader');
    expect(ticks * 16).toBeGreaterThanOrEqual(2000);
    expect(store.getState().view!.time - start).toBeGreaterThan(0);
  });
});

describe('the glide of a step', () => {
  it('moves the playhead from the previous frame’s time to the new one’s over 400-700 ms, and ends on the frame’s time', async () => {
    const store = await makeStore();
    await store.getState().openLesson('raft-election');
    await store.getState().seek(3);
    const before = store.getState().view!.time;
    await store.getState().stepForward();
    let s = store.getState();
    expect(s.view!.frame).toBe(4);
    expect(s.glide).toMatchObject({ from: before, to: s.view!.time });
    expect(s.glide!.durationMs).toBeGreaterThanOrEqual(GLIDE_MIN_MS);
    expect(s.glide!.durationMs).toBeLessThanOrEqual(GLIDE_MAX_MS);
    expect(drawTime(s)).toBe(before);
    const seen: number[] = [];
    const ticks = await tickUntil(store, () => {
      seen.push(drawTime(store.getState()));
      return store.getState().glide === null;
    });
    s = store.getState();
    expect(ticks * 16).toBeGreaterThanOrEqual(GLIDE_MIN_MS - 16);
    expect(ticks * 16).toBeLessThanOrEqual(GLIDE_MAX_MS + 16);
    // Monotone, strictly inside on the way, and exactly the frame's time at the end.
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
    expect(seen.some((t) => t > before && t < s.view!.time)).toBe(true);
    expect(s.playhead).toBe(s.view!.time);
    expect(drawTime(s)).toBe(s.view!.time);
    expect(s.playing).toBe(false);
  });

  it('jumps with reduced motion, and never glides backwards', async () => {
    const store = await makeStore({ reducedMotion: true });
    await store.getState().openLesson('raft-election');
    await store.getState().stepForward();
    expect(store.getState().glide).toBeNull();
    expect(drawTime(store.getState())).toBe(store.getState().view!.time);
    store.getState().setReducedMotion(false);
    await store.getState().stepForward();
    expect(store.getState().glide).not.toBeNull();
    await store.getState().stepBack();
    expect(store.getState().glide).toBeNull();
    expect(drawTime(store.getState())).toBe(store.getState().view!.time);
  });
});

describe('next and previous mark', () => {
  it('nextMark plays at the current speed to the next mark and pauses exactly on that frame', async () => {
    const store = await makeStore({ worker: true });
    await store.getState().openLesson('raft-leader-crash');
    const stops = LESSON_META['raft-leader-crash'].stops;
    const plan = new SimSession();
    plan.load(await fetchLesson('raft-leader-crash'));
    const first = plan.nextMarkFrame(0, [...stops, 6000])!;
    const second = plan.nextMarkFrame(first, [...stops, 6000])!;

    await store.getState().nextMark();
    let s = store.getState();
    expect(s.playing).toBe(true);
    expect(s.playTo?.frame).toBe(first);
    const ticks = await tickUntil(store, () => !store.getState().playing && !store.getState().playTo && store.getState().view!.frame === first);
    s = store.getState();
    expect(s.view!.frame).toBe(first);
    expect(s.playing).toBe(false);
    expect(s.currentStop).toBe(0);
    // Played, not jumped: at 1/50x the 185 ms to the first timeout take seconds, capped for a presenter.
    expect(ticks * 16).toBeGreaterThan(1000);
    expect(ticks * 16).toBeLessThan(MAX_MARK_WALL_MS + 1000);

    await store.getState().nextMark();
    await tickUntil(store, () => !store.getState().playing && store.getState().view!.frame === second);
    expect(store.getState().view!.frame).toBe(second);
    expect(store.getState().currentStop).toBe(1);

    // Back: the previous stop, paused; then the start.
    await store.getState().prevMark();
    expect(store.getState().view!.frame).toBe(first);
    expect(store.getState().playing).toBe(false);
    await store.getState().prevMark();
    expect(store.getState().view!.frame).toBe(0);
  });

  it('a second nextMark while playing to one lands on it and goes on to the next', async () => {
    const store = await makeStore();
    await store.getState().openLesson('raft-election');
    await store.getState().nextMark();
    const first = store.getState().playTo!.frame;
    await store.getState().nextMark();
    const s = store.getState();
    expect(s.playTo!.frame).toBeGreaterThan(first);
    expect(s.view!.frame).toBe(first);
  });

  it('at max speed nextMark goes straight to the mark; a scripted crash in the future is a mark', async () => {
    const store = await makeStore();
    await store.getState().loadScenario({ protocol: 'raft', nodes: 5, seed: 1, until: 10000, script: [{ at: 1200, do: 'crash', node: 2 }] });
    store.getState().setSpeed('max');
    const kinds: string[] = [];
    for (let i = 0; i < 10; i++) {
      await store.getState().nextMark();
      const a = store.getState().view!.event?.action;
      if (a) kinds.push(a.do);
      if (a?.do === 'crash') break;
    }
    expect(kinds).toContain('crash');
    expect(store.getState().view!.alive[1]).toBe(false);
    expect(store.getState().playing).toBe(false);
  });

  it('at the end of the run nextMark stays, and the scenario’s end is a stop', async () => {
    const store = await makeStore();
    await store.getState().openLesson('raft-figure8-bug');
    store.getState().setSpeed('max');
    for (let i = 0; i < 30 && !store.getState().view!.violation; i++) await store.getState().nextMark();
    const at = store.getState().view!.frame;
    await store.getState().nextMark();
    expect(store.getState().view!.frame).toBe(at);
  });
});
