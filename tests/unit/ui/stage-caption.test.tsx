/**
 * The caption's choice of words, with a store driven by hand over a real simulation: the
 * last decision while playing (a heartbeat frame never replaces it), the frame's own event
 * while paused, a lesson stop's sentence, the blurb at frame 0. And the node's accessible
 * name carries what is drawn on it (a candidate's tally included).
 */
import { readFile } from 'node:fs/promises';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createAppStore, type AppStore } from '../../../src/store/appStore';
import { createInProcessClient } from '../../../src/worker/client';
import type { EventRow } from '../../../src/sim/api';
import { StoreProvider } from '../../../src/ui/StoreContext';
import { Caption } from '../../../src/ui/stage/Caption';
import { raftView } from '../../../src/ui/raft/view';
import { raftDict } from '../../../src/ui/raft/i18n';
import { dict } from '../../../src/ui/i18n';
import type { RaftNodeView } from '../../../src/core/raft/types';

const fetchLesson = async (name: string) => JSON.parse(await readFile(new URL(`../../../public/scenarios/${name}.json`, import.meta.url), 'utf8'));

async function electionStore(): Promise<{ store: AppStore; rows: EventRow[] }> {
  const store = createAppStore({ fetchLesson });
  const client = await createInProcessClient();
  store.getState().connect(client.api);
  await store.getState().openLesson('raft-election');
  await store.getState().seek(150);
  const rows = await client.api.events(1, 150);
  return { store, rows };
}

// Server rendering reads zustand's initial state; hand it the state as it is now.
const render = (store: AppStore) =>
  renderToStaticMarkup(<StoreProvider store={{ ...store, getInitialState: () => store.getState() }}><Caption pv={raftView} /></StoreProvider>);
const source = (html: string) => /data-source="([a-z]+)"/.exec(html)?.[1] ?? null;

describe('caption', () => {
  it('while playing keeps the last decision, not the heartbeat of the current frame', async () => {
    const { store, rows } = await electionStore();
    const decision = rows.find((r) => r.notable)!;
    expect(decision).toBeDefined();
    // The newest frame, as a routine one (what a heartbeat's row says).
    const heartbeat = { ...rows[rows.length - 1], notable: false };
    expect(heartbeat.frame).not.toBe(decision.frame);
    const view = store.getState().view!;
    store.setState({ playing: true, view: { ...view, event: heartbeat }, lastDecision: decision });
    const html = render(store);
    expect(source(html)).toBe('decision');
    expect(html).toContain(`data-frame="${decision.frame}"`);
    expect(html).toContain(raftView.narrateParts(decision, 'en').headline.replace(/’/g, '’'));

    // Paused: exactly what this frame did (stepping shows every event).
    store.setState({ playing: false });
    const paused = render(store);
    expect(source(paused)).toBe('event');
    expect(paused).toContain(`data-frame="${heartbeat.frame}"`);
  });

  it('shows a lesson stop’s sentence at a stop, and the blurb at frame 0 and before any decision', async () => {
    const { store } = await electionStore();
    const t = dict('en');
    // A stop sentence of our own (lessons declare theirs in the dictionary).
    const stops = t.lessonStops['raft-election'] as string[];
    const saved = [...stops];
    stops.splice(0, stops.length, 'The first candidate asks for votes.');
    try {
      store.setState({ currentStop: 0 });
      const html = render(store);
      expect(source(html)).toBe('stop');
      expect(html).toContain('The first candidate asks for votes.');
    } finally {
      stops.splice(0, stops.length, ...saved);
    }
    store.setState({ currentStop: null, playing: true, lastDecision: null, view: { ...store.getState().view!, event: null } });
    expect(source(render(store))).toBe('blurb');
    expect(render(store)).toContain(t.lessons['raft-election'].blurb.slice(0, 40));
  });

  it('names a node with every word drawn on it, a candidate’s tally included', () => {
    const t = dict('en');
    const node: RaftNodeView = { id: 3, alive: true, role: 'candidate', term: 4, votedFor: 3, leader: 0, commitIndex: 0, lastIndex: 0, logStart: 1, logTerms: [], logValues: [], nextIndex: [], matchIndex: [], votes: [3, 1] };
    const info = raftView.nodeInfo(node, t, 'en', 5);
    expect(info.votes).toBe('2/3 votes');
    expect(info.name).toBe('Node 3, candidate, term 4, 2/3 votes');
    const zh = raftView.nodeInfo(node, dict('zh'), 'zh', 5);
    expect(zh.name).toBe('节点 3，候选人，任期 4，2/3 票');
    expect(raftView.nodeInfo({ ...node, role: 'follower', votes: [] }, t, 'en', 5).votes).toBeNull();
  });

  it('puts no stray spaces around a Chinese word inserted into Chinese text', () => {
    const zh = dict('zh').events;
    const kinds = raftDict('zh').narr.kinds;
    expect(zh.deliver('n2', kinds[9], 'n5')).toBe('n2 收到 n5 的心跳');
    expect(zh.deliver('n2', 'RequestVote', 'n5')).toBe('n2 收到 n5 的 RequestVote');
    expect(zh.dropLost(kinds[5], 'c1', 'n1')).toBe('c1 发往 n1 的客户端请求在网络中丢失');
    expect(zh.dropLinkDown('AppendEntries', 'n1', 'n2')).toBe('n1 发往 n2 的 AppendEntries 被丢弃：链路不通');
  });
});
