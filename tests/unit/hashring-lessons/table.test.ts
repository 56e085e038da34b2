/**
 * The hash ring's lesson table is whole: one scenario file per lesson (ring-basic.json is the
 * protocol's demo, not a lesson), each a valid hash-ring scenario that runs to its end without
 * a violation; a title, a premise and one sentence per stop in both languages, the same
 * numbers in both; the corrections stated neutrally, with what was wrong; the texts reach the
 * app through lessonText.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/sim/scenario';
import { LESSONS, LESSON_META, isLesson } from '../../../src/store/lessons';
import { lessonText } from '../../../src/ui/lessons';
import { HASHRING_LESSONS } from '../../../src/ui/hashring/lessons/meta';
import { HASHRING_LESSON_TEXT } from '../../../src/ui/hashring/lessons/i18n';
import { loadLesson, story } from './story';

/** The numbers a sentence states (1,039 → 1039; 0.073; 2NZ/P has none), as strings. */
const numbers = (x: string) => (x.match(/\d[\d,]*(\.\d+)?/g) ?? []).map((m) => m.replace(/,/g, ''));

describe('hash ring lesson table', () => {
  it('lists exactly the ring-*.json lessons (not ring-basic), after ZAB’s, and the app’s table has them', () => {
    const files = readdirSync('public/scenarios')
      .filter((f) => f.startsWith('ring-') && f !== 'ring-basic.json')
      .map((f) => f.replace(/\.json$/, ''));
    expect([...HASHRING_LESSONS].sort()).toEqual(files.sort());
    expect(LESSONS.slice(-HASHRING_LESSONS.length)).toEqual([...HASHRING_LESSONS]);
    for (const name of HASHRING_LESSONS) expect(isLesson(name)).toBe(true);
    expect(isLesson('ring-basic')).toBe(false);
  });

  it.each(HASHRING_LESSONS.map((n) => [n]))('%s: a hash-ring scenario, run to the end without a violation', (name) => {
    const sc = loadLesson(name);
    expect(sc.protocol).toBe('hashring');
    expect(parseScenario(sc).warnings).toEqual([]);
    const s = story(name);
    const end = s.session.advanceTo(sc.until);
    expect(end.violation).toBeNull();
    expect(LESSON_META[name].stops.at(-1)!).toBeLessThan(sc.until);
  });

  it.each(HASHRING_LESSONS.map((n) => [n]))('%s: texts in both languages, one sentence per stop, the same numbers', (name) => {
    const meta = LESSON_META[name];
    expect(meta.stops.length).toBeGreaterThanOrEqual(5);
    for (let i = 1; i < meta.stops.length; i++) expect(meta.stops[i]).toBeGreaterThan(meta.stops[i - 1]);
    // A hop (5–15 ms) lasts 0.125–0.375 s of wall time.
    expect(meta.speed).toBe(0.04);
    const { en, zh } = HASHRING_LESSON_TEXT;
    for (const lang of ['en', 'zh'] as const) {
      const t = lessonText(name, lang);
      expect(t).toBe(HASHRING_LESSON_TEXT[lang][name]);
      expect(t.title.startsWith(lang === 'en' ? 'Hash ring · ' : '哈希环 · ')).toBe(true);
      expect(t.blurb.length).toBeGreaterThan(80);
      expect(t.stops).toHaveLength(meta.stops.length);
      for (const x of t.stops) expect(x.trim().length).toBeGreaterThan(20);
    }
    // zh may spell "ten", "three", "two" in words; every number it writes is one en states, and every en number with 3+ digits is in zh.
    const big = (x: string) => numbers(x).filter((d) => d.replace('.', '').length >= 3);
    expect(big(zh[name].blurb).sort(), `${name} blurb`).toEqual(big(en[name].blurb).sort());
    en[name].stops.forEach((x, i) => expect(big(zh[name].stops[i]).sort(), `${name} stop ${i}`).toEqual(big(x).sort()));
  });

  it('the corrections are stated neutrally, and say plainly what was wrong', () => {
    const { en, zh } = HASHRING_LESSON_TEXT;
    expect(en['ring-not-zookeeper'].blurb).toMatch(/^A common description says ZooKeeper distributes its data over its servers by consistent hashing/);
    expect(zh['ring-not-zookeeper'].blurb).toMatch(/^一种常见的说法是/);
    expect(en['ring-not-zookeeper'].stops.at(-1)).toMatch(/^What was wrong with the claim: ZooKeeper does not partition its data at all/);
    expect(zh['ring-not-zookeeper'].stops.at(-1)).toMatch(/^这种说法错在哪里：/);
    expect(en['ring-not-zookeeper'].stops[2]).toMatch(/^Where consistent hashing is really used: Dynamo-style stores.*Cassandra/);
    expect(en['ring-not-zookeeper'].stops[3]).toMatch(/^And load balancers in front of discovered services/);
    // The formula: stated as what some articles give, then what the simulation measures, then what it leaves out.
    const last = en['ring-detector'].stops.at(-1)!;
    expect(last).toMatch(/^Some articles give one formula for “the right heartbeat period”: T = 2NZ\/P\. The simulation gives a curve instead/);
    expect(last).toMatch(/What the formula leaves out: .*there is no single right value/);
    expect(zh['ring-detector'].stops.at(-1)).toMatch(/T = 2NZ\/P.*这个公式遗漏了.*没有唯一正确的值/);
  });

  it('the lessons whose charts are the point show them in the embed (their own panels)', () => {
    expect(HASHRING_LESSONS.filter((n) => LESSON_META[n].embedState)).toEqual(['ring-detector', 'ring-not-zookeeper']);
  });
});
