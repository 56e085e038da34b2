/**
 * ZooKeeper's coordination-layer lessons (public/scenarios/NAME.json, `service: zookeeper` on
 * ZAB; zk-basic.json is the view's demo, not a lesson), in the order the selector lists them:
 * ./sessions.ts (the lock, watches, sessions) then ./timing.ts (fail-over, stale reads, GC
 * pauses). src/store/lessons.ts spreads this table into the app's; texts are read through
 * src/ui/lessons.ts `lessonText`; each story is pinned by tests/unit/zk-lessons/*.test.ts.
 */
import type { LessonMeta } from '../../../../store/lessons';
import type { Lang } from '../../../../store/types';
import type { LessonText } from '../../../lessons';
import { ZK_SESSION_LESSONS, ZK_SESSION_LESSON_META, ZK_SESSION_LESSON_TEXT } from './sessions';
import { ZK_TIMING_LESSONS, ZK_TIMING_LESSON_META, ZK_TIMING_LESSON_TEXT } from './timing';

export const ZK_LESSONS = [...ZK_SESSION_LESSONS, ...ZK_TIMING_LESSONS] as const;
export type ZkLessonName = (typeof ZK_LESSONS)[number];
export const ZK_LESSON_META: Record<ZkLessonName, LessonMeta> = { ...ZK_SESSION_LESSON_META, ...ZK_TIMING_LESSON_META };
export const ZK_LESSON_TEXT: Record<Lang, Record<ZkLessonName, LessonText>> = {
  en: { ...ZK_SESSION_LESSON_TEXT.en, ...ZK_TIMING_LESSON_TEXT.en },
  zh: { ...ZK_SESSION_LESSON_TEXT.zh, ...ZK_TIMING_LESSON_TEXT.zh },
};

export function isZkLesson(name: string): name is ZkLessonName {
  return (ZK_LESSONS as readonly string[]).includes(name);
}
