/**
 * Strings of one area of the app (playback), kept in their own file so work on different
 * areas never edits the same lines. English is the shape; Chinese must match it.
 * Spread into ../en.ts and ../zh.ts.
 */
import type { LessonName } from '../../../store/lessons';

export const playbackEn = {
  /** Each lesson's stops, one sentence per entry of LESSON_META[name].stops (same order). */
  lessonStops: {
    'raft-election': [],
    'raft-leader-crash': [],
    'raft-partition': [],
    'raft-figure7': [],
    'raft-figure8': [],
    'raft-figure8-bug': [],
    'raft-rejoin-disrupts': [],
    'raft-prevote': [],
  } as Record<LessonName, readonly string[]>,
};

export const playbackZh: typeof playbackEn = {
  lessonStops: {
    'raft-election': [],
    'raft-leader-crash': [],
    'raft-partition': [],
    'raft-figure7': [],
    'raft-figure8': [],
    'raft-figure8-bug': [],
    'raft-rejoin-disrupts': [],
    'raft-prevote': [],
  },
};
