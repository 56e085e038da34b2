/**
 * The hash ring's bundled lessons (public/scenarios/NAME.json; ring-basic.json is the
 * protocol's demo, not a lesson), in the order the selector lists them, and how each is
 * presented (src/store/lessons.ts spreads this table into the app's). Texts in English and
 * Chinese: ./i18n.ts; each story is pinned by tests/unit/hashring-lessons/*.test.ts.
 */
import type { LessonMeta } from '../../../store/lessons';

export const HASHRING_LESSONS = ['ring-add-remove', 'ring-vnodes', 'ring-replicas', 'ring-schemes', 'ring-detector', 'ring-not-zookeeper'] as const;
export type HashringLessonName = (typeof HASHRING_LESSONS)[number];

/**
 * A heartbeat every 100 ms over 5–15 ms links: at 1/25× a hop lasts 0.125–0.375 s, slow enough
 * to follow one heartbeat (the app's pacing rule: at most 1/25×), and a heartbeat period
 * 2.5 s. Faster than Raft's and ZAB's 1/50×: the ring's story is told in heartbeats and
 * timeouts, not hop by hop, and the stops jump over the quiet stretches.
 */
const RING_SPEED = 0.04;

/**
 * Stops: each the virtual time of its event (a change lands when the router applies it; a
 * declaration when the detector fires), found with tests/unit/hashring-lessons/story.ts and
 * checked by the lesson tests. `embedState` where the lesson's panel (the measured chart) is
 * the point: the embed shows it beside the stage.
 */
export const HASHRING_LESSON_META: Record<HashringLessonName, LessonMeta> = {
  'ring-add-remove': { speed: RING_SPEED, embedState: false, stops: [500, 1000, 1500, 2500, 3500] },
  'ring-vnodes': { speed: RING_SPEED, embedState: false, stops: [500, 1000, 1500, 2000, 2500] },
  'ring-replicas': { speed: RING_SPEED, embedState: false, stops: [900, 1000, 1412, 3008, 4000] },
  'ring-schemes': { speed: RING_SPEED, embedState: false, stops: [500, 1000, 2000, 3000, 3500] },
  'ring-detector': { speed: RING_SPEED, embedState: true, stops: [1000, 4000, 4281, 5878, 5886, 5950] },
  'ring-not-zookeeper': { speed: RING_SPEED, embedState: true, stops: [200, 400, 600, 800, 900] },
};
