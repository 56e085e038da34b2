/**
 * The bundled lessons (public/scenarios/NAME.json), in the order the selector lists them,
 * with how each is presented: its default playback speed, whether an embed shows the
 * protocol's state view (Raft's logs) beside the stage, and its stops (virtual times a
 * presenter's "next" pauses at; their sentences are in the dictionary, by index).
 * Plain data, so the store, the URL code and the views all read the same table.
 */
import type { Speed } from './types';

export const LESSONS = ['raft-election', 'raft-leader-crash', 'raft-partition', 'raft-figure7', 'raft-figure8', 'raft-figure8-bug', 'raft-rejoin-disrupts', 'raft-prevote'] as const;
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

export const LESSON_META: Record<LessonName, LessonMeta> = {
  'raft-election': { speed: RAFT_SPEED, embedState: false, stops: [] },
  'raft-leader-crash': { speed: RAFT_SPEED, embedState: false, stops: [] },
  'raft-partition': { speed: RAFT_SPEED, embedState: true, stops: [] },
  'raft-figure7': { speed: RAFT_SPEED, embedState: true, stops: [] },
  'raft-figure8': { speed: RAFT_SPEED, embedState: true, stops: [] },
  'raft-figure8-bug': { speed: RAFT_SPEED, embedState: true, stops: [] },
  'raft-rejoin-disrupts': { speed: RAFT_SPEED, embedState: false, stops: [] },
  'raft-prevote': { speed: RAFT_SPEED, embedState: false, stops: [] },
};

export function isLesson(name: string | null | undefined): name is LessonName {
  return typeof name === 'string' && (LESSONS as readonly string[]).includes(name);
}

/** The lesson's presentation, or null for a scenario that is no lesson. */
export function lessonMeta(name: string | null | undefined): LessonMeta | null {
  return isLesson(name) ? LESSON_META[name] : null;
}
