/**
 * The address bar as a contract (../../shared/DESIGN.md, "URL"): parsing the query into
 * what to open, and writing what is on screen back into it. Pure functions, unit-tested.
 *
 *   ?scenario=NAME | ?s=BASE64URL[&lesson=NAME]   &frame=N  &embed=1  &autoplay=1  &speed=X  &lang=en|zh
 *
 * `lesson` travels beside `s=` once the user changed a lesson (an action, an option): the
 * scenario itself is inline, and the name keeps the selector and the lesson's text.
 */
import type { Scenario } from '../sim/scenario';
import type { Lang, Problem, Speed } from '../store/types';
import { LESSONS } from './lessons';

export type { Problem, ProblemCode, Speed } from '../store/types';

export const MIN_SPEED = 0.001;
export const MAX_SPEED = 10;
/** Frames beyond this in a link are refused rather than replayed for minutes. */
export const MAX_URL_FRAME = 5_000_000;

export type ScenarioSource =
  | { kind: 'default' }
  | { kind: 'bundled'; name: string }
  | { kind: 'inline'; scenario: unknown };

export interface UrlParams {
  source: ScenarioSource;
  /** With an inline scenario: the bundled lesson it came from (a known name), else null. */
  lesson: string | null;
  frame: number | null;
  embed: boolean;
  autoplay: boolean;
  speed: Speed | null;
  lang: Lang | null;
  problems: Problem[];
}

/** Names a bundled scenario may have (it becomes part of a fetch path). */
const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export function isScenarioName(name: string): boolean {
  return NAME_RE.test(name);
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A scenario as compact JSON in base64url (UTF-8), for `?s=`. */
export function encodeScenario(scenario: unknown): string {
  return toBase64Url(new TextEncoder().encode(JSON.stringify(scenario)));
}

export type Decoded = { ok: true; value: unknown } | { ok: false; problem: Problem };

/** The inverse of encodeScenario; a bad encoding or bad JSON is a Problem, never a throw. */
export function decodeScenario(text: string): Decoded {
  const clean = text.trim();
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(clean) || clean.replace(/=+$/, '').length % 4 === 1 || clean.length === 0) {
    return { ok: false, problem: { code: 'badBase64', detail: clip(text) } };
  }
  let json: string;
  try {
    const b64 = clean.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
    const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
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

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

function flag(v: string | null): boolean {
  return v === '1' || v === 'true';
}

/** Read the query string. Every bad parameter becomes a Problem and is otherwise ignored. */
export function parseUrlParams(search: string): UrlParams {
  const q = new URLSearchParams(search);
  const problems: Problem[] = [];
  let source: ScenarioSource = { kind: 'default' };

  const s = q.get('s');
  const name = q.get('scenario');
  if (s !== null) {
    const d = decodeScenario(s);
    if (d.ok) source = { kind: 'inline', scenario: d.value };
    else problems.push({ ...d.problem, fellBack: true });
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
  // A bundled scenario is its own lesson; the name beside it only matters with s=.
  if (source.kind !== 'inline') lesson = null;

  let frame: number | null = null;
  const f = q.get('frame');
  if (f !== null) {
    const n = /^\d{1,10}$/.test(f.trim()) ? Number(f.trim()) : NaN;
    if (Number.isSafeInteger(n) && n <= MAX_URL_FRAME) frame = n;
    else problems.push({ code: 'badFrame', detail: clip(f) });
  }

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

  return { source, lesson, frame, embed: flag(q.get('embed')), autoplay: flag(q.get('autoplay')), speed, lang, problems };
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
}

/** The query string that reproduces the screen: "?scenario=raft-election&frame=12". */
export function buildSearch(st: UrlState): string {
  const q = new URLSearchParams();
  if (st.lesson && st.pristine) q.set('scenario', st.lesson);
  else if (st.scenario) {
    q.set('s', encodeScenario(st.scenario));
    if (st.lesson) q.set('lesson', st.lesson);
  }
  if (st.frame > 0) q.set('frame', String(st.frame));
  if (st.speed !== st.defaultSpeed) q.set('speed', String(st.speed));
  if (st.lang !== 'en') q.set('lang', st.lang);
  if (st.embed) q.set('embed', '1');
  if (st.playing) q.set('autoplay', '1');
  const text = q.toString();
  return text ? `?${text}` : '';
}
