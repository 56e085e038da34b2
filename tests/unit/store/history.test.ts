/**
 * The scenario-and-history slice on its own: a fork on a past frame keeps the old
 * timeline (forkNotice, canUndo, branches), undo brings its future back frame for frame,
 * branches switch back and forth, a fresh load forgets them, and request names stay
 * consecutive across forks.
 */
import { describe, expect, it } from 'vitest';
import type { AppStore } from '../../../src/store/appStore';
import { makeStore, settle } from './helpers';

/** The view and its neighbours, as plain data, for comparing two timelines frame by frame. */
async function framesOf(store: AppStore, frames: number[]): Promise<string[]> {
  const out: string[] = [];
  for (const f of frames) {
    await store.getState().seek(f);
    const v = store.getState().view!;
    out.push(JSON.stringify({ ...v, head: 0 }));
  }
  return out;
}

describe('forks that lose nothing', () => {
  it('acting on a past frame forks, says what it set aside, and undo restores the old future exactly', async () => {
    const store = await makeStore({ worker: true });
    await store.getState().openLesson('raft-election');
    await store.getState().seek(300);
    await store.getState().crash(2);
    await store.getState().seek(600);
    await store.getState().heal();
    const oldScenario = store.getState().scenario!;
    const oldHead = store.getState().head;
    const oldFrame = store.getState().view!.frame;
    const probe = [250, 301, 450, oldFrame];
    const before = await framesOf(store, probe);
    await store.getState().seek(120);
    expect(store.getState().canUndo).toBe(false);
    expect(store.getState().forkNotice).toBeNull();

    // Fork at 120: both later actions are set aside.
    await store.getState().restart(1);
    let s = store.getState();
    expect(s.forkNotice).toMatchObject({ frame: 120, droppedActions: 2 });
    expect(s.canUndo).toBe(true);
    expect(s.scenario!.script).toHaveLength(1);
    expect(s.branches).toHaveLength(1);
    expect(s.branches[0]).toMatchObject({ frame: 120, head: oldHead, scenario: oldScenario });

    await store.getState().undo();
    s = store.getState();
    expect(s.scenario).toEqual(oldScenario);
    expect(s.view!.frame).toBe(120);
    expect(s.head).toBe(oldHead);
    expect(s.forkNotice).toBeNull();
    expect(s.canUndo).toBe(false);
    await settle();
    s = store.getState();
    expect(s.marks.some((m) => m.kind === 'crash')).toBe(true);
    expect(await framesOf(store, probe)).toEqual(before);

    // The forked timeline is a branch now: switch to it and back.
    expect(s.branches).toHaveLength(1);
    const forked = s.branches[0];
    expect(forked.scenario.script.map((a) => a.do)).toEqual(['restart']);
    await store.getState().switchBranch(forked.id);
    s = store.getState();
    expect(s.branchId).toBe(forked.id);
    expect(s.scenario!.script.map((a) => a.do)).toEqual(['restart']);
    expect(s.branches).toHaveLength(1);
    await store.getState().switchBranch(s.branches[0].id);
    expect(store.getState().scenario).toEqual(oldScenario);
  }, 30_000);

  it('acting at the head is no fork; a fresh lesson forgets the branches', async () => {
    const store = await makeStore();
    await store.getState().openLesson('raft-election');
    await store.getState().seek(200);
    await store.getState().crash(1);
    expect(store.getState().forkNotice).toBeNull();
    expect(store.getState().canUndo).toBe(false);
    await store.getState().seek(100);
    await store.getState().crash(3);
    expect(store.getState().canUndo).toBe(true);
    store.getState().dismissForkNotice();
    expect(store.getState().forkNotice).toBeNull();
    expect(store.getState().canUndo).toBe(true);
    await store.getState().openLesson('raft-figure8');
    expect(store.getState().branches).toEqual([]);
    expect(store.getState().canUndo).toBe(false);
    await store.getState().undo(); // nothing to undo: no change, no error
    expect(store.getState().lesson).toBe('raft-figure8');
    expect(store.getState().problems).toEqual([]);
  });

  it('a request after a fork takes the name the fork freed, never skipping or repeating', async () => {
    const store = await makeStore();
    await store.getState().openLesson('raft-election');
    await store.getState().seek(400);
    await store.getState().request();
    await store.getState().seek(500);
    await store.getState().request();
    const values = () => store.getState().scenario!.script.map((a) => (a.do === 'request' ? a.value : a.do));
    expect(values()).toEqual(['x=1', 'x=2']);
    // Back before the second: x=2 goes, the new request is x=2 again.
    await store.getState().seek(450);
    await store.getState().request();
    expect(values()).toEqual(['x=1', 'x=2']);
    // Back before both: the new one is x=1 (the issue saw "x=2 with no x=1 left").
    await store.getState().seek(100);
    await store.getState().request();
    expect(values()).toEqual(['x=1']);
    // The lesson's own requests stay and count.
    await store.getState().openLesson('raft-leader-crash'); // x=1 at 600, y=2 at 3000
    await store.getState().seek(50);
    await store.getState().request();
    expect(values().filter((v) => v.startsWith('x=')).sort()).toEqual(['x=1', 'x=2']);
  });

  it('lesson stops after a user action no longer hold; undo brings them back', async () => {
    const store = await makeStore();
    await store.getState().openLesson('raft-election');
    store.getState().setSpeed('max');
    await store.getState().nextMark();
    expect(store.getState().currentStop).toBe(0);
    const f = store.getState().view!.frame;
    await store.getState().seek(f + 1);
    await store.getState().seek(f);
    await store.getState().crash(5);
    await store.getState().seek(f);
    expect(store.getState().currentStop).toBe(0);
    await store.getState().seek(f + 20);
    await store.getState().nextMark();
    expect(store.getState().currentStop).toBeNull();
    await store.getState().undo();
    await store.getState().nextMark();
    expect(store.getState().currentStop).toBe(1);
  });
});
