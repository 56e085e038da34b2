/**
 * A client cut made from the UI travels in the address bar: the store's act() records
 * `{do: "cut" | "mend", client, node?}` into the scenario's script, the address written
 * from it reads back to the same scenario, and a fresh store opened from that address shows
 * the same cut at the same frame. A bad client cut in a link is a clear problem (the field
 * named) and the default lesson opens — never a blank page.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createAppStore, type AppStore } from '../../../src/store/appStore';
import { buildAddress, parseUrlParams, resolveParams, type UrlState } from '../../../src/ui/url';
import { createInProcessClient } from '../../../src/worker/client';
import { viewLeads } from '../../../src/ui/views/registry';

const fetchLesson = async (name: string) => {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error('bad name');
  return JSON.parse(await readFile(new URL(`../../../public/scenarios/${name}.json`, import.meta.url), 'utf8'));
};

async function makeStore(): Promise<AppStore> {
  const store = createAppStore({ fetchLesson, leads: viewLeads });
  const client = await createInProcessClient();
  store.getState().connect(client.api);
  return store;
}

function urlState(store: AppStore): UrlState {
  const s = store.getState();
  return {
    lesson: s.lesson,
    pristine: s.pristine,
    scenario: s.scenario,
    frame: s.view?.frame ?? 0,
    embed: false,
    playing: false,
    speed: s.speed,
    defaultSpeed: s.speed,
    lang: 'en',
    theme: 'light',
    defaultTheme: 'light',
    large: false,
  };
}

/** Open what an address says, as boot does: parse, unpack, then the scenario at its frame. */
async function openAddress(address: string): Promise<AppStore> {
  const p = await resolveParams(parseUrlParams(address));
  const store = await makeStore();
  expect(p.source.kind).toBe('inline');
  if (p.source.kind !== 'inline') throw new Error('no scenario in the address');
  await store.getState().loadScenario(p.source.scenario, { lesson: p.lesson, frame: p.frame, problems: p.problems });
  return store;
}

const cutsOf = (store: AppStore) => store.getState().view?.network.clientCuts ?? [];

describe('a client cut in the URL', () => {
  it('round-trips: cut off from every server, then one link mended, at the same frames after a reload', async () => {
    const store = await makeStore();
    await store.getState().openLesson('zk-basic');
    await store.getState().seekTime(4500);
    await store.getState().act({ do: 'cut', client: 1 });
    const s = store.getState();
    expect(s.pristine).toBe(false);
    const cut = s.scenario!.script.find((a) => a.do === 'cut');
    expect(cut).toMatchObject({ do: 'cut', client: 1 });
    expect(cut && 'node' in cut).toBe(false);
    expect(cutsOf(store)).toEqual([
      [1, 1],
      [1, 2],
      [1, 3],
    ]);
    await store.getState().act({ do: 'mend', client: 1, node: 2 });
    expect(store.getState().scenario!.script.filter((a) => a.do === 'mend')).toEqual([expect.objectContaining({ do: 'mend', client: 1, node: 2 })]);
    expect(cutsOf(store)).toEqual([
      [1, 1],
      [1, 3],
    ]);

    const address = await buildAddress(urlState(store));
    // zk-basic is a demo, not a lesson: its name is not written (it would read back as badLesson).
    expect(address).toMatch(/^\?frame=\d+#z=/);
    const again = await openAddress(address);
    const a = again.getState();
    expect(a.problems).toEqual([]);
    expect(a.lesson).toBeNull();
    expect(a.scenario).toEqual(store.getState().scenario);
    expect(a.view?.frame).toBe(store.getState().view?.frame);
    expect(cutsOf(again)).toEqual([
      [1, 1],
      [1, 3],
    ]);
    // The client's state is the same too: the cut did what it did the first time.
    expect(a.view?.service?.clients).toEqual(store.getState().view?.service?.clients);
  });

  it('round-trips a cut of one link ({do: "cut", client, node}) in the plain #s= form too', async () => {
    const store = await makeStore();
    await store.getState().openLesson('zk-basic');
    await store.getState().seekTime(3000);
    await store.getState().act({ do: 'cut', client: 2, node: 2 });
    expect(cutsOf(store)).toEqual([[2, 2]]);
    const sc = store.getState().scenario!;
    const plain = `?frame=${store.getState().view!.frame}#s=${Buffer.from(JSON.stringify(sc)).toString('base64url')}`;
    const again = await openAddress(plain);
    expect(again.getState().scenario!.script).toEqual(sc.script);
    expect(cutsOf(again)).toEqual([[2, 2]]);
  });

  it('a bad client cut in a link names the field and opens the default lesson, never a blank page', async () => {
    const base = await fetchLesson('zk-basic');
    const cases: [unknown, string][] = [
      [{ at: 5000, do: 'cut', client: 9 }, 'script[18].client'],
      [{ at: 5000, do: 'cut', client: 1, node: 4 }, 'script[18].node'],
      [{ at: 5000, do: 'mend', client: 0 }, 'script[18].client'],
      [{ at: 5000, do: 'cut', client: 1, from: 1 }, 'script[18].from'],
    ];
    for (const [action, field] of cases) {
      const bad = { ...base, script: [...base.script, action] };
      const address = `?#s=${Buffer.from(JSON.stringify(bad)).toString('base64url')}`;
      const p = await resolveParams(parseUrlParams(address));
      const store = await makeStore();
      if (p.source.kind !== 'inline') throw new Error('expected an inline scenario');
      await store.getState().loadScenario(p.source.scenario, { lesson: p.lesson, frame: p.frame, problems: p.problems });
      const s = store.getState();
      expect(s.problems, JSON.stringify(action)).toEqual([expect.objectContaining({ code: 'badScenario', field, fellBack: true })]);
      expect(s.status).toBe('ready');
      expect(s.view).not.toBeNull();
      expect(s.scenario?.protocol).toBeDefined();
    }
    // A client cut where there are no clients (no service) is refused the same way.
    const raft = { protocol: 'raft', nodes: 3, until: 2000, script: [{ at: 100, do: 'cut', client: 1 }] };
    const store = await makeStore();
    await store.getState().loadScenario(raft);
    expect(store.getState().problems).toEqual([expect.objectContaining({ code: 'badScenario', field: 'script[0].client', fellBack: true })]);
    expect(store.getState().view).not.toBeNull();
  });
});
