import { describe, expect, it } from 'vitest';
import { buildSearch, decodeScenario, encodeScenario, parseSpeed, parseUrlParams } from '../../../src/ui/url';
import type { Scenario } from '../../../src/sim/scenario';

const scenario: Scenario = {
  protocol: 'raft',
  nodes: 5,
  seed: 1,
  until: 10000,
  script: [{ at: 100, do: 'request', value: 'x=中文 ✓' }],
};

describe('URL parameters', () => {
  it('round-trips a scenario through base64url, including non-ASCII text', () => {
    const enc = encodeScenario(scenario);
    expect(enc).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeScenario(enc)).toEqual({ ok: true, value: scenario });
    const p = parseUrlParams(`?s=${enc}&frame=12`);
    expect(p.source).toEqual({ kind: 'inline', scenario });
    expect(p.frame).toBe(12);
    expect(p.problems).toEqual([]);
  });

  it('accepts padded base64url too', () => {
    const enc = encodeScenario({ a: 1 });
    const padded = enc + '='.repeat((4 - (enc.length % 4)) % 4);
    expect(decodeScenario(padded)).toEqual({ ok: true, value: { a: 1 } });
  });

  it('opens the default scenario when none is given', () => {
    const p = parseUrlParams('');
    expect(p).toMatchObject({ source: { kind: 'default' }, frame: null, embed: false, autoplay: false, speed: null, lang: null, problems: [] });
  });

  it('reads a bundled name, embed, autoplay, speed and lang', () => {
    const p = parseUrlParams('?scenario=raft-figure8&embed=1&autoplay=1&speed=2&lang=zh');
    expect(p).toMatchObject({ source: { kind: 'bundled', name: 'raft-figure8' }, embed: true, autoplay: true, speed: 2, lang: 'zh', problems: [] });
    expect(parseUrlParams('?speed=max').speed).toBe('max');
  });

  it('names each bad parameter and falls back to the default scenario', () => {
    expect(parseUrlParams('?s=@@@').problems).toEqual([{ code: 'badBase64', detail: '@@@', fellBack: true }]);
    expect(parseUrlParams('?s=@@@').source).toEqual({ kind: 'default' });
    const notJson = Buffer.from('{nope').toString('base64url');
    const bad = parseUrlParams(`?s=${notJson}`);
    expect(bad.problems[0].code).toBe('badJson');
    expect(bad.problems[0].fellBack).toBe(true);
    expect(parseUrlParams('?scenario=../etc/passwd').problems[0]).toMatchObject({ code: 'unknownScenario', fellBack: true });
    expect(parseUrlParams('?frame=-3').problems).toEqual([{ code: 'badFrame', detail: '-3' }]);
    expect(parseUrlParams('?frame=1.5').problems[0].code).toBe('badFrame');
    expect(parseUrlParams('?frame=99999999999').problems[0].code).toBe('badFrame');
    expect(parseUrlParams('?speed=fast').problems[0].code).toBe('badSpeed');
    expect(parseUrlParams('?speed=50').problems[0].code).toBe('badSpeed');
    expect(parseUrlParams('?lang=fr').problems[0].code).toBe('badLang');
  });

  it('rejects base64 that is not UTF-8', () => {
    expect(decodeScenario('_w').ok).toBe(false);
  });

  it('parses speeds in range only', () => {
    expect(parseSpeed('0.1')).toBe(0.1);
    expect(parseSpeed('10x')).toBe(10);
    expect(parseSpeed('.5')).toBe(0.5);
    expect(parseSpeed('0.05')).toBe(0.05);
    expect(parseSpeed('0.001')).toBe(0.001);
    expect(parseSpeed('0.0005')).toBeNull();
    expect(parseSpeed('1e1')).toBeNull();
  });

  it('writes what is on screen: a pristine lesson by name, anything else inline', () => {
    const base = { scenario, frame: 0, embed: false, playing: false, speed: 0.1, defaultSpeed: 0.1, lang: 'en' as const };
    expect(buildSearch({ ...base, lesson: 'raft-election', pristine: true })).toBe('?scenario=raft-election');
    const inline = buildSearch({ ...base, lesson: null, pristine: false, frame: 42, lang: 'zh', embed: true, playing: true, speed: 2 });
    const back = parseUrlParams(inline);
    expect(back.source).toEqual({ kind: 'inline', scenario });
    expect(back).toMatchObject({ lesson: null, frame: 42, lang: 'zh', embed: true, autoplay: true, speed: 2, problems: [] });
  });

  it('keeps the lesson’s name beside an inline scenario once the user changed it', () => {
    const base = { scenario, frame: 7, embed: false, playing: false, speed: 0.1, defaultSpeed: 0.1, lang: 'en' as const };
    const text = buildSearch({ ...base, lesson: 'raft-figure8', pristine: false });
    const q = new URLSearchParams(text);
    expect(q.get('scenario')).toBeNull();
    expect(q.get('lesson')).toBe('raft-figure8');
    const back = parseUrlParams(text);
    expect(back).toMatchObject({ source: { kind: 'inline', scenario }, lesson: 'raft-figure8', frame: 7, problems: [] });
  });

  it('refuses a lesson name that is not a bundled lesson, with a message', () => {
    const enc = encodeScenario(scenario);
    const p = parseUrlParams(`?s=${enc}&lesson=../../etc`);
    expect(p.lesson).toBeNull();
    expect(p.source).toEqual({ kind: 'inline', scenario });
    expect(p.problems).toEqual([{ code: 'badLesson', detail: '../../etc' }]);
    expect(parseUrlParams(`?s=${enc}&lesson=raft-nope`).problems[0].code).toBe('badLesson');
  });
});
