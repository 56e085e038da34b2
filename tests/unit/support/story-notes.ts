/**
 * What the lesson story helpers share: a bundled lesson's scenario, and every note of a
 * recorded run with its protocol name, read through SimSession as the app reads it.
 */
import { readFileSync } from 'node:fs';
import type { SimSession } from '../../../src/sim/session';

export interface StoryNote<N extends string> {
  time: number;
  frame: number;
  node: number;
  name: N | `sim:${number}`;
  f: Record<string, number>;
}

export const loadLesson = (name: string) => JSON.parse(readFileSync(`public/scenarios/${name}.json`, 'utf8'));

/** SimApi.events returns at most this many rows per call (the last ones of a longer range). */
const ROWS_PER_CALL = 1000;

/** Every note of frames 1..head in order; `names` maps a protocol's codes to names (others read `sim:<code>`). */
export function recordedNotes<N extends string>(session: SimSession, head: number, names: ReadonlyMap<number, N>): StoryNote<N>[] {
  const notes: StoryNote<N>[] = [];
  for (let from = 1; from <= head; from += ROWS_PER_CALL) {
    for (const row of session.events(from, Math.min(head, from + ROWS_PER_CALL - 1))) {
      for (const n of row.notes) notes.push({ time: row.time, frame: row.frame, node: n.node, name: names.get(n.code) ?? `sim:${n.code}`, f: n.f });
    }
  }
  return notes;
}
