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
    'raft-split-vote': [
      'n1 and n3 time out at the same moment: two candidates for term 1, each voting for itself.',
      'Each got one more vote: 2 of 4, and 3 are needed. Both lost: nobody leads term 1.',
      'Timeouts are drawn afresh at random: n4 ran out first, asked alone in term 2 and won.',
    ],
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
    'raft-split-vote': [
      'n1 和 n3 在同一时刻选举超时：任期 1 有两个候选人，各自投票给自己。',
      '两者又各得一票：4 票中得 2 票，而需要 3 票。两者都落选：任期 1 没有领导者。',
      '选举超时重新随机抽取：n4 最先到期，在任期 2 单独发起选举并获胜。',
    ],
  },
};
