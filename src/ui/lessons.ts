/** The bundled lessons (public/scenarios/NAME.json), in the order the selector lists them. */
export const LESSONS = ['raft-election', 'raft-leader-crash', 'raft-partition', 'raft-figure7', 'raft-figure8', 'raft-figure8-bug', 'raft-rejoin-disrupts', 'raft-prevote'] as const;
export type LessonName = (typeof LESSONS)[number];
