/**
 * ZAB's lesson texts: per lesson its title, its premise (blurb) and one sentence per stop of
 * ZAB_LESSON_META[name].stops, in English and Chinese (GLOSSARY.md terms; PROPOSAL, TRUNC,
 * zxid, FLE stay in English). Read through src/ui/lessons.ts `lessonText`.
 */
import type { Lang } from '../../../store/types';
import type { LessonText } from '../../lessons';
import type { ZabLessonName } from './meta';

type Texts = Record<ZabLessonName, LessonText>;

const en: Texts = {};

const zh: Texts = {};

export const ZAB_LESSON_TEXT: Record<Lang, Texts> = { en, zh };
