/**
 * The small slices on their own: preferences, selection, feedback, and the embed host's
 * snapshot; plus the caption's last decision kept by the core.
 */
import { describe, expect, it } from 'vitest';
import { createAppStore, hostSnapshot } from '../../../src/store/appStore';
import { makeStore, settle } from './helpers';

describe('preferences slice', () => {
  it('starts from the options and changes one setting at a time', () => {
    const store = createAppStore({ lang: 'zh', theme: 'dark', largeType: true, reducedMotion: true });
    let s = store.getState();
    expect([s.lang, s.theme, s.largeType, s.reducedMotion]).toEqual(['zh', 'dark', true, true]);
    s.setLang('en');
    s.toggleTheme();
    s.setLargeType(false);
    s.setReducedMotion(false);
    s = store.getState();
    expect([s.lang, s.theme, s.largeType, s.reducedMotion]).toEqual(['en', 'light', false, false]);
    s.setTheme('dark');
    expect(store.getState().theme).toBe('dark');
  });

  it('turning reduced motion on ends a glide at the frame’s time', async () => {
    const store = await makeStore();
    await store.getState().openLesson('raft-election');
    await store.getState().stepForward();
    expect(store.getState().glide).not.toBeNull();
    store.getState().setReducedMotion(true);
    expect(store.getState().glide).toBeNull();
    expect(store.getState().playhead).toBe(store.getState().view!.time);
  });
});

describe('selection slice', () => {
  it('selecting opens the node tab; 0 deselects and leaves it', () => {
    const store = createAppStore();
    store.getState().select(3);
    expect([store.getState().selected, store.getState().tab]).toEqual([3, 'node']);
    store.getState().select(3);
    expect(store.getState().selected).toBe(3);
    store.getState().select(0);
    expect([store.getState().selected, store.getState().tab]).toEqual([0, 'log']);
    store.getState().setTab('events');
    store.getState().select(0);
    expect(store.getState().tab).toBe('events');
  });
});

describe('feedback slice', () => {
  it('adds and dismisses problems; each toast is a new one', () => {
    const store = createAppStore();
    store.getState().addProblem({ code: 'badFrame', detail: 'x' });
    store.getState().addProblem({ code: 'badSpeed', detail: 'y' });
    store.getState().dismissProblem(0);
    expect(store.getState().problems).toEqual([{ code: 'badSpeed', detail: 'y' }]);
    store.getState().showToast('shareCopied');
    const first = store.getState().toast!.seq;
    store.getState().showToast('shareCopied');
    expect(store.getState().toast!.seq).toBeGreaterThan(first);
  });
});

describe('embed slice', () => {
  it('reports ready with the protocol and frame count once a scenario is on screen', async () => {
    const bare = createAppStore({ embed: true });
    expect(bare.getState().embed).toBe(true);
    expect(hostSnapshot(bare.getState())).toMatchObject({ ready: false, frames: 0 });
    const store = await makeStore({ embed: true });
    await store.getState().openLesson('raft-figure7');
    await store.getState().seek(12);
    expect(hostSnapshot(store.getState())).toEqual({
      ready: true,
      protocol: 'raft',
      frames: store.getState().head + 1,
      frame: 12,
      time: store.getState().view!.time,
      playing: false,
    });
  });
});

describe('the caption’s last decision', () => {
  it('is the newest notable event at or before the frame, in the embed too, never one from after it', async () => {
    for (const embed of [false, true]) {
      const store = await makeStore({ embed, worker: true });
      await store.getState().openLesson('raft-election');
      expect(store.getState().lastDecision).toBeNull();
      await store.getState().seek(60);
      await settle();
      let d = store.getState().lastDecision!;
      expect(d.notable).toBe(true);
      expect(d.frame).toBeLessThanOrEqual(60);
      await store.getState().seek(10);
      d = store.getState().lastDecision!;
      expect(d.frame).toBeLessThanOrEqual(10);
      await settle();
      expect(store.getState().lastDecision!.frame).toBeLessThanOrEqual(10);
    }
  });
});
