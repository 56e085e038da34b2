/**
 * A ZooKeeper lesson's run as its story, for the timing lessons (fail-over, stale reads, GC
 * pauses): ZAB's story (tests/unit/zab-lessons/story.ts: the session, every note, the servers
 * at a time) with the coordination layer's notes named too — the servers' (ZabZkNotes, codes
 * 100+) and the client actors' (ZK_CLIENT_NOTES, 1000+) — and the client side of any frame
 * (clients, ops, events). `npx tsx tests/unit/zk-lessons/story-timing.ts zk-NAME` prints the
 * decisions, which is how the stop times were found.
 */
import { CLIENT_ID_BASE } from '../../../src/core/protocol';

import { zxidHex, type ZabNodeView } from '../../../src/core/zab/types';
import type { AppStore } from '../../../src/store/appStore';
import { zkFrame, type ZkFrame } from '../../../src/ui/coord/zookeeper/model';
import { loadLesson, story as zabStory, type Story as ZabStory } from '../zab-lessons/story';
import { clientActor, noteLookup, ZK_NOTE_TABLE, type ZkNoteName } from './notes';

export type { ZkNoteName };
const NAMES = new Map<string, ZkNoteName>(Object.entries(ZK_NOTE_TABLE).map(([k, v]) => [`sim:${v.code}`, k as ZkNoteName]));

export interface ZkStoryNote {
  time: number;
  frame: number;
  /** A server's id, or a client's actor id (clientActor(c)). */
  node: number;
  name: ZkNoteName | `sim:${number}`;
  f: Record<string, number>;
}

/** Client c's actor id (the `node` of its notes, the `client` field of the servers' notes). */
export { clientActor };

export interface ZkStory {
  zab: ZabStory;
  scenario: ZabStory['scenario'] & { config?: Record<string, unknown>; script?: Record<string, unknown>[] };
  notes: ZkStoryNote[];
  /** The notes named `name` (optionally at one server or client actor), in order. */
  of(name: ZkNoteName, node?: number): ZkStoryNote[];
  /** The first note named `name` (at `node`), or throws. */
  first(name: ZkNoteName, node?: number): ZkStoryNote;
  /** The servers and the client side at the last frame at or before `time`. */
  at(time: number): { nodes: ZabNodeView[]; zk: ZkFrame };
  /** The client side at the end of the run. */
  end: ZkFrame;
}

export { loadLesson };

export function zkStory(name: string, scenario = loadLesson(name)): ZkStory {
  const zab = zabStory(name, scenario);
  const notes: ZkStoryNote[] = zab.notes.map((n) => ({ ...n, name: NAMES.get(n.name) ?? n.name }));
  const { of, first } = noteLookup(name, notes);
  const at = (time: number) => {
    const nodes = zab.at(time);
    return { nodes, zk: zkFrame(zab.session.view().service)! };
  };
  return {
    zab,
    scenario,
    notes,
    of,
    first,
    at,
    end: at(scenario.until).zk,
  };
}

/** The client side of the store's current frame. */
export const zkOf = (store: AppStore): ZkFrame => zkFrame(store.getState().view!.service)!;
/** The servers of the store's current frame. */
export const serversOf = (store: AppStore): ZabNodeView[] => store.getState().view!.nodes as ZabNodeView[];

const ROUTINE: ReadonlySet<string> = new Set(['NotificationsResent', 'Pinged', 'PingAnswered', 'ZkPing']);

// Print the story: npx tsx tests/unit/zk-lessons/story-timing.ts zk-failover [all]
if (process.argv[1]?.endsWith('story-timing.ts') && process.argv[2]) {
  const s = zkStory(process.argv[2]);
  const all = process.argv[3] === 'all';
  for (const n of s.notes) {
    if (!all && ROUTINE.has(n.name)) continue;
    const f = Object.entries(n.f)
      .map(([k, v]) => `${k}=${v > 0xffffffff ? zxidHex(v) : v}`)
      .join(' ');
    console.log(`${String(n.time).padStart(6)} #${n.frame} ${n.node >= CLIENT_ID_BASE ? `c${n.node - CLIENT_ID_BASE + 1}` : `n${n.node}`} ${n.name} ${f}`);
  }
  for (const o of s.end.ops) console.log(JSON.stringify({ client: o.client, op: o.op, args: o.args, invoke: o.invoke, complete: o.complete, ok: o.ok, error: o.error, zxid: o.zxid ? zxidHex(o.zxid) : 0 }));
  for (const e of s.end.events) console.log(JSON.stringify(e));
}
