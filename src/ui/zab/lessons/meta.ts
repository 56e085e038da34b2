/**
 * ZAB's bundled lessons (public/scenarios/NAME.json), in the order the selector lists them,
 * and how each is presented (src/store/lessons.ts spreads this table into the app's).
 * Their texts, in English and Chinese, are in ./i18n.ts.
 */
import type { LessonMeta } from '../../../store/lessons';

export const ZAB_LESSONS = [] as const;
export type ZabLessonName = (typeof ZAB_LESSONS)[number];

export const ZAB_LESSON_META: Record<ZabLessonName, LessonMeta> = {};
