/**
 * The address bar as a contract (../../shared/DESIGN.md, "URL"): parsing the address into
 * what to open, and writing what is on screen back into it. Pure functions (the
 * compressed form is async: the browser's streams), unit-tested.
 *
 *   ?scenario=NAME | ?s=BASE64URL[&lesson=NAME]   &frame=N  &embed=1  &autoplay=1  &speed=X
 *   &lang=en|zh  &theme=light|dark  &large=1
 *   #z=BASE64URL   the scenario as JSON compressed with deflate-raw (what the app writes)
 *   #s=BASE64URL   the scenario as plain JSON, exactly as ?s=
 *
 * A scenario in the fragment wins over ?s= and ?scenario=. Browsers never send the
 * fragment to a server, so a long scenario cannot make it answer 431 (a ?s= over ~16 KB
 * does) before the app has loaded. `lesson` travels beside the scenario once the user
 * changed a lesson (an action, an option): the name keeps the selector and the lesson's text.
 */
import { MAX_FRAMES } from '../sim/limits';
import type { Scenario } from '../sim/scenario';
import { lessonMeta } from '../store/lessons';
import { DEFAULT_SPEED, type Lang, type Problem, type Speed, type Theme } from '../store/types';
import { LESSONS } from './lessons';

export type { Problem, ProblemCode, Speed } from '../store/types';

export const MIN_SPEED = 0.001;
export const MAX_SPEED = 10;
/** Frames beyond this in a link are refused: the session records no further (MAX_FRAMES). */
export const MAX_URL_FRAME = MAX_FRAMES;
/** The fragment key of the compressed form: `#z=` + base64url(deflate-raw(JSON)). */
export const PACKED_KEY = 'z';
/** Share warns above this many characters: chat apps, mail and forms cut longer links. */
export const LONG_LINK_CHARS = 8000;
/** Longest scenario text a link may carry (Chromium refuses URLs over 2 MB anyway). */
export const MAX_LINK_CHARS = 4_000_000;
/** Largest JSON a compressed scenario may unpack to (a tiny link can inflate to gigabytes). */
export const MAX_SCENARIO_BYTES = 16 * 1024 * 1024;

export type ScenarioSource =
  | { kind: 'default' }
  | { kind: 'bundled'; name: string }
  | { kind: 'inline'; scenario: unknown }
  /** `#z=`: still compressed; resolveParams() unpacks it (DecompressionStream is async). */
  | { kind: 'packed'; text: string };

export interface UrlParams {
  source: ScenarioSource;
  /** With an inline scenario: the bundled lesson it came from (a known name), else null. */
  lesson: string | null;
  frame: number | null;
  embed: boolean;
  autoplay: boolean;
  speed: Speed | null;
  lang: Lang | null;
  theme: Theme | null;
  /** large=1 / large=0; null when the link does not say. */
  large: boolean | null;
  problems: Problem[];
}

