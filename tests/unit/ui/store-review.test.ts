/**
 * Regressions found in review of the app store (against the real simulation, in-process):
 * max-speed playback and the scenario's end, user actions racing other intents, the
 * lesson kept in the address, and long seeks.
 */
import { describe, expect, it } from 'vitest';
import type { AppStore } from '../../../src/store/appStore';
import { macrotask, makeStore as makeWorkerLikeStore } from '../store/helpers';
import { searchFor } from '../../../src/ui/useUrlSync';
import { parseUrlParams } from '../../../src/ui/url';

async function makeStore(): Promise<AppStore> {
  return makeWorkerLikeStore({ worker: true });
}

/** Long enough for an action's first call (the pinning seek) to be answered and `act` sent. */
const actInFlight = async () => {
  await macrotask();
  await macrotask();
};

const tickUntil = async (store: AppStore, done: () => boolean, maxTicks = 20_000) => {
  for (let i = 0; i < maxTicks && !done(); i++) {
    store.getState().tick(16);
    await new Promise((r) => setTimeout(r, 0));
  }
};

/** What a reload of the page's address would open. */
async function reopen(store: AppStore): Promise<AppStore> {
  const p = parseUrlParams(searchFor(store.getState()));
  const again = await makeStore();
  const opts = { frame: p.frame, lesson: p.lesson, problems: p.problems };
  if (p.source.kind === 'inline') await again.getState().loadScenario(p.source.scenario, opts);
  else if (p.source.kind === 'bundled') await again.getState().openLesson(p.source.name, opts);
  return again;
}

describe('playback and the scenario’s end', () => {
  it('at max speed plays to `until`, says so, and a further Play goes on past it', async () => {
    const store = await makeStore();
    await store.getState().openLesson('raft-figure8'); // until 3000
    store.getState().setSpeed('max');
    store.getState().play();
    await tickUntil(store, () => !store.getState().playing);
    let s = store.getState();
    expect(s.untilReached).toBe(true);
    expect(s.view!.time).toBeLessThanOrEqual(3000);
    expect(s.view!.frame).toBe(s.head);
    store.getState().play();
    await tickUntil(store, () => store.getState().view!.time > 3000 || !store.getState().playing, 200);
    s = store.getState();
    expect(s.view!.time).toBeGreaterThan(3000);
    expect(s.playing).toBe(true);
    store.getState().pause();
  });

  it('forgets “reached the end” once the playhead moves on, or on a seek', async () => {
    const store = await makeStore();
    await store.getState().openLesson('raft-figure8');
    store.getState().setSpeed(10);
    store.getState().play();
    await tickUntil(store, () => !store.getState().playing);
    expect(store.getState().untilReached).toBe(true);
    const endFrame = store.getState().view!.frame;
    store.getState().play();
    await tickUntil(store, () => store.getState().view!.time > 3500);
    store.getState().pause();
    expect(store.getState().view!.frame).toBeGreaterThan(endFrame);
    expect(store.getState().untilReached).toBe(false);

    // Reached again after a seek back before the end, then a seek elsewhere clears it.
    await store.getState().seek(10);
    store.getState().play();
    await tickUntil(store, () => !store.getState().playing);
    expect(store.getState().untilReached).toBe(true);
    await store.getState().seek(5);
    expect(store.getState().untilReached).toBe(false);
  });
});

describe('Play on the last frame before the end', () => {
  it('goes on past `until` instead of stopping at once (e.g. after next mark landed on the end)', async () => {
    const store = await makeStore();
    await store.getState().openLesson('raft-figure8'); // until 3000
    // The last frame at or before `until`, reached by seeking (so the end is not yet "reached").
    await store.getState().seekTime(3000);
    const endFrame = store.getState().view!.frame;
    expect(store.getState().view!.time).toBeLessThanOrEqual(3000);
    expect(store.getState().untilReached).toBe(false);
    store.getState().setSpeed(1);
    store.getState().play();
    await tickUntil(store, () => store.getState().view!.frame > endFrame || !store.getState().playing, 2000);
    expect(store.getState().playing).toBe(true);
    expect(store.getState().view!.frame).toBeGreaterThan(endFrame);
    store.getState().pause();
  });
});

