import { deflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_FRAMES } from '../../../src/sim/session';
import {
  buildAddress,
  buildSearch,
  decodePacked,
  decodeScenario,
  defaultSpeedFor,
  encodePacked,
  encodeScenario,
  LONG_LINK_CHARS,
  MAX_LINK_CHARS,
  MAX_SCENARIO_BYTES,
  parseSpeed,
  parseUrlParams,
  resolveParams,
  type UrlState,
} from '../../../src/ui/url';
import { createAddressWriter, urlStateOf } from '../../../src/ui/useUrlSync';
import type { AppState } from '../../../src/store/appStore';
import { DEFAULT_SPEED } from '../../../src/store/types';
import { LESSON_META } from '../../../src/store/lessons';
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
    // Past the last frame the session can record: refused, not clamped silently on seeking.
    expect(parseUrlParams(`?frame=${MAX_FRAMES + 1}`).problems).toEqual([{ code: 'badFrame', detail: String(MAX_FRAMES + 1) }]);
    expect(parseUrlParams('?frame=3000000').problems[0].code).toBe('badFrame');
    expect(parseUrlParams(`?frame=${MAX_FRAMES}`)).toMatchObject({ frame: MAX_FRAMES, problems: [] });
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
    const base = { scenario, frame: 0, embed: false, playing: false, speed: 0.1, defaultSpeed: 0.1, lang: 'en' as const, theme: 'light' as const, defaultTheme: 'light' as const, large: false };
    expect(buildSearch({ ...base, lesson: 'raft-election', pristine: true })).toBe('?scenario=raft-election');
    const inline = buildSearch({ ...base, lesson: null, pristine: false, frame: 42, lang: 'zh', embed: true, playing: true, speed: 2 });
    const back = parseUrlParams(inline);
    expect(back.source).toEqual({ kind: 'inline', scenario });
    expect(back).toMatchObject({ lesson: null, frame: 42, lang: 'zh', embed: true, autoplay: true, speed: 2, problems: [] });
  });

  it('keeps the lesson’s name beside an inline scenario once the user changed it', () => {
    const base = { scenario, frame: 7, embed: false, playing: false, speed: 0.1, defaultSpeed: 0.1, lang: 'en' as const, theme: 'light' as const, defaultTheme: 'light' as const, large: false };
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

/** A script of `n` requests: about 40 bytes of JSON each. */
function longScenario(n: number): Scenario {
  return { protocol: 'raft', nodes: 5, seed: 3, until: 60_000, script: Array.from({ length: n }, (_, i) => ({ at: 500 + i * 20, do: 'request' as const, value: `x=${i}` })) };
}

const b64 = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString('base64url');

const state: UrlState = {
  lesson: null,
  pristine: false,
  scenario,
  frame: 0,
  embed: false,
  playing: false,
  speed: 0.02,
  defaultSpeed: 0.02,
  lang: 'en',
  theme: 'light',
  defaultTheme: 'light',
  large: false,
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the compressed fragment (#z=)', () => {
  it('round-trips a scenario, non-ASCII text included, and makes a long script much shorter', async () => {
    const enc = await encodePacked(scenario);
    expect(enc).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodePacked(enc)).toEqual({ ok: true, value: scenario });
    const big = longScenario(1000);
    expect(JSON.stringify(big).length).toBeGreaterThan(40_000);
    const packed = await encodePacked(big);
    expect(packed.length).toBeLessThan(encodeScenario(big).length / 4);
    expect(await decodePacked(packed)).toEqual({ ok: true, value: big });
  });

  it('is what zlib’s raw deflate makes: any deflate-raw producer can write these links', async () => {
    const text = b64(deflateRawSync(Buffer.from(JSON.stringify(scenario))));
    expect(await decodePacked(text)).toEqual({ ok: true, value: scenario });
  });

  it('names each way a compressed scenario can be wrong', async () => {
    const good = deflateRawSync(Buffer.from(JSON.stringify(longScenario(50))));
    expect(await decodePacked('@@@')).toEqual({ ok: false, problem: { code: 'badPackedBase64', detail: '@@@' } });
    expect(await decodePacked('')).toMatchObject({ ok: false, problem: { code: 'badPackedBase64' } });
    // The end of the link missing (a chat app cut it): truncated, not "damaged".
    expect(await decodePacked(b64(good.subarray(0, good.length >> 1)))).toMatchObject({ ok: false, problem: { code: 'packedTruncated' } });
    // 0xff opens a block of the reserved type 3: damaged data.
    const corrupt = await decodePacked(b64(Buffer.from([0xff, 0xff, 0x00, 0x12, 0x34])));
    expect(corrupt).toMatchObject({ ok: false, problem: { code: 'packedCorrupt' } });
    expect((corrupt as { problem: { detail: string } }).problem.detail.length).toBeGreaterThan(0);
    const notJson = await decodePacked(b64(deflateRawSync(Buffer.from('{nope'))));
    expect(notJson).toMatchObject({ ok: false, problem: { code: 'packedJson' } });
    expect(await decodePacked(b64(deflateRawSync(Buffer.from([0xc3, 0x28]))))).toEqual({ ok: false, problem: { code: 'packedJson', detail: 'not UTF-8 text' } });
  });

  it('refuses a link too long to be one, and a small link that unpacks to too much', async () => {
    const tooLong = 'A'.repeat(MAX_LINK_CHARS + 4);
    expect(await decodePacked(tooLong)).toMatchObject({ ok: false, problem: { code: 'linkTooLarge', args: { size: MAX_LINK_CHARS + 4, limit: MAX_LINK_CHARS } } });
    expect(decodeScenario(tooLong)).toMatchObject({ ok: false, problem: { code: 'linkTooLarge' } });
    const bomb = b64(deflateRawSync(Buffer.alloc(MAX_SCENARIO_BYTES + 1024, 0x20)));
    expect(bomb.length).toBeLessThan(40_000);
    expect(await decodePacked(bomb)).toMatchObject({ ok: false, problem: { code: 'linkTooLarge', args: { limit: MAX_SCENARIO_BYTES, unpacked: 1 } } });
  });

  it('says so where the browser has no DecompressionStream', async () => {
    const enc = await encodePacked(scenario);
    vi.stubGlobal('DecompressionStream', undefined);
    expect(await decodePacked(enc)).toEqual({ ok: false, problem: { code: 'noDecompression', detail: '' } });
  });
});

describe('the fragment in the address', () => {
  it('reads #s= (plain) at once and #z= (compressed) through resolveParams, with the query beside it', async () => {
    const plain = parseUrlParams(`?frame=9&lesson=raft-figure8#s=${encodeScenario(scenario)}`);
    expect(plain).toMatchObject({ source: { kind: 'inline', scenario }, frame: 9, lesson: 'raft-figure8', problems: [] });
    const z = await encodePacked(scenario);
    const packed = parseUrlParams(`?frame=9&lesson=raft-figure8&lang=zh#z=${z}`);
    expect(packed.source).toEqual({ kind: 'packed', text: z });
    expect(packed.lesson).toBe('raft-figure8');
    const resolved = await resolveParams(packed);
    expect(resolved).toMatchObject({ source: { kind: 'inline', scenario }, frame: 9, lesson: 'raft-figure8', lang: 'zh', problems: [] });
    // Nothing to unpack: the same object back.
    const bundled = parseUrlParams('?scenario=raft-figure7');
    expect(await resolveParams(bundled)).toBe(bundled);
  });

  it('takes the fragment’s scenario over the query’s, and #z= over #s=', async () => {
    const other = { ...scenario, seed: 99 };
    const z = await encodePacked(other);
    expect(parseUrlParams(`?s=${encodeScenario(scenario)}#s=${encodeScenario(other)}`).source).toEqual({ kind: 'inline', scenario: other });
    expect(parseUrlParams(`?scenario=raft-figure8#z=${z}`).source).toEqual({ kind: 'packed', text: z });
    expect(parseUrlParams(`#s=${encodeScenario(scenario)}&z=${z}`).source).toEqual({ kind: 'packed', text: z });
    // A fragment that is no scenario (an anchor) is left alone.
    expect(parseUrlParams('?scenario=raft-figure8#top').source).toEqual({ kind: 'bundled', name: 'raft-figure8' });
  });

  it('opens the default lesson at frame 0 when the fragment’s scenario cannot be read, saying why', async () => {
    const broken = await resolveParams(parseUrlParams('?frame=40&lesson=raft-figure8&speed=0.5#z=!!'));
    expect(broken).toMatchObject({ source: { kind: 'default' }, lesson: null, frame: null, speed: 0.5 });
    expect(broken.problems).toEqual([{ code: 'badPackedBase64', detail: '!!', fellBack: true }]);
    const plain = parseUrlParams('?frame=40#s=@@');
    expect(plain).toMatchObject({ source: { kind: 'default' }, frame: null });
    expect(plain.problems).toEqual([{ code: 'badBase64', detail: '@@', fellBack: true }]);
    // A bad parameter beside it is still reported, after the scenario's problem.
    const both = await resolveParams(parseUrlParams('?theme=pink#z=AAAA'));
    // "AAAA" is three zero bytes: a stored block that never ends.
    expect(both.problems).toEqual([
      { code: 'packedTruncated', detail: expect.any(String), fellBack: true },
      { code: 'badTheme', detail: 'pink' },
    ]);
  });
});

describe('theme and large type in the address', () => {
  it('reads theme= and large=, and names bad values', () => {
    expect(parseUrlParams('?theme=dark&large=1')).toMatchObject({ theme: 'dark', large: true, problems: [] });
    expect(parseUrlParams('?theme=Light&large=0')).toMatchObject({ theme: 'light', large: false, problems: [] });
    expect(parseUrlParams('?large=true')).toMatchObject({ large: true });
    expect(parseUrlParams('')).toMatchObject({ theme: null, large: null });
    expect(parseUrlParams('?theme=pink').problems).toEqual([{ code: 'badTheme', detail: 'pink' }]);
    expect(parseUrlParams('?large=yes').problems).toEqual([{ code: 'badLarge', detail: 'yes' }]);
    expect(parseUrlParams('?theme=pink&large=yes')).toMatchObject({ theme: null, large: null });
  });

  it('writes them only when they are not what the page would show without them', () => {
    expect(buildSearch({ ...state, lesson: 'raft-election', pristine: true })).toBe('?scenario=raft-election');
    expect(new URLSearchParams(buildSearch({ ...state, theme: 'dark' })).get('theme')).toBe('dark');
    expect(new URLSearchParams(buildSearch({ ...state, theme: 'dark', defaultTheme: 'dark' })).get('theme')).toBeNull();
    // null: the address already names a theme, so it keeps naming it.
    expect(new URLSearchParams(buildSearch({ ...state, defaultTheme: null })).get('theme')).toBe('light');
    expect(new URLSearchParams(buildSearch({ ...state, large: true })).get('large')).toBe('1');
    const back = parseUrlParams(buildSearch({ ...state, theme: 'dark', large: true }));
    expect(back).toMatchObject({ theme: 'dark', large: true, problems: [] });
  });
});

describe('the default speed of an address is the lesson’s', () => {
  it('is the lesson’s own speed, else the app’s', () => {
    expect(defaultSpeedFor('raft-figure7')).toBe(LESSON_META['raft-figure7'].speed);
    expect(defaultSpeedFor(null)).toBe(DEFAULT_SPEED);
    expect(defaultSpeedFor('no-such-lesson')).toBe(DEFAULT_SPEED);
  });

  it('writes speed= only when it differs from it', () => {
    const app = (over: Partial<AppState>) =>
      ({ lesson: 'raft-figure7', pristine: true, scenario, view: null, embed: false, playing: false, speed: LESSON_META['raft-figure7'].speed, lang: 'en', theme: 'light', largeType: false, ...over }) as AppState;
    expect(buildSearch(urlStateOf(app({})))).toBe('?scenario=raft-figure7');
    expect(new URLSearchParams(buildSearch(urlStateOf(app({ speed: 0.5 })))).get('speed')).toBe('0.5');
    // A scenario that is no lesson: the app's default.
    expect(new URLSearchParams(buildSearch(urlStateOf(app({ lesson: null, pristine: false, speed: DEFAULT_SPEED })))).get('speed')).toBeNull();
  });
});

describe('the whole address', () => {
  it('carries a changed scenario compressed in the fragment and the rest in the query', async () => {
    const st: UrlState = { ...state, lesson: 'raft-figure8', frame: 12, lang: 'zh', speed: 0.5 };
    const address = await buildAddress(st);
    expect(address).toMatch(/^\?[^#]*#z=[A-Za-z0-9_-]+$/);
    const q = new URLSearchParams(address.slice(1, address.indexOf('#')));
    expect(q.get('s')).toBeNull();
    expect(q.get('lesson')).toBe('raft-figure8');
    const back = await resolveParams(parseUrlParams(address));
    expect(back).toMatchObject({ source: { kind: 'inline', scenario }, lesson: 'raft-figure8', frame: 12, lang: 'zh', speed: 0.5, problems: [] });
    // A pristine lesson has no fragment.
    expect(await buildAddress({ ...st, pristine: true })).not.toContain('#');
  });

  it('falls back to #s= where the browser cannot compress', async () => {
    vi.stubGlobal('CompressionStream', undefined);
    const address = await buildAddress(state);
    expect(address).toMatch(/^#s=/);
    expect(parseUrlParams(address).source).toEqual({ kind: 'inline', scenario });
  });

  it('a 40 KB scenario makes a link far under the long-link warning', async () => {
    const address = await buildAddress({ ...state, scenario: longScenario(1000) });
    expect(address.length).toBeLessThan(LONG_LINK_CHARS);
  });
});

describe('the address writer', () => {
  const appState = (over: Partial<AppState>): AppState =>
    ({ status: 'ready', lesson: null, pristine: false, scenario, view: { frame: 0 }, embed: false, playing: false, speed: DEFAULT_SPEED, lang: 'en', theme: 'light', largeType: false, ...over }) as unknown as AppState;

  it('never writes an older scenario after a newer one, however slow compression is', async () => {
    const a = { ...scenario, seed: 1 };
    const b = { ...scenario, seed: 2 };
    let current = appState({ scenario: a });
    const writes: string[] = [];
    const pending: { scenario: Scenario; resolve: (h: string) => void }[] = [];
    const writer = createAddressWriter({
      state: () => current,
      env: () => ({ defaultTheme: 'light' }),
      replace: (addr) => writes.push(addr),
      pack: (sc) => new Promise((resolve) => pending.push({ scenario: sc, resolve })),
    });
    const first = writer.flush();
    expect(pending.map((p) => p.scenario)).toEqual([a]);
    // The user acts while A is still being compressed.
    current = appState({ scenario: b, view: { frame: 5 } } as Partial<AppState>);
    const second = writer.flush();
    pending[0].resolve('#z=A');
    await new Promise((r) => setTimeout(r, 0));
    expect(writes).toEqual([]);
    expect(pending.map((p) => p.scenario)).toEqual([a, b]);
    pending[1].resolve('#z=B');
    await Promise.all([first, second]);
    expect(writes).toEqual(['?frame=5#z=B']);
  });

  it('compresses a scenario once, however often the frame changes, and drops the fragment for a pristine lesson', async () => {
    let current = appState({});
    const writes: string[] = [];
    const pack = vi.fn(async () => '#z=X');
    const writer = createAddressWriter({ state: () => current, env: () => ({ defaultTheme: 'light' }), replace: (a) => writes.push(a), pack });
    for (const frame of [1, 2, 3]) {
      current = appState({ view: { frame } } as Partial<AppState>);
      await writer.flush();
    }
    expect(pack).toHaveBeenCalledTimes(1);
    expect(writes).toEqual(['?frame=1#z=X', '?frame=2#z=X', '?frame=3#z=X']);
    current = appState({ lesson: 'raft-election', pristine: true, view: { frame: 4 } } as Partial<AppState>);
    await writer.flush();
    expect(writes.at(-1)).toBe('?scenario=raft-election&frame=4');
  });

  it('writes nothing before a scenario is on screen', async () => {
    const writes: string[] = [];
    const writer = createAddressWriter({ state: () => appState({ status: 'loading' }), env: () => ({ defaultTheme: 'light' }), replace: (a) => writes.push(a) });
    await writer.flush();
    expect(writes).toEqual([]);
  });
});