/** Names a bundled scenario may have (it becomes part of a fetch path). */
const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export function isScenarioName(name: string): boolean {
  return NAME_RE.test(name);
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  // In slices: String.fromCharCode(...all) overflows the stack on a long scenario.
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url (padded or not) → bytes; null when it is not base64url. */
function fromBase64Url(text: string): Uint8Array | null {
  const clean = text.trim();
  if (clean.length === 0 || !/^[A-Za-z0-9_-]*={0,2}$/.test(clean) || clean.replace(/=+$/, '').length % 4 === 1) return null;
  try {
    const b64 = clean.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
    const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

/** A scenario as compact JSON in base64url (UTF-8), for `?s=` and `#s=`. */
export function encodeScenario(scenario: unknown): string {
  return toBase64Url(new TextEncoder().encode(JSON.stringify(scenario)));
}

export type Decoded = { ok: true; value: unknown } | { ok: false; problem: Problem };

function tooLong(text: string): Decoded | null {
  const size = text.length;
  return size > MAX_LINK_CHARS ? { ok: false, problem: { code: 'linkTooLarge', detail: String(size), args: { size, limit: MAX_LINK_CHARS } } } : null;
}

/** The inverse of encodeScenario; a bad encoding or bad JSON is a Problem, never a throw. */
export function decodeScenario(text: string): Decoded {
  const big = tooLong(text);
  if (big) return big;
  const bytes = fromBase64Url(text);
  let json: string;
  try {
    if (!bytes) throw new Error('not base64url');
    json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: { code: 'badBase64', detail: clip(text) } };
  }
  try {
    return { ok: true, value: JSON.parse(json) };
  } catch (e) {
    return { ok: false, problem: { code: 'badJson', detail: (e as Error).message } };
  }
}

/** Whether this browser (or Node) has the streams the compressed form needs. */
export function canCompress(): boolean {
  return typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';
}

/** Runs bytes through a (de)compression stream; `where` says whether writing or closing failed. */
async function pump(
  stream: CompressionStream | DecompressionStream,
  input: Uint8Array,
  limit: number,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; why: 'truncated' | 'corrupt' | 'tooLarge'; detail: string }> {
  const writer = stream.writable.getWriter();
  let closing = false;
  // Errors surface on the reader below; this only keeps them from being unhandled here.
  const writing = (async () => {
    await writer.write(input as Uint8Array<ArrayBuffer>);
    closing = true;
    await writer.close();
  })().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > limit) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, why: 'tooLarge', detail: String(total) };
      }
      chunks.push(value);
    }
  } catch (e) {
    // Browsers fail the write itself for damaged data, and the close (the flush) for data
    // that ends early. Node's write resolves before inflating; it names zlib's codes instead.
    const detail = e instanceof Error ? e.message : String(e);
    const code = (e as { code?: unknown } | null)?.code;
    const truncated = code === 'Z_BUF_ERROR' || (code !== 'Z_DATA_ERROR' && closing);
    return { ok: false, why: truncated ? 'truncated' : 'corrupt', detail };
  }
  await writing;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return { ok: true, bytes: out };
}

/**
 * A scenario compressed for `#z=`: JSON, deflate-raw (the browser's own CompressionStream,
 * so no library ships for it), base64url. Rejects only where CompressionStream is missing.
 */
export async function encodePacked(scenario: unknown): Promise<string> {
  const r = await pump(new CompressionStream('deflate-raw'), new TextEncoder().encode(JSON.stringify(scenario)), Infinity);
  if (!r.ok) throw new Error(r.detail);
  return toBase64Url(r.bytes);
}

/** The inverse of encodePacked. Every way it can fail is a Problem naming what was wrong. */
export async function decodePacked(text: string): Promise<Decoded> {
  const big = tooLong(text);
  if (big) return big;
  const bytes = fromBase64Url(text);
  if (!bytes) return { ok: false, problem: { code: 'badPackedBase64', detail: clip(text) } };
  if (typeof DecompressionStream !== 'function') return { ok: false, problem: { code: 'noDecompression', detail: '' } };
  let r: Awaited<ReturnType<typeof pump>>;
  try {
    r = await pump(new DecompressionStream('deflate-raw'), bytes, MAX_SCENARIO_BYTES);
  } catch (e) {
    r = { ok: false, why: 'corrupt', detail: e instanceof Error ? e.message : String(e) };
  }
  if (!r.ok) {
    if (r.why === 'tooLarge') return { ok: false, problem: { code: 'linkTooLarge', detail: r.detail, args: { limit: MAX_SCENARIO_BYTES, unpacked: 1 } } };
    return { ok: false, problem: { code: r.why === 'truncated' ? 'packedTruncated' : 'packedCorrupt', detail: r.detail } };
  }
  try {
    return { ok: true, value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(r.bytes)) };
  } catch (e) {
    return { ok: false, problem: { code: 'packedJson', detail: e instanceof TypeError ? 'not UTF-8 text' : (e as Error).message } };
  }
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

function flag(v: string | null): boolean {
  return v === '1' || v === 'true';
}

