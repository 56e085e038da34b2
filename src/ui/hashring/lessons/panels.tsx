/**
 * Lesson panels: a lesson-only component shown with the lesson — in the embed in the state
 * view's place (LESSON_META[name].embedState), in the full app above the side panel. The
 * detector lesson's measured trade-off, ZooKeeper beside the ring. Looked up through
 * src/ui/lessons.ts `lessonPanel`.
 */
import type { ComponentType } from 'react';
import type { HashringLessonName } from './meta';
import { DetectorChart } from './DetectorChart';
import { ReplicationChart } from './ReplicationChart';
import './lessons.css';

export const HASHRING_LESSON_PANELS: Partial<Record<HashringLessonName, ComponentType>> = {
  'ring-detector': DetectorChart,
  'ring-not-zookeeper': ReplicationChart,
};
