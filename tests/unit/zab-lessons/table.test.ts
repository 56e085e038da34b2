/**
 * ZAB's lesson table is whole: one scenario file per lesson, each a ZAB scenario ZooKeeper
 * could reach (no warnings) that runs without a violation; a title, a premise and one sentence
 * per stop in both languages (myths stated neutrally, with what was wrong); a speed at which
 * a hop takes about a second; the texts reach the app through lessonText.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/sim/scenario';
import { LESSONS, LESSON_META, RAFT_LESSONS, isLesson } from '../../../src/store/lessons';
import { lessonText } from '../../../src/ui/lessons';
import { ZAB_LESSONS } from '../../../src/ui/zab/lessons/meta';
import { ZAB_LESSON_TEXT } from '../../../src/ui/zab/lessons/i18n';
import { loadLesson, story } from './story';

describe('ZAB lesson table', () => {
  it('lists exactly the zab-*.json scenarios, after Raft’s lessons, and the app’s table has them', () => {
    const files = readdirSync('public/scenarios').filter((f) => f.startsWith('zab-')).map((f) => f.replace(/\.json$/, ''));
    expect([...ZAB_LESSONS].sort()).toEqual(files.sort());
    expect(LESSONS.slice(RAFT_LESSONS.length, RAFT_LESSONS.length + ZAB_LESSONS.length)).toEqual([...ZAB_LESSONS]);
    for (const name of ZAB_LESSONS) expect(isLesson(name)).toBe(true);
  });

  it.each(ZAB_LESSONS.map((n) => [n]))('%s: a ZAB scenario ZooKeeper could reach, run to the end without a violation', (name) => {
    const sc = loadLesson(name);
    expect(sc.protocol).toBe('zab');
    expect(parseScenario(sc).warnings).toEqual([]);
    const s = story(name);
    const end = s.session.advanceTo(sc.until);
    expect(end.violation).toBeNull();
    expect(end.time).toBeLessThanOrEqual(sc.until);
    // The last stop is within the run, with something after it to see.
    expect(LESSON_META[name].stops.at(-1)!).toBeLessThan(sc.until);
  });

  it.each(ZAB_LESSONS.map((n) => [n]))('%s: texts in both languages, one sentence per stop, through lessonText', (name) => {
    const meta = LESSON_META[name];
    expect(meta.stops.length).toBeGreaterThanOrEqual(5);
    for (let i = 1; i < meta.stops.length; i++) expect(meta.stops[i]).toBeGreaterThan(meta.stops[i - 1]);
    // A hop of 10–30 ms takes about a second (as Raft's lessons).
    expect(meta.speed).toBe(0.02);
    for (const lang of ['en', 'zh'] as const) {
      const t = lessonText(name, lang);
      expect(t).toBe(ZAB_LESSON_TEXT[lang][name]);
      expect(t.title.startsWith('ZAB · ')).toBe(true);
      expect(t.blurb.length).toBeGreaterThan(80);
      expect(t.stops).toHaveLength(meta.stops.length);
      for (const x of t.stops) expect(x.trim().length).toBeGreaterThan(10);
    }
    // The two languages name the same zxids, in the same sentences.
    const hexes = (x: string) => x.match(/0x[0-9a-f]+/g) ?? [];
    const { en, zh } = ZAB_LESSON_TEXT;
    expect(hexes(zh[name].blurb).sort()).toEqual(hexes(en[name].blurb).sort());
    en[name].stops.forEach((x, i) => expect(hexes(zh[name].stops[i]).sort(), `${name} stop ${i}`).toEqual(hexes(x).sort()));
  });

  it('the myths are stated neutrally, and the last stop says what was wrong', () => {
    for (const name of ['zab-not-paxos', 'zab-first-noticer', 'zab-three-phases'] as const) {
      expect(ZAB_LESSON_TEXT.en[name].blurb).toMatch(/^A common description says /);
      expect(ZAB_LESSON_TEXT.zh[name].blurb).toMatch(/^一种常见的说法是/);
      expect(ZAB_LESSON_TEXT.en[name].stops.at(-1)).toMatch(/What was wrong with the claim: /);
      expect(ZAB_LESSON_TEXT.zh[name].stops.at(-1)).toMatch(/这种说法错在哪里：/);
    }
    expect(ZAB_LESSON_TEXT.en['zab-not-paxos'].stops.at(-1)).toMatch(/primary-backup atomic broadcast protocol that, unlike Paxos, guarantees primary order/);
    expect(ZAB_LESSON_TEXT.en['zab-three-phases'].blurb).toMatch(/discovery, synchronization and broadcast/);
  });

  it('timings: the lessons about timing keep ZooKeeper’s; those that scale them say so', () => {
    expect(loadLesson('zab-crash-vs-silence').config).toBeUndefined();
    expect(ZAB_LESSON_TEXT.en['zab-crash-vs-silence'].blurb).toMatch(/not scaled/);
    expect(loadLesson('zab-first-noticer').config).toEqual({ tickTimeMs: 500 });
    expect(ZAB_LESSON_TEXT.en['zab-first-noticer'].blurb).toMatch(/scales tickTime to 500 ms/);
    expect(ZAB_LESSON_TEXT.zh['zab-first-noticer'].blurb).toMatch(/tickTime 缩小到 500 毫秒/);
    expect(ZAB_LESSON_TEXT.en['zab-sync-snap'].blurb).toMatch(/committedLogCount 3, txnLogSync false/);
    for (const name of ZAB_LESSONS) {
      const c = loadLesson(name).config ?? {};
      if (!['zab-first-noticer', 'zab-sync-snap'].includes(name)) expect(c, name).toEqual({});
    }
  });
});