/** "?a=1#z=…" → ["a=1", "z=…"]. A query never holds a raw '#': the first one starts the fragment. */
function splitAddress(address: string): [string, string] {
  const i = address.indexOf('#');
  const search = i < 0 ? address : address.slice(0, i);
  return [search.replace(/^\?/, ''), i < 0 ? '' : address.slice(i + 1)];
}

/**
 * Read the address: the query, and the fragment after it if given (pass
 * `location.search + location.hash`). Every bad parameter becomes a Problem and is otherwise
 * ignored; a scenario that cannot be read opens the default lesson at frame 0. A compressed
 * scenario comes back as `packed`: resolveParams() unpacks it.
 */
export function parseUrlParams(address: string): UrlParams {
  const [search, hash] = splitAddress(address);
  const q = new URLSearchParams(search);
  const h = new URLSearchParams(hash);
  const problems: Problem[] = [];
  let source: ScenarioSource = { kind: 'default' };
  let unreadable = false;

  const packed = h.get(PACKED_KEY);
  const s = h.get('s') ?? q.get('s');
  const name = q.get('scenario');
  if (packed !== null) {
    source = { kind: 'packed', text: packed };
  } else if (s !== null) {
    const d = decodeScenario(s);
    if (d.ok) source = { kind: 'inline', scenario: d.value };
    else {
      problems.push({ ...d.problem, fellBack: true });
      unreadable = true;
    }
  } else if (name !== null) {
    if (isScenarioName(name)) source = { kind: 'bundled', name };
    else problems.push({ code: 'unknownScenario', detail: clip(name), fellBack: true });
  }

  let lesson: string | null = null;
  const ln = q.get('lesson');
  if (ln !== null) {
    if ((LESSONS as readonly string[]).includes(ln)) lesson = ln;
    else problems.push({ code: 'badLesson', detail: clip(ln) });
  }
  // A bundled scenario is its own lesson; the name beside it only matters with an inline one.
  if (source.kind !== 'inline' && source.kind !== 'packed') lesson = null;

  let frame: number | null = null;
  const f = q.get('frame');
  if (f !== null) {
    const n = /^\d{1,10}$/.test(f.trim()) ? Number(f.trim()) : NaN;
    if (Number.isSafeInteger(n) && n <= MAX_URL_FRAME) frame = n;
    else problems.push({ code: 'badFrame', detail: clip(f) });
  }
  // The frame belonged to the scenario that could not be read, not to the default lesson.
  if (unreadable) frame = null;

  let speed: Speed | null = null;
  const sp = q.get('speed');
  if (sp !== null) {
    const parsed = parseSpeed(sp);
    if (parsed === null) problems.push({ code: 'badSpeed', detail: clip(sp) });
    else speed = parsed;
  }

  let lang: Lang | null = null;
  const l = q.get('lang');
  if (l !== null) {
    const low = l.trim().toLowerCase();
    if (low === 'en' || low === 'zh' || low.startsWith('zh-')) lang = low === 'en' ? 'en' : 'zh';
    else problems.push({ code: 'badLang', detail: clip(l) });
  }

  let theme: Theme | null = null;
  const th = q.get('theme');
  if (th !== null) {
    const low = th.trim().toLowerCase();
    if (low === 'light' || low === 'dark') theme = low;
    else problems.push({ code: 'badTheme', detail: clip(th) });
  }

  let large: boolean | null = null;
  const lg = q.get('large');
  if (lg !== null) {
    const low = lg.trim().toLowerCase();
    if (low === '1' || low === 'true') large = true;
    else if (low === '0' || low === 'false') large = false;
    else problems.push({ code: 'badLarge', detail: clip(lg) });
  }

  return { source, lesson, frame, embed: flag(q.get('embed')), autoplay: flag(q.get('autoplay')), speed, lang, theme, large, problems };
}

/**
 * Unpack a `packed` source (the rest is returned as it is). A scenario that does not unpack
 * becomes the default lesson at frame 0 with a problem saying why. Never rejects.
 */
