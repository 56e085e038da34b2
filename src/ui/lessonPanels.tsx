/**
 * Lesson-only panels: a component a lesson shows with itself (the detector lesson's measured
 * chart, ZooKeeper beside the ring). The embed shows it in the state view's place (the lesson's
 * `embedState`); the full app above the side panel. Apart from src/ui/lessons.ts, which the
 * Node-side tests import, because the panels bring React components and CSS.
 */
import { isHashringLesson } from './lessons';
import { HASHRING_LESSON_PANELS } from './hashring/lessons/panels';

/** Whether the lesson has its own panel. */
export function hasLessonPanel(name: string | null | undefined): boolean {
  return typeof name === 'string' && isHashringLesson(name) && HASHRING_LESSON_PANELS[name] !== undefined;
}

/** The lesson's own panel (nothing for a lesson without one). */
export function LessonPanel({ name }: { name: string | null }) {
  if (name === null || !isHashringLesson(name)) return null;
  const Panel = HASHRING_LESSON_PANELS[name];
  return Panel ? <Panel /> : null;
}
