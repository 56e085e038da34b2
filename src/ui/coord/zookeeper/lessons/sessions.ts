/**
 * ZooKeeper lessons about the lock, watches and sessions (engineer "zk-lessons-a"): names,
 * presentation and texts in en and zh. Combined with ./timing.ts by ./meta.ts.
 */
import type { LessonMeta } from '../../../../store/lessons';
import type { Lang } from '../../../../store/types';
import type { LessonText } from '../../../lessons';

export const ZK_SESSION_LESSONS = [] as const;
export type ZkSessionLessonName = (typeof ZK_SESSION_LESSONS)[number];
export const ZK_SESSION_LESSON_META: Record<ZkSessionLessonName, LessonMeta> = {};
export const ZK_SESSION_LESSON_TEXT: Record<Lang, Record<ZkSessionLessonName, LessonText>> = { en: {}, zh: {} };
