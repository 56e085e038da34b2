/**
 * A ZooKeeper lesson's run as its story: every decision — the ZAB servers', the ZooKeeper
 * service's on them (sessions, watches, expiry) and the clients' (connect, time out, lock) —
 * with its time, the notifications delivered and the ops completed, and at any time the
 * servers and the clients as the view shows them. Built on tests/unit/zab-lessons/story.ts
 * (the same SimSession, the same frame search); `npx tsx tests/unit/zk-lessons/story-sessions.ts
 * zk-NAME` prints the story, which is how the stop times were found.
 */
import { CLIENT_ID_BASE } from '../../../src/core/protocol';
import type { ZkClientView } from '../../../src/core/coord/zookeeper/client';
import { sessionHex, type ZkEventRecord, type ZkOpRecord } from '../../../src/core/coord/zookeeper/types';
import { zxidHex, type ZabNodeView } from '../../../src/core/zab/types';
import { zkFrame } from '../../../src/ui/coord/zookeeper/model';
import { parseScenario } from '../../../src/sim/scenario';
import { cliReport, runHeadless } from '../../../src/sim/run';
import type { AppStore } from '../../../src/store/appStore';
import { recordedNotes, type StoryNote } from '../support/story-notes';
import { loadLesson, story as zabStory, type Story as ZabStory } from '../zab-lessons/story';
import { clientActor, noteLookup, ZK_NOTE_TABLE, type ZkNoteName } from './notes';

export type { ZkNoteName };
const NAMES = new Map<number, ZkNoteName>(Object.entries(ZK_NOTE_TABLE).map(([k, v]) => [v.code, k as ZkNoteName]));

export type ZkStoryNote = StoryNote<ZkNoteName>;

/** The actor id of client c (1-based), as notes name it. */
export const actor = clientActor;
/** Client number of an actor id. */
export const clientOf = (actorId: number): number => actorId - CLIENT_ID_BASE + 1;

export interface ZkAt {
  time: number;
  servers: ZabNodeView[];
  clients: ZkClientView[];
  /** Notifications delivered up to this frame. */
  events: ZkEventRecord[];
  ops: ZkOpRecord[];
}

export interface ZkStory {
  zab: ZabStory;
  scenario: ZabStory['scenario'] & { config?: Record<string, unknown> };
  notes: ZkStoryNote[];
  /** The decisions named `name` (optionally at one node or client actor), in order. */
  of(name: ZkNoteName, node?: number): ZkStoryNote[];
  /** The first decision named `name` (at `node`), or throws. */
  first(name: ZkNoteName, node?: number): ZkStoryNote;
  /** Servers and clients at the last frame at or before `time`. */
  at(time: number): ZkAt;
  /** Every notification delivered in the run, and every op (the run's end). */
  events: ZkEventRecord[];
  ops: ZkOpRecord[];
}

export { loadLesson };

export function zkStory(name: string, scenario = loadLesson(name)): ZkStory {
  const zab = zabStory(name, scenario);
  const notes = recordedNotes(zab.session, zab.session.view().head, NAMES);
  const { of, first } = noteLookup(name, notes);
  const at = (time: number): ZkAt => {
    const servers = zab.at(time);
    const v = zab.session.view();
    const f = zkFrame(v.service);
    if (!f) throw new Error(`${name}: no ZooKeeper service in the frame`);
    return { time: v.time, servers, clients: f.clients, events: f.events, ops: f.ops };
  };
  const end = at(scenario.until);
  return {
    zab,
    scenario,
    notes,
    of,
    first,
    at,
    events: end.events,
    ops: end.ops,
  };
}

/** Servers and clients at the store's current frame (what the views draw). */
export function zkAtStore(store: AppStore): ZkAt {
  const v = store.getState().view!;
  const f = zkFrame(v.service);
  if (!f) throw new Error('no ZooKeeper service in the frame');
  return { time: v.time, servers: v.nodes as ZabNodeView[], clients: f.clients, events: f.events, ops: f.ops };
}

/** The lesson's CLI document (`npm run sim`): sessions, tree, ops, events, violations. */
export function cliOf(name: string): { sessions: { id: string; client: number; state: string }[]; tree: { path: string; data: string; ephemeralOwner: string }[]; violations: unknown[]; linearizable: unknown } {
  const parsed = parseScenario(loadLesson(name));
  return cliReport(parsed, runHeadless(parsed)) as never;
}

/** Node events (NodeCreated, NodeDeleted, …) delivered, as [client, type, path, time]. */
export const nodeEvents = (events: readonly ZkEventRecord[]): [number, string, string, number][] => events.filter((e) => e.type.startsWith('Node')).map((e) => [e.client, e.type, e.path, e.time]);

/** A server's znode paths in its applied tree (the root left out). */
export const paths = (server: ZabNodeView): string[] => (server.zk?.rows ?? []).map((r) => r.path).filter((p) => p !== '/');

/** A zxid or session id from its printed form: hex('0x100000003'). */
export const hex = (s: string): number => Number(s);

/** The txn values of a server's history (ZAB's ledger), as the CLI prints them: [zxid, value]. */
export const ledger = (server: ZabNodeView): [string, string][] => server.history.map((e) => [zxidHex(e.zxid), e.value]);

const ROUTINE: ReadonlySet<string> = new Set(['NotificationsResent', 'ZkPing', 'Pinged', 'PingAnswered', 'Logged', 'AckCounted']);

// Print the story: npx tsx tests/unit/zk-lessons/story-sessions.ts zk-lock-handover [all]
if (process.argv[1]?.endsWith('story-sessions.ts') && process.argv[2]) {
  const s = zkStory(process.argv[2]);
  const all = process.argv[3] === 'all';
  for (const n of s.notes) {
    if (!all && (ROUTINE.has(n.name) || n.name.startsWith('sim:'))) continue;
    const f = Object.entries(n.f)
      .map(([k, v]) => `${k}=${/zxid|Zxid|theirs|ours|session|owner|previous/.test(k) && v > 0xffffffff ? (k === 'session' ? sessionHex(v) : zxidHex(v)) : v}`)
      .join(' ');
    const who = n.node >= CLIENT_ID_BASE ? `c${clientOf(n.node)}` : `n${n.node}`;
    console.log(`${String(n.time).padStart(6)} #${n.frame} ${who} ${n.name} ${f}`);
  }
  for (const e of s.events) console.log(`${String(e.time).padStart(6)} event c${e.client} ${e.type} ${e.path}`);
}
