/**
 * Landing on a lesson stop's frame sets `currentStop` whichever way it is reached, also
 * when that frame is the newest recorded one (the next frame's time, which says whether
 * it is the last frame at or before the stop, is not known yet): a seek, a timeline scrub.
 */
import { describe, expect, it } from 'vitest';
import { LESSON_META } from '../../../src/store/lessons';
import { makeStore } from './helpers';

const STOPS = LESSON_META['raft-election'].stops;

describe('currentStop after landing on a stop', () => {
  it.each([false, true])('seekTime to each stop time of raft-election (worker-like: %s)', async (worker) => {
    const store = await makeStore({ worker });
    await store.getState().openLesson('raft-election');
    for (let i = 0; i < STOPS.length; i++) {
      await store.getState().seekTime(STOPS[i]);
      const s = store.getState();
      expect(s.view!.time, `stop ${i}`).toBeLessThanOrEqual(STOPS[i]);
      expect(s.currentStop, `stop ${i} at ${STOPS[i]} ms`).toBe(i);
    }
  });

  it('seekTime(226) on a fresh raft-election shows the stop, not just the event', async () => {
    const store = await makeStore();
    await store.getState().openLesson('raft-election');
    await store.getState().seekTime(226);
    expect(store.getState().currentStop).toBe(STOPS.indexOf(226));
  });

  it.each([false, true])('seek onto a stop frame that is the newest recorded one (worker-like: %s)', async (worker) => {
    // Find each stop's frame on one store, then seek straight to it on a fresh one.
    const probe = await makeStore();
    await probe.getState().openLesson('raft-election');
    const frames: number[] = [];
    for (const t of STOPS) {
      await probe.getState().seekTime(t);
      frames.push(probe.getState().view!.frame);
    }
    for (let i = 0; i < STOPS.length; i++) {
      const store = await makeStore({ worker });
      await store.getState().openLesson('raft-election');
      await store.getState().seek(frames[i]);
      const s = store.getState();
      expect(s.view!.frame).toBe(frames[i]);
      expect(s.currentStop, `stop ${i} at frame ${frames[i]}`).toBe(i);
    }
  });

  it('a step onto a stop frame at the head, and prev/next mark, set it too', async () => {
    const probe = await makeStore();
    await probe.getState().openLesson('raft-election');
    await probe.getState().seekTime(STOPS[3]);
    const frame = probe.getState().view!.frame;
    const store = await makeStore();
    await store.getState().openLesson('raft-election');
    await store.getState().seek(frame - 1);
    await store.getState().stepForward();
    expect(store.getState().view!.frame).toBe(frame);
    expect(store.getState().currentStop).toBe(3);
    await store.getState().stepForward();
    await store.getState().prevMark();
    expect(store.getState().view!.frame).toBe(frame);
    expect(store.getState().currentStop).toBe(3);
  });
});
