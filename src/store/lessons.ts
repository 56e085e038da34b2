/**
 * The bundled lessons (public/scenarios/NAME.json), in the order the selector lists them,
 * with how each is presented: its default playback speed, whether an embed shows the
 * protocol's state view (Raft's logs) beside the stage, and its stops (virtual times a
 * presenter's "next" pauses at; their sentences are in the dictionary, by index).
 * Plain data, so the store, the URL code and the views all read the same table.
 *
 * Each protocol other than Raft keeps its lessons in its own folder (ZAB's: src/ui/zab/lessons,
 * ZooKeeper's coordination layer's: src/ui/coord/zookeeper/lessons, the hash ring's: src/ui/hashring/lessons:
 * names, presentation and texts) and this table spreads them in; their texts are looked up
 * through src/ui/lessons.ts `lessonText`.
 */
import type { Speed } from './types';
import { ZAB_LESSONS, ZAB_LESSON_META } from '../ui/zab/lessons/meta';
import { HASHRING_LESSONS, HASHRING_LESSON_META } from '../ui/hashring/lessons/meta';
import { ZK_LESSONS, ZK_LESSON_META } from '../ui/coord/zookeeper/lessons/meta';

/** Raft's lessons; their texts are the shared dictionary's `lessons` and `lessonStops`. */
export const RAFT_LESSONS = ['raft-election', 'raft-leader-crash', 'raft-partition', 'raft-figure7', 'raft-figure8', 'raft-figure8-bug', 'raft-rejoin-disrupts', 'raft-prevote', 'raft-split-vote'] as const;
export type RaftLessonName = (typeof RAFT_LESSONS)[number];
export const LESSONS = [...RAFT_LESSONS, ...ZAB_LESSONS, ...ZK_LESSONS, ...HASHRING_LESSONS] as const;
export type LessonName = (typeof LESSONS)[number];
/** The lesson the app opens when the link names none (or a bad one). */
export const DEFAULT_LESSON: LessonName = 'raft-election';

export interface LessonMeta {
  /** Default playback speed: about a second of wall time per message hop. */
  speed: Speed;
  /** The lesson is about the replicated state (logs): an embed shows the state view too. */
  embedState: boolean;
  /** Virtual times (ms) of the lesson's own stops, in order; sentences: dictionary `lessonStops[name][i]`. */
  stops: readonly number[];
}

/** Raft's messages take 10–30 ms: at 1/50× a hop takes about a second, as in The Secret Lives of Data. */
const RAFT_SPEED = 0.02;

/**
 * Stops are the moments worth a sentence, click by click (The Secret Lives of Data's way):
 * a timer runs out, votes arrive, a leader wins, a fault, a repair. Each is the time of
 * that event, so the stop lands on it (the last frame at or before the time); found by
 * running the scenario (`npm run sim`, or SimSession's event rows) and pinned by
 * tests/unit/store/stops.test.ts, which checks each sentence against the state there.
 */
const RAFT_LESSON_META: Record<RaftLessonName, LessonMeta> = {
  'raft-election': { speed: RAFT_SPEED, embedState: false, stops: [185, 195, 208, 226, 228, 232, 257, 275] },
  'raft-leader-crash': { speed: RAFT_SPEED, embedState: false, stops: [185, 232, 600, 662, 1500, 1736, 1761, 3000, 4500, 4527] },
  'raft-partition': { speed: RAFT_SPEED, embedState: true, stops: [232, 1500, 1691, 1737, 2000, 3560, 5000, 5008] },
  'raft-figure7': { speed: RAFT_SPEED, embedState: true, stops: [0, 207, 234, 239, 268, 279, 317, 330, 350] },
  'raft-figure8': { speed: RAFT_SPEED, embedState: true, stops: [0, 160, 216, 249, 269, 282] },
  'raft-figure8-bug': { speed: RAFT_SPEED, embedState: true, stops: [0, 203, 251, 335, 342, 860, 896] },
  'raft-rejoin-disrupts': { speed: RAFT_SPEED, embedState: false, stops: [255, 1000, 1143, 2998, 3000, 3026, 3033] },
  'raft-prevote': { speed: RAFT_SPEED, embedState: false, stops: [210, 310, 1000, 1241, 2835, 3000, 3039] },
  // Stops just after: the two time-outs (60 ms), the second candidate's defeat (110 ms), term 2's winner (257 ms).
  'raft-split-vote': { speed: RAFT_SPEED, embedState: false, stops: [61, 111, 258] },
};

export const LESSON_META: Record<LessonName, LessonMeta> = { ...RAFT_LESSON_META, ...ZAB_LESSON_META, ...ZK_LESSON_META, ...HASHRING_LESSON_META };

export function isRaftLesson(name: string): name is RaftLessonName {
  return (RAFT_LESSONS as readonly string[]).includes(name);
}

export function isLesson(name: string | null | undefined): name is LessonName {
  return typeof name === 'string' && (LESSONS as readonly string[]).includes(name);
}

/** The lesson's presentation, or null for a scenario that is no lesson. */
export function lessonMeta(name: string | null | undefined): LessonMeta | null {
  return isLesson(name) ? LESSON_META[name] : null;
}