describe('user actions racing other intents', () => {
  it('two quick actions both land, in the scenario and on screen', async () => {
    const store = await makeStore();
    await store.getState().openLesson('raft-election');
    await store.getState().seek(60);
    // The second click comes while the first action's answer is on its way.
    const first = store.getState().crash(1);
    await actInFlight();
    await Promise.all([first, store.getState().crash(2)]);
    const s = store.getState();
    expect(s.view!.alive.slice(0, 2)).toEqual([false, false]);
    expect(s.scenario!.script.filter((a) => a.do === 'crash').map((a) => (a as { node: number }).node)).toEqual([1, 2]);
    const again = await reopen(store);
    expect(again.getState().view!.frame).toBe(s.view!.frame);
    expect(again.getState().view!.alive.slice(0, 2)).toEqual([false, false]);
  });

  it('an action followed at once by a step is still recorded: the address reproduces the screen', async () => {
    const store = await makeStore();
    await store.getState().openLesson('raft-election');
    await store.getState().seek(3000);
    await store.getState().stepBack();
    await store.getState().stepBack();
    const at = store.getState().view!.frame;
    const crash = store.getState().crash(2);
    await actInFlight();
    const step = store.getState().stepForward();
    await Promise.all([crash, step]);
    const s = store.getState();
    // The crash is frame at + 1; the step goes on from there.
    expect(s.view!.frame).toBe(at + 2);
    expect(s.view!.alive[1]).toBe(false);
    expect(s.pristine).toBe(false);
    expect(s.scenario!.script.some((a) => a.do === 'crash' && a.node === 2)).toBe(true);
    const again = await reopen(store);
    expect(again.getState().view!.frame).toBe(at + 2);
    expect(again.getState().view!.alive[1]).toBe(false);
  });

  it('an action followed at once by a step back forks where the user was, and steps back from the action', async () => {
    const store = await makeStore();
    await store.getState().openLesson('raft-election');
    await store.getState().seek(500);
    const time = store.getState().view!.time;
    const crash = store.getState().crash(3);
    await actInFlight();
    await Promise.all([crash, store.getState().stepBack()]);
    const s = store.getState();
    // Crash at 501, then one step back: the frame the user acted on.
    expect(s.view!.frame).toBe(500);
    expect(s.view!.alive[2]).toBe(true);
    const recorded = s.scenario!.script.find((a) => a.do === 'crash');
    expect(recorded?.at).toBe(time + 1);
    expect(s.head).toBe(501);
  });
});

describe('the lesson in the address', () => {
  it('keeps the lesson name beside s= once the user acted, and restores it', async () => {
    const store = await makeStore();
    await store.getState().openLesson('raft-figure8');
    await store.getState().seek(20);
    await store.getState().crash(4);
    const q = new URLSearchParams(searchFor(store.getState()));
    expect(q.get('s')).not.toBeNull();
    expect(q.get('lesson')).toBe('raft-figure8');
    const again = await reopen(store);
    const s = again.getState();
    expect(s.lesson).toBe('raft-figure8');
    expect(s.pristine).toBe(false);
    expect(s.view!.alive[3]).toBe(false);
    // Still written inline (the actions must survive the next reload too).
    expect(new URLSearchParams(searchFor(s)).get('s')).not.toBeNull();
  });
});

describe('long seeks', () => {
  it('seeks past the per-call limit of new frames', async () => {
    const store = await makeStore();
    await store.getState().openLesson('raft-election', { frame: 450_000 });
    const s = store.getState();
    expect(s.view!.frame).toBe(450_000);
    expect(s.problems).toEqual([]);
  }, 120_000);

  it('lands on the last frame when the run ends before the target', async () => {
    const store = await makeStore();
    await store.getState().openLesson('raft-figure8-bug', { frame: 450_000 });
    const s = store.getState();
    expect(s.view!.violation).not.toBeNull();
    expect(s.view!.frame).toBe(s.head);
    expect(s.view!.frame).toBe(s.view!.violation!.frame);
  });
});

describe('errors never escape', () => {
  it('a throwing subscriber becomes a problem on screen, not a rejected load', async () => {
    const store = await makeStore();
    await store.getState().openLesson('raft-figure7');
    let armed = true;
    store.subscribe((s) => {
      if (armed && s.view && s.view.nodes.length === 5) {
        armed = false;
        throw new TypeError('boom');
      }
    });
    await expect(store.getState().openLesson('raft-figure8')).resolves.toBeUndefined();
    expect(store.getState().problems.some((p) => p.code === 'simFailed' && p.detail.includes('boom'))).toBe(true);
  });
});
