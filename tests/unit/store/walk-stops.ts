/**
 * Walking a lesson's stops with nextMark, for the tests that check each stop's sentence
 * against the state there (tests/unit/store/stops.test.ts, tests/unit/zab-lessons/*).
 */
import { expect } from 'vitest';
import type { AppStore } from '../../../src/store/appStore';
import { LESSON_META, type LessonName } from '../../../src/store/lessons';
import { makeStore } from './helpers';

/** Walk nextMark from the start, calling `check(i)` on arriving at each stop in turn. */
export async function walkStops(name: LessonName, check: (i: number, store: AppStore) => void): Promise<void> {
  const store = await makeStore();
  await store.getState().openLesson(name);
  store.getState().setSpeed('max');
  const stops = LESSON_META[name].stops;
  const seen: number[] = [];
  if (store.getState().currentStop !== null) seen.push(store.getState().currentStop!);
  for (let guard = 0; guard < 200 && seen.length < stops.length; guard++) {
    const before = store.getState().view!.frame;
    await store.getState().nextMark();
    const s = store.getState();
    expect(s.view!.frame, `nextMark moves on from frame ${before}`).toBeGreaterThan(before);
    if (s.currentStop !== null && s.currentStop !== seen[seen.length - 1]) {
      const i = s.currentStop;
      // The stop is the last frame at or before its time.
      expect(s.view!.time).toBeLessThanOrEqual(stops[i]);
      // (At a violation the run ends: there is no next frame.)
      if (!s.view!.violation) expect(s.view!.nextTime!).toBeGreaterThan(stops[i]);
      seen.push(i);
      check(i, store);
    }
  }
  expect(seen).toEqual(stops.map((_, i) => i));
}
