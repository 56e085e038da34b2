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
  'zab-equal-histories': { speed: ZAB_SPEED, embedState: false, stops: [10, 17, 33, 40, 240, 248, 336, 366] },
  'zab-newest-zxid': { speed: ZAB_SPEED, embedState: true, stops: [14, 15, 24, 39, 239, 288, 326, 371] },
  'zab-leader-crash': { speed: ZAB_SPEED, embedState: true, stops: [336, 658, 949, 1500, 1518, 1871, 2519, 2564] },
  'zab-sync-diff': { speed: ZAB_SPEED, embedState: true, stops: [336, 658, 1000, 1562, 2500, 2537, 2603, 2680] },
  'zab-sync-trunc': { speed: ZAB_SPEED, embedState: true, stops: [332, 1000, 1400, 1445, 1525, 1550, 1599, 2049] },
  'zab-sync-snap': { speed: ZAB_SPEED, embedState: true, stops: [336, 1000, 1857, 2500, 2545, 2608, 2665] },
  'zab-not-paxos': { speed: ZAB_SPEED, embedState: true, stops: [11, 17, 21, 38, 238, 246, 328] },
  'zab-first-noticer': { speed: ZAB_SPEED, embedState: false, stops: [1000, 1552, 2000, 3257, 3499, 4269, 4280, 4603] },
  'zab-three-phases': { speed: ZAB_SPEED, embedState: true, stops: [229, 239, 261, 309, 349, 713, 751] },
  'zab-crash-vs-silence': { speed: ZAB_SPEED, embedState: false, stops: [336, 2000, 2021, 2366, 3058, 4000, 13279, 13627, 14256] },
};
