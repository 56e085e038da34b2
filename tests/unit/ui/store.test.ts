/**
 * The app store against the real simulation, in-process (the same SimApi the worker
 * exposes): loading, stepping, playback ticks, user actions, and bad input.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createAppStore, type AppStore } from '../../../src/store/appStore';
import { createInProcessClient } from '../../../src/worker/client';
import { viewLeads } from '../../../src/ui/views/registry';

const fetchLesson = async (name: string) => {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error('bad name');
  return JSON.parse(await readFile(new URL(`../../../public/scenarios/${name}.json`, import.meta.url), 'utf8'));
};

async function makeStore(leads?: (protocol: string, node: unknown) => number | null): Promise<AppStore> {
  // The app passes the protocol views' reading of who leads (AppRoot: viewLeads).
  const store = createAppStore({ fetchLesson, leads: leads ?? viewLeads });
  const client = await createInProcessClient();
  store.getState().connect(client.api);
  return store;
}

const tickUntil = async (store: AppStore, done: () => boolean, maxTicks = 20_000) => {
  for (let i = 0; i < maxTicks && !done(); i++) {
    store.getState().tick(16);
    await new Promise((r) => setTimeout(r, 0));
  }
};

const roles = (store: AppStore) => (store.getState().view?.nodes as { role: string }[]).map((n) => n.role);

describe('app store', () => {
  it('opens a lesson at frame 0 and steps one frame at a time, even when steps queue up', async () => {
    const store = await makeStore();
    await store.getState().openLesson('raft-election');
    const s = store.getState();
    expect(s.status).toBe('ready');
    expect(s.lesson).toBe('raft-election');
    expect(s.pristine).toBe(true);
    expect(s.view?.frame).toBe(0);
    await Promise.all([s.stepForward(), s.stepForward(), s.stepForward()]);
    expect(store.getState().view?.frame).toBe(3);
    await store.getState().stepBack();
    expect(store.getState().view?.frame).toBe(2);
    await store.getState().first();
    expect(store.getState().view?.frame).toBe(0);
  });

  it('plays by virtual time until a leader is elected, and announces it', async () => {
    const store = await makeStore();
    await store.getState().openLesson('raft-election');
    store.getState().setSpeed(1);
    store.getState().play();
    await tickUntil(store, () => roles(store).includes('leader'));
    store.getState().pause();
    const s = store.getState();
    expect(roles(store)).toContain('leader');
    expect(s.announcement?.leader).toBeGreaterThan(0);
    // The era comes from the protocol: the leader's term.
    const leader = s.view!.nodes[s.announcement!.leader - 1] as { term: number };
    expect(s.announcement?.era).toBe(leader.term);
    expect(s.marks.some((m) => m.kind === 'leader') || s.head > 0).toBe(true);
  });

  it('announces only whom the protocol says leads: a store asked of no view announces nothing', async () => {
    const store = await makeStore(() => null);
    await store.getState().openLesson('raft-election');
    store.getState().setSpeed(1);
    store.getState().play();
    await tickUntil(store, () => roles(store).includes('leader'));
    store.getState().pause();
    expect(store.getState().announcement).toBeNull();
  });

  it('records a crash as a fork into the scenario, and the run goes on to a new leader', async () => {
    const store = await makeStore();
    await store.getState().openLesson('raft-election');
    store.getState().setSpeed('max');
    store.getState().play();
    await tickUntil(store, () => roles(store).includes('leader'));
    store.getState().pause();
    const leader = roles(store).indexOf('leader') + 1;
    await store.getState().crash(leader);
    let s = store.getState();
    expect(s.view?.alive[leader - 1]).toBe(false);
    expect(roles(store)[leader - 1]).toBe('down');
    expect(s.pristine).toBe(false);
    expect(s.scenario?.script.some((a) => a.do === 'crash' && a.node === leader)).toBe(true);
    store.getState().play();
    await tickUntil(store, () => roles(store).some((r, i) => r === 'leader' && i !== leader - 1));
    store.getState().pause();
    s = store.getState();
    expect(roles(store).filter((r) => r === 'leader').length).toBeGreaterThan(0);
    expect(s.view?.violation).toBeNull();
  });

  it('forks when acting on a past frame: later frames go, the action is recorded', async () => {
    const store = await makeStore();
    await store.getState().openLesson('raft-election');
    await store.getState().seek(40);
    // Frame 9 (211 ms) is followed by frames at 219 ms: the crash (at 212 ms) is frame 10.
    await store.getState().seek(9);
    expect(store.getState().head).toBeGreaterThanOrEqual(40);
    await store.getState().crash(1);
    const s = store.getState();
    expect(s.view?.frame).toBe(10);
    expect(s.head).toBe(10);
    expect(s.view?.alive[0]).toBe(false);
    expect(s.marks.every((m) => m.frame <= 10)).toBe(true);
    expect(s.scenario?.script).toHaveLength(1);
  });

  it('shows the message that caused a stepped-to frame', async () => {
    const store = await makeStore();
    await store.getState().openLesson('raft-election');
    for (let i = 0; i < 6; i++) await store.getState().stepForward();
    const s = store.getState();
    if (s.view?.event?.peer) expect(s.cause).not.toBeNull();
  });

  it('falls back to the default lesson with a message naming what was wrong', async () => {
    const store = await makeStore();
    await store.getState().openLesson('no-such-lesson');
    let s = store.getState();
    expect(s.lesson).toBe('raft-election');
    expect(s.problems).toEqual([{ code: 'unknownScenario', detail: 'no-such-lesson', fellBack: true }]);

    const store2 = await makeStore();
    await store2.getState().loadScenario({ protocol: 'raft', nodes: 12 });
    s = store2.getState();
    expect(s.lesson).toBe('raft-election');
    expect(s.view).not.toBeNull();
    expect(s.problems[0].code).toBe('badScenario');
    expect(s.problems[0].detail).toContain('nodes');
  });

  it('reloads with a config option switched on', async () => {
    const store = await makeStore();
    await store.getState().openLesson('raft-election');
    await store.getState().setConfigOption('preVote', true);
    const s = store.getState();
    expect(s.scenario?.config).toEqual({ preVote: true });
    expect(s.pristine).toBe(false);
    expect(s.view?.frame).toBe(0);
  });
});
