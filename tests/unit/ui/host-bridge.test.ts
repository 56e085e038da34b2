/**
 * The embed's side of the host API against a real store and the in-process simulation:
 * commands run in order (also when sent before the first scenario is on screen), `ready`
 * comes once per loaded scenario, `frame` once per animation frame at most and never
 * before `ready`, and a refused `load` answers `error`.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createAppStore, type AppStore } from '../../../src/store/appStore';
import { createInProcessClient } from '../../../src/worker/client';
import { createHostBridge, refusal } from '../../../src/ui/host/bridge';
import type { EmbedMessage } from '../../../src/ui/host/protocol';

const fetchLesson = async (name: string) => JSON.parse(await readFile(new URL(`../../../public/scenarios/${name}.json`, import.meta.url), 'utf8'));

async function setup() {
  const store: AppStore = createAppStore({ fetchLesson });
  const client = await createInProcessClient();
  store.getState().connect(client.api);
  const posted: EmbedMessage[] = [];
  /** Pending animation-frame callbacks: the test decides when a frame passes. */
  const frames: (() => void)[] = [];
  const bridge = createHostBridge(store, {
    post: (m) => posted.push(m),
    nextFrame: (fn) => {
      frames.push(fn);
      return () => {
        const i = frames.indexOf(fn);
        if (i >= 0) frames.splice(i, 1);
      };
    },
  });
  const animationFrame = () => frames.splice(0).forEach((f) => f());
  const settle = async () => {
    for (let i = 0; i < 50; i++) await new Promise((r) => setTimeout(r, 0));
  };
  const send = (type: string, rest: Record<string, unknown> = {}) => bridge.receive({ source: 'quorumscope', type, ...rest });
  return { store, posted, bridge, animationFrame, settle, send };
}

const ofType = (posted: EmbedMessage[], type: EmbedMessage['type']) => posted.filter((m) => m.type === type);

describe('host bridge', () => {
  it('says ready once the scenario is on screen, with the protocol and frames recorded', async () => {
    const { store, posted } = await setup();
    expect(posted).toEqual([]);
    await store.getState().openLesson('raft-election');
    expect(posted).toEqual([{ source: 'quorumscope', type: 'ready', protocol: 'raft', frames: store.getState().head + 1 }]);
  });

  it('runs commands sent before the first load once it is on screen, in order', async () => {
    const { store, posted, send, settle, animationFrame } = await setup();
    send('seek', { frame: 10 });
    send('step', { by: 1 });
    send('step', { by: -1 });
    send('step', { by: -1 });
    await store.getState().openLesson('raft-election');
    await settle();
    expect(store.getState().view?.frame).toBe(9);
    expect(posted[0].type).toBe('ready');
    animationFrame();
    expect(ofType(posted, 'frame').at(-1)).toEqual({ source: 'quorumscope', type: 'frame', frame: 9, time: store.getState().view!.time, playing: false });
  });

  it('coalesces frame messages to one per animation frame, with the latest frame', async () => {
    const { store, posted, send, settle, animationFrame } = await setup();
    await store.getState().openLesson('raft-election');
    for (let i = 0; i < 5; i++) send('step', { by: 1 });
    await settle();
    expect(store.getState().view?.frame).toBe(5);
    expect(ofType(posted, 'frame')).toEqual([]);
    animationFrame();
    expect(ofType(posted, 'frame').map((m) => m.type === 'frame' && m.frame)).toEqual([5]);
    animationFrame();
    expect(ofType(posted, 'frame')).toHaveLength(1);
  });

  it('play and pause report playing; next-mark and prev-mark move by marks', async () => {
    const { store, posted, send, settle, animationFrame } = await setup();
    await store.getState().openLesson('raft-election');
    send('play');
    await settle();
    expect(store.getState().playing).toBe(true);
    animationFrame();
    expect(ofType(posted, 'frame').at(-1)).toMatchObject({ playing: true });
    send('pause');
    await settle();
    expect(store.getState().playing).toBe(false);
    animationFrame();
    expect(ofType(posted, 'frame').at(-1)).toMatchObject({ playing: false });
    const at = store.getState().view!.frame;
    send('next-mark');
    await settle();
    // next-mark plays to the mark and pauses there: let animation frames pass until it does.
    expect(store.getState().playing).toBe(true);
    for (let i = 0; i < 2000 && store.getState().playing; i++) {
      store.getState().tick(50);
      await settle();
    }
    expect(store.getState().playing).toBe(false);
    expect(store.getState().view!.frame).toBeGreaterThan(at);
    const after = store.getState().view!.frame;
    send('prev-mark');
    await settle();
    expect(store.getState().view!.frame).toBeLessThan(after);
  });

  it('lesson and load bring a new ready; a refused scenario answers error; lang switches', async () => {
    const { store, posted, send, settle } = await setup();
    await store.getState().openLesson('raft-election');
    send('lesson', { name: 'raft-figure7' });
    await settle();
    expect(store.getState().lesson).toBe('raft-figure7');
    expect(ofType(posted, 'ready')).toHaveLength(2);
    send('load', { scenario: { protocol: 'raft', nodes: 3, seed: 4 } });
    await settle();
    expect(store.getState().view?.nodes).toHaveLength(3);
    expect(ofType(posted, 'ready')).toHaveLength(3);
    expect(ofType(posted, 'error')).toEqual([]);
    send('load', { scenario: { protocol: 'raft', nodes: 'many' } });
    await settle();
    const errors = ofType(posted, 'error');
    expect(errors).toHaveLength(1);
    // The field once: the validator's text already begins with it.
    expect(errors[0]).toEqual({ source: 'quorumscope', type: 'error', message: 'load: nodes: expected an integer from 1 to 9, got "many"' });
    send('lang', { lang: 'zh' });
    await settle();
    expect(store.getState().lang).toBe('zh');
  });

  it('answers a malformed message at once and ignores what is not for it', async () => {
    const { store, posted, bridge, send, settle } = await setup();
    await store.getState().openLesson('raft-election');
    posted.length = 0;
    send('seek', { frame: -1 });
    bridge.receive('slide:start');
    bridge.receive({ source: 'quorumscope', type: 'explode' });
    await settle();
    expect(posted).toEqual([{ source: 'quorumscope', type: 'error', message: expect.stringContaining('frame') }]);
    expect(store.getState().view?.frame).toBe(0);
  });

  it('stops talking once disposed', async () => {
    const { store, posted, bridge, send, settle, animationFrame } = await setup();
    await store.getState().openLesson('raft-election');
    bridge.dispose();
    posted.length = 0;
    send('step');
    await store.getState().stepForward();
    await settle();
    animationFrame();
    expect(posted).toEqual([]);
    expect(store.getState().view?.frame).toBe(1);
  });
});

describe('refusal', () => {
  it('names the field once, whether or not the validator already did', () => {
    expect(refusal('nodes', 'nodes: expected an integer from 1 to 9, got "many"')).toBe('nodes: expected an integer from 1 to 9, got "many"');
    expect(refusal('scenario', 'Unexpected token')).toBe('scenario: Unexpected token');
    expect(refusal(undefined, 'bad')).toBe('bad');
  });
});
