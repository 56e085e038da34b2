/**
 * The bundled lessons: the table lives beside the store (src/store/lessons.ts), which reads it
 * too; the texts come from each protocol's own place (Raft's: the shared dictionary's `lessons`
 * and `lessonStops`; ZAB's: src/ui/zab/lessons/i18n.ts; the hash ring's: src/ui/hashring/lessons/i18n.ts)
 * and are read through `lessonText`. A lesson's own panel, if any: src/ui/lessonPanels.ts.
 */
import { isRaftLesson, type LessonName } from '../store/lessons';
import type { Lang } from '../store/types';
import { dict } from './i18n';
import { ZAB_LESSON_TEXT } from './zab/lessons/i18n';
import { HASHRING_LESSON_TEXT } from './hashring/lessons/i18n';
import { HASHRING_LESSONS, type HashringLessonName } from './hashring/lessons/meta';
import { ZK_LESSON_TEXT, isZkLesson } from './coord/zookeeper/lessons/meta';


export { LESSONS, LESSON_META, isLesson, lessonMeta, type LessonMeta, type LessonName } from '../store/lessons';

/** What a lesson says: its title in the selector, its premise, and one sentence per stop. */
export interface LessonText {
  title: string;
  blurb: string;
  /** One per entry of LESSON_META[name].stops, in the same order. */
  stops: readonly string[];
}

/** The lesson's texts in `lang`. */
export function lessonText(name: LessonName, lang: Lang): LessonText {
  if (isRaftLesson(name)) {
    const t = dict(lang);
    return { ...t.lessons[name], stops: t.lessonStops[name] };
  }
  if (isHashringLesson(name)) return HASHRING_LESSON_TEXT[lang][name];
  if (isZkLesson(name)) return ZK_LESSON_TEXT[lang][name];
  return ZAB_LESSON_TEXT[lang][name];
}

export function isHashringLesson(name: string): name is HashringLessonName {
  return (HASHRING_LESSONS as readonly string[]).includes(name);
}

