/**
 * ZAB's bundled lessons (public/scenarios/NAME.json), in the order the selector lists them,
 * and how each is presented (src/store/lessons.ts spreads this table into the app's). Their
 * texts, in English and Chinese, are in ./i18n.ts; each story is pinned by
 * tests/unit/zab-lessons/*.test.ts.
 */
import type { LessonMeta } from '../../../store/lessons';

export const ZAB_LESSONS = [
  'zab-equal-histories',
  'zab-newest-zxid',
  'zab-leader-crash',
  'zab-sync-diff',
  'zab-sync-trunc',
  'zab-sync-snap',
  'zab-not-paxos',
  'zab-first-noticer',
  'zab-three-phases',
  'zab-crash-vs-silence',
] as const;
export type ZabLessonName = (typeof ZAB_LESSONS)[number];

/**
 * ZAB's messages take 10–30 ms (the network defaults): at 1/50× a hop takes about a second,
 * as in Raft's lessons. ZooKeeper's waits are long beside that (finalizeWait 200 ms, a silent
 * leader noticed after 10 s): the stops jump over them.
 */
const ZAB_SPEED = 0.02;

/**
 * Stops: the moments worth a sentence, each the virtual time of its event (the stop lands on
 * the last frame at or before it), found with tests/unit/zab-lessons/story.ts and checked by
 * the lesson tests. `embedState` where the zxids in the histories are the point.
 */
export const ZAB_LESSON_META: Record<ZabLessonName, LessonMeta> = {
  'zab-equal-histories': { speed: ZAB_SPEED, embedState: false, stops: [] },
  'zab-newest-zxid': { speed: ZAB_SPEED, embedState: true, stops: [] },
  'zab-leader-crash': { speed: ZAB_SPEED, embedState: true, stops: [] },
  'zab-sync-diff': { speed: ZAB_SPEED, embedState: true, stops: [] },
  'zab-sync-trunc': { speed: ZAB_SPEED, embedState: true, stops: [] },
  'zab-sync-snap': { speed: ZAB_SPEED, embedState: true, stops: [] },
  'zab-not-paxos': { speed: ZAB_SPEED, embedState: true, stops: [] },
  'zab-first-noticer': { speed: ZAB_SPEED, embedState: false, stops: [] },
  'zab-three-phases': { speed: ZAB_SPEED, embedState: true, stops: [] },
  'zab-crash-vs-silence': { speed: ZAB_SPEED, embedState: false, stops: [] },
};
