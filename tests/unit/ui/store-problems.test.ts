/**
 * Problem banners belong to the load that raised them: a later successful load clears the
 * ones about a scenario or link it replaced, keeps the ones that came with it (and the
 * simulator's failures), and the host still hears of each refused `load`.
 */
import { describe, expect, it } from 'vitest';
import { createHostBridge } from '../../../src/ui/host/bridge';
import type { EmbedMessage } from '../../../src/ui/host/protocol';
import { makeStore, settle } from '../store/helpers';

const BAD = { protocol: 'raft', nodes: 'many' };

describe('problems of earlier loads', () => {
  it('two refused host loads, then a lesson: no banner left, and each load answered error', async () => {
    const store = await makeStore();
    const posted: EmbedMessage[] = [];
    const bridge = createHostBridge(store, { post: (m) => posted.push(m), nextFrame: () => () => undefined });
    await store.getState().openLesson('raft-election');
    const send = (scenario: unknown) => bridge.receive({ source: 'quorumscope', type: 'load', scenario });
    send(BAD);
    await settle(50);
    // The fallback to the default lesson keeps the problem that came with it.
    expect(store.getState().problems).toEqual([expect.objectContaining({ code: 'badScenario', fellBack: true })]);
    send({ ...BAD, seed: 2 });
    await settle(50);
    expect(store.getState().problems).toEqual([expect.objectContaining({ code: 'badScenario', fellBack: true })]);
    expect(posted.filter((m) => m.type === 'error')).toHaveLength(2);
    await store.getState().openLesson('raft-figure7');
    expect(store.getState().lesson).toBe('raft-figure7');
    expect(store.getState().problems).toEqual([]);
  });

  it('a bad scenario name, then another lesson: the fallback banner goes; this load’s own problems stay', async () => {
    const store = await makeStore();
    await store.getState().openLesson('no-such-lesson');
    expect(store.getState().problems).toEqual([{ code: 'unknownScenario', detail: 'no-such-lesson', fellBack: true }]);
    store.getState().addProblem({ code: 'simFailed', detail: 'worker gone' });
    await store.getState().openLesson('raft-figure7', { problems: [{ code: 'badSpeed', detail: 'fast' }] });
    expect(store.getState().problems).toEqual([
      { code: 'simFailed', detail: 'worker gone' },
      { code: 'badSpeed', detail: 'fast' },
    ]);
  });
});
