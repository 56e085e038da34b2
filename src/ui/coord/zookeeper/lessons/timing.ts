/**
 * ZooKeeper lessons about time: fail-over, stale reads and GC pauses (engineer "zk-lessons-b"): names,
 * presentation and texts in en and zh. Combined with ./sessions.ts by ./meta.ts.
 */
import type { LessonMeta } from '../../../../store/lessons';
import type { Lang } from '../../../../store/types';
import type { LessonText } from '../../../lessons';

export const ZK_TIMING_LESSONS = [] as const;
export type ZkTimingLessonName = (typeof ZK_TIMING_LESSONS)[number];
export const ZK_TIMING_LESSON_META: Record<ZkTimingLessonName, LessonMeta> = {};
export const ZK_TIMING_LESSON_TEXT: Record<Lang, Record<ZkTimingLessonName, LessonText>> = { en: {}, zh: {} };
