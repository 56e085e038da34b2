/**
 * The ring panel against the real simulation, in-process (the SimApi the worker exposes): the
 * query cache asks the worker once per ring version — playing through heartbeats asks
 * nothing, a ring change asks again — and the protocol's answers render as the panel expects
 * them (a removal's row moves only the removed node's keys, the schemes table has all four).
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { ChangeStat, KeyLookup, RingLayout, SchemeComparison } from '../../../src/core/hashring/types';
import { lookup } from '../../../src/core/hashring/placement';
import { createAppStore } from '../../../src/store/appStore';
import { createInProcessClient } from '../../../src/worker/client';
import { MovesChart } from '../../../src/ui/hashring/panel/MovesChart';
import { SchemeTable } from '../../../src/ui/hashring/panel/SchemeTable';
import { cachedQuery, ringVersion } from '../../../src/ui/hashring/panel/ringQuery';
import { nextFreeId } from '../../../src/ui/hashring/panel/model';

const SCENARIO = { protocol: 'hashring', nodes: 6, seed: 5, until: 3000, config: { vnodes: 50, keys: 3000, replicas: 2 }, script: [{ at: 400, do: 'remove', node: 2 }] };

async function makeStore() {
  const store = createAppStore({ fetchLesson: async () => SCENARIO });
  const client = await createInProcessClient();
  const spy = vi.spyOn(client.api, 'query');
  store.getState().connect(client.api);
  await store.getState().loadScenario(SCENARIO);
  return { store, spy };
}

describe('the panel on the real simulation', () => {
  it('asks once per ring version: heartbeats ask nothing, the removal asks again', async () => {
    const { store, spy } = await makeStore();
    const first = (await cachedQuery(store, 'ring')) as RingLayout;
    expect(first.ring).toEqual([1, 2, 3, 4, 5, 6]);
    const asked = spy.mock.calls.length;
    // Step through frames before the removal: the same version, no new ask.
    for (let i = 0; i < 20; i++) {
      await store.getState().stepForward();
      expect(ringVersion(store.getState().view)).toBe(first.version);
      await cachedQuery(store, 'ring');
    }
    expect(spy.mock.calls.length).toBe(asked);
    // Past the removal: a new version, asked once more.
    while (ringVersion(store.getState().view) === first.version) await store.getState().stepForward();
    const after = (await cachedQuery(store, 'ring')) as RingLayout;
    await cachedQuery(store, 'ring');
    expect(spy.mock.calls.length).toBe(asked + 1);
    expect(after.ring).toEqual([1, 3, 4, 5, 6]);
    expect(after.stats.perNode.map((p) => p.id)).toEqual([1, 3, 4, 5, 6]);
  });

  it('renders the protocol’s answers: only n2’s keys moved, the four schemes, the lookup as placed', async () => {
    const { store } = await makeStore();
    while (ringVersion(store.getState().view) < 1) await store.getState().stepForward();
    const changes = (await cachedQuery(store, 'changes')) as ChangeStat[];
    expect(changes).toHaveLength(1);
    expect(Object.keys(changes[0].from)).toEqual(['2']);
    const html = renderToStaticMarkup(<MovesChart changes={changes} lang="en" />);
    expect(html).toContain('data-action="remove"');
    expect(html).toContain(`data-moved="${changes[0].moved}"`);
    const rows = (await cachedQuery(store, 'compare')) as SchemeComparison[];
    expect(rows.map((r) => r.scheme).sort()).toEqual(['bounded', 'jump', 'rendezvous', 'ring']);
    expect(renderToStaticMarkup(<SchemeTable rows={rows} current="ring" lang="zh" />).match(/<tr data-scheme=/g)).toHaveLength(4);
    const found = (await cachedQuery(store, 'lookup', { key: 'key-9' })) as KeyLookup;
    expect(found.owners).toEqual(lookup({ scheme: 'ring', members: [1, 3, 4, 5, 6], vnodes: 50, replicas: 2, loadFactor: 1.25, keys: 3000 }, 'key-9').owners);
    // Add node would use n7: the slots above the scenario's six start absent.
    expect(nextFreeId(store.getState().view?.members ?? null, 6)).toBe(7);
  });
});
