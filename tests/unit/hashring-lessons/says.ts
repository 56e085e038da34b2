/** A stop's sentence, in English and Chinese, states every one of the run's facts. */
import { expect } from 'vitest';
import { HASHRING_LESSON_TEXT } from '../../../src/ui/hashring/lessons/i18n';
import type { HashringLessonName } from '../../../src/ui/hashring/lessons/meta';

/** A number must stand alone (57 is not in 157 or 1,057); anything else is matched as written. */
const fact = (f: string) =>
  /^[\d,.]+$/.test(f) ? new RegExp(`(?<![\\d,.])${f.replace(/\./g, '\\.')}(?!\\d|,\\d|\\.\\d)`) : new RegExp(f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

export function says(name: HashringLessonName, i: number, ...facts: string[]): void {
  for (const lang of ['en', 'zh'] as const) {
    const x = HASHRING_LESSON_TEXT[lang][name].stops[i];
    for (const f of facts) expect(x, `${name} ${lang} stop ${i}: ${f}`).toMatch(fact(f));
  }
}
