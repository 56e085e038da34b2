/** The bundled lessons: the table lives beside the store (src/store/lessons.ts), which reads it too. */
export { LESSONS, LESSON_META, isLesson, lessonMeta, type LessonMeta, type LessonName } from '../store/lessons';
