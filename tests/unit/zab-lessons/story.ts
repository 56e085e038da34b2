/**
 * A ZAB lesson's run as its story: every decision (named note) with its time, and the
 * servers' state at any time, read through SimSession as the app reads it. Shared by the
 * lesson tests; `npx tsx tests/unit/zab-lessons/story.ts zab-NAME` prints the decisions,
 * which is how the stop times were found.
 */
import { loadLesson, recordedNotes, type StoryNote as SharedStoryNote } from '../support/story-notes';
import { SimSession } from '../../../src/sim/session';
import type { AppStore } from '../../../src/store/appStore';
import { ZabNotes, zxidHex, type ZabNodeView } from '../../../src/core/zab/types';

export type ZabNoteName = keyof typeof ZabNotes;
const NAMES = new Map<number, ZabNoteName>(Object.entries(ZabNotes).map(([k, v]) => [v.code, k as ZabNoteName]));

export type StoryNote = SharedStoryNote<ZabNoteName>;

export interface Story {
  session: SimSession;
  scenario: { until: number; nodes: number; script?: { at: number; do: string; node?: number }[] };
  notes: StoryNote[];
  /** The decisions named `name` (optionally at one node), in order. */
  of(name: ZabNoteName, node?: number): StoryNote[];
  /** The first decision named `name` (at `node`), or throws. */
  first(name: ZabNoteName, node?: number): StoryNote;
  /** The servers as the view shows them at the last frame at or before `time`. */
  at(time: number): ZabNodeView[];
}

export { loadLesson };

export function story(name: string, scenario = loadLesson(name)): Story {
  const session = new SimSession();
  const r = session.load(scenario);
  if (!r.ok) throw new Error(`${name}: ${r.error}`);
  const end = session.advanceTo(scenario.until);
  const notes: StoryNote[] = recordedNotes(session, end.head, NAMES);
  const of = (what: ZabNoteName, node?: number) => notes.filter((n) => n.name === what && (node === undefined || n.node === node));
  return {
    session,
    scenario,
    notes,
    of,
    first(what, node) {
      const n = of(what, node)[0];
      if (!n) throw new Error(`${name}: no ${what}${node === undefined ? '' : ` at n${node}`}`);
      return n;
    },
    at(time) {
      return session.seek(frameAt(session, time)).nodes as ZabNodeView[];
    },
  };
}

/** The last frame at or before `time`. */
function frameAt(session: SimSession, time: number): number {
  const head = session.view().head;
  let lo = 0;
  let hi = head;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (session.seek(mid).time <= time) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const ROUTINE: ReadonlySet<string> = new Set(['NotificationsResent']);

// Print the story: npx tsx tests/unit/zab-lessons/story.ts zab-equal-histories [all]
if (process.argv[1]?.endsWith('story.ts') && process.argv[2]) {
  const s = story(process.argv[2]);
  const all = process.argv[3] === 'all';
  for (const n of s.notes) {
    if (!all && ROUTINE.has(n.name)) continue;
    const f = Object.entries(n.f)
      .map(([k, v]) => `${k}=${/zxid|Zxid|theirs|ours/.test(k) && v > 0xffffffff ? zxidHex(v) : v}`)
      .join(' ');
    console.log(`${String(n.time).padStart(6)} #${n.frame} n${n.node} ${n.name} ${f}`);
  }
}

/** A zxid from its printed form: zx('0x100000003'). */
export const zx = (hex: string): number => Number(hex);

/** The servers of the store's current frame (ZAB's view of each). */
export const servers = (store: AppStore): ZabNodeView[] => store.getState().view!.nodes as ZabNodeView[];