export async function resolveParams(p: UrlParams): Promise<UrlParams> {
  if (p.source.kind !== 'packed') return p;
  let d: Decoded;
  try {
    d = await decodePacked(p.source.text);
  } catch (e) {
    d = { ok: false, problem: { code: 'packedCorrupt', detail: e instanceof Error ? e.message : String(e) } };
  }
  if (d.ok) return { ...p, source: { kind: 'inline', scenario: d.value } };
  return { ...p, source: { kind: 'default' }, lesson: null, frame: null, problems: [{ ...d.problem, fellBack: true }, ...p.problems] };
}

/** "0.5", "2x", "max" → a speed in range, or null. */
export function parseSpeed(text: string): Speed | null {
  const raw = text.trim().toLowerCase();
  if (raw === 'max') return 'max';
  const t = raw.replace(/[x×]$/, '');
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(t)) return null;
  const v = Number(t);
  if (!Number.isFinite(v) || v < MIN_SPEED - 1e-9 || v > MAX_SPEED + 1e-9) return null;
  return v;
}

/** The speed a link without `speed=` plays at: the lesson's own, else the app's. */
export function defaultSpeedFor(lesson: string | null | undefined): Speed {
  return lessonMeta(lesson)?.speed ?? DEFAULT_SPEED;
}

export interface UrlState {
  /** The bundled lesson on screen, or the one the scenario came from. */
  lesson: string | null;
  /** The scenario is exactly that lesson (no recorded actions, same config): written by name. */
  pristine: boolean;
  scenario: Scenario | null;
  frame: number;
  embed: boolean;
  playing: boolean;
  speed: Speed;
  defaultSpeed: Speed;
  lang: Lang;
  theme: Theme;
  /** The theme a link without `theme=` would show here; null: always write it. */
  defaultTheme: Theme | null;
  large: boolean;
}

/** Whether the scenario must travel in the link (it is not a bundled lesson as it was). */
export function carriesScenario(st: UrlState): boolean {
  return !(st.lesson && st.pristine) && st.scenario !== null;
}

/**
 * The query string that reproduces the screen: "?scenario=raft-election&frame=12". A
 * changed scenario goes in it as `s=` when `inline` (the plain form: what browsers without
 * CompressionStream get), else it is left to the fragment (buildHash).
 */
export function buildSearch(st: UrlState, inline = true): string {
  const q = new URLSearchParams();
  if (st.lesson && st.pristine) q.set('scenario', st.lesson);
  else if (st.scenario) {
    if (inline) q.set('s', encodeScenario(st.scenario));
    // Only a lesson's name: a bundled demo that is none (zk-basic) would read back as badLesson.
    if (st.lesson && (LESSONS as readonly string[]).includes(st.lesson)) q.set('lesson', st.lesson);
  }
  if (st.frame > 0) q.set('frame', String(st.frame));
  if (st.speed !== st.defaultSpeed) q.set('speed', String(st.speed));
  if (st.lang !== 'en') q.set('lang', st.lang);
  if (st.theme !== st.defaultTheme) q.set('theme', st.theme);
  if (st.large) q.set('large', '1');
  if (st.embed) q.set('embed', '1');
  if (st.playing) q.set('autoplay', '1');
  const text = q.toString();
  return text ? `?${text}` : '';
}

/** The fragment for a scenario: "#z=…" (compressed), or "#s=…" where the browser cannot compress. */
export async function hashFor(scenario: Scenario): Promise<string> {
  if (!canCompress()) return `#s=${encodeScenario(scenario)}`;
  return `#${PACKED_KEY}=${await encodePacked(scenario)}`;
}

/** The whole address ("?…#z=…") that reproduces the screen, the scenario in the fragment. */
export async function buildAddress(st: UrlState): Promise<string> {
  if (!carriesScenario(st)) return buildSearch(st, false);
  return `${buildSearch(st, false)}${await hashFor(st.scenario!)}`;
}
