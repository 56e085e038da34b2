/**
 * A hash-ring lesson's run as its story: every decision (named note) with its time, the
 * router's state and the protocol's queries at any time, read through SimSession as the app
 * reads it. Shared by the lesson tests; `npx tsx tests/unit/hashring-lessons/story.ts ring-NAME`
 * prints the decisions (heartbeats left out unless `all`), which is how the stop times were found.
 */
import { loadLesson, recordedNotes, type StoryNote as SharedStoryNote } from '../support/story-notes';
import { SimSession } from '../../../src/sim/session';
import { HashringNotes, type ChangeStat, type HashringHubView, type HashringNodeView, type RingLayout } from '../../../src/core/hashring/types';

export type HashringNoteName = keyof typeof HashringNotes;
const NAMES = new Map<number, HashringNoteName>(Object.entries(HashringNotes).map(([k, v]) => [v.code, k as HashringNoteName]));

export type StoryNote = SharedStoryNote<HashringNoteName>;

export interface Story {
  session: SimSession;
  scenario: { until: number; nodes: number; config?: Record<string, unknown>; script?: { at: number; do: string; node?: number }[] };
  notes: StoryNote[];
  of(name: HashringNoteName, node?: number): StoryNote[];
  first(name: HashringNoteName, node?: number): StoryNote;
  /** The last frame at or before `time`. */
  frameAt(time: number): number;
  /** The router's view at the last frame at or before `time`. */
  hub(time: number): HashringHubView;
  nodes(time: number): HashringNodeView[];
  query<T>(time: number, name: string, arg?: unknown): T;
  ring(time: number): RingLayout;
  changes(time: number): ChangeStat[];
}

export { loadLesson };

export function story(name: string, scenario = loadLesson(name)): Story {
  const session = new SimSession();
  const r = session.load(scenario);
  if (!r.ok) throw new Error(`${name}: ${r.error}`);
  const end = session.advanceTo(scenario.until);
  const notes: StoryNote[] = recordedNotes(session, end.head, NAMES);
  const of = (what: HashringNoteName, node?: number) => notes.filter((n) => n.name === what && (node === undefined || n.node === node || n.f.node === node));
  const frameAt = (time: number): number => {
    let lo = 0;
    let hi = session.view().head;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (session.seek(mid).time <= time) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const query = <T,>(time: number, q: string, arg?: unknown): T => session.query(frameAt(time), q, arg) as T;
  return {
    session,
    scenario,
    notes,
    of,
    first(what, node) {
      const n = of(what, node)[0];
      if (!n) throw new Error(`${name}: no ${what}${node === undefined ? '' : ` of n${node}`}`);
      return n;
    },
    frameAt,
    hub: (time) => session.seek(frameAt(time)).hub as HashringHubView,
    nodes: (time) => session.seek(frameAt(time)).nodes as HashringNodeView[],
    query,
    ring: (time) => query<RingLayout>(time, 'ring'),
    changes: (time) => query<ChangeStat[]>(time, 'changes'),
  };
}

/** A count as the texts write it, in both languages: 10,000. */
export const n = (x: number): string => Math.round(x).toLocaleString('en-US');
/** A CV or ratio as the texts write it: two significant digits below 0.1, else two decimals. */
export const cv = (x: number): string => (x < 0.1 ? x.toFixed(3) : x.toFixed(2));

// Print the story: npx tsx tests/unit/hashring-lessons/story.ts ring-replicas [all]
if (process.argv[1]?.endsWith('story.ts') && process.argv[2]) {
  const s = story(process.argv[2]);
  const all = process.argv[3] === 'all';
  for (const x of s.notes) {
    if (!all && x.name === 'HeartbeatArrived') continue;
    console.log(`${String(x.time).padStart(6)} #${x.frame} n${x.node} ${x.name} ${Object.entries(x.f).map(([k, v]) => `${k}=${v}`).join(' ')}`);
  }
}
