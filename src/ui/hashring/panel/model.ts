/**
 * The panel's pure helpers, kept out of the components so they are unit-tested directly: the
 * controls' ranges (those the protocol's config validation enforces), reading a typed value
 * out of a text field, the next id `Add node` may use, a key's position on the ring, and the
 * per-rank key counts of one node.
 */
import { HASHRING_CAPACITY, SCHEMES, type DetectorKind, type RingLayout, type Scheme } from '../../../core/hashring/types';
import type { RingSettings } from './RingControls';
import { HASHRING_DEFAULTS, HASHRING_LIMITS } from '../../../core/hashring/config';
import { MAX_CONFIG_MS } from '../../../core/config-fields';

/** A numeric config field the panel offers, with the range the protocol's config accepts. */
export interface FieldSpec {
  key: NumericField;
  /** Whole numbers only. */
  int: boolean;
  min: number;
  max: number;
  /** The minimum itself is refused (loadFactor: c > 1, or there is no slack at all). */
  minExclusive?: boolean;
  step: number;
}

export type NumericField = 'vnodes' | 'keys' | 'replicas' | 'loadFactor' | 'heartbeatMs' | 'timeoutMs' | 'phiThreshold';

/**
 * The ranges src/core/hashring/config.ts validates (vnodes 1..1000, keys 1..100000, replicas
 * 1..5, loadFactor (1, 4], the detector's), read from it rather than restated. The panel
 * refuses the same values before asking, so a typo says what is wrong beside the field instead
 * of reloading into a "bad scenario" banner.
 */
const L = HASHRING_LIMITS;
export const FIELD_SPECS: Readonly<Record<NumericField, FieldSpec>> = {
  vnodes: { key: 'vnodes', int: true, min: L.vnodes[0], max: L.vnodes[1], step: 1 },
  keys: { key: 'keys', int: true, min: L.keys[0], max: L.keys[1], step: 1 },
  replicas: { key: 'replicas', int: true, min: L.replicas[0], max: L.replicas[1], step: 1 },
  loadFactor: { key: 'loadFactor', int: false, min: L.loadFactor[0], max: L.loadFactor[1], minExclusive: true, step: 0.05 },
  heartbeatMs: { key: 'heartbeatMs', int: true, min: 1, max: MAX_CONFIG_MS, step: 10 },
  timeoutMs: { key: 'timeoutMs', int: true, min: 1, max: MAX_CONFIG_MS, step: 10 },
  phiThreshold: { key: 'phiThreshold', int: false, min: L.phiThreshold[0], max: L.phiThreshold[1], step: 0.5 },
};

/** A field's text as a config value, or null when it is not a value the protocol accepts. */
export function parseField(spec: FieldSpec, text: string): number | null {
  const s = text.trim();
  if (s === '' || !/^[+]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(s)) return null;
  const v = Number(s);
  if (!Number.isFinite(v)) return null;
  if (spec.int && !Number.isInteger(v)) return null;
  if (spec.minExclusive ? v <= spec.min : v < spec.min) return null;
  if (v > spec.max) return null;
  return v;
}

/**
 * The id `Add node` uses: the smallest slot above the scenario's nodes that was never a member
 * (ids are never reused: a removed node's id stays taken). Null when every slot is used.
 */
export function nextFreeId(members: readonly number[] | null, scenarioNodes: number, capacity = HASHRING_CAPACITY): number | null {
  if (!members) return null;
  for (let id = scenarioNodes + 1; id <= capacity; id++) {
    if (members[id - 1] === 0) return id;
  }
  return null;
}

/** Where a 32-bit hash sits on the ring: the fraction of the way round from 0, and in degrees. */
export function ringPosition(hash: number): { fraction: number; degrees: number } {
  const fraction = (hash >>> 0) / 2 ** 32;
  return { fraction, degrees: fraction * 360 };
}

/** "0x0000abcd": the hash as 8 hex digits. */
export function hashHex(hash: number): string {
  return `0x${(hash >>> 0).toString(16).padStart(8, '0')}`;
}

/** A lookup's input: the longest key accepted (well past any key-<i>; a pasted paragraph is refused). */
export const LOOKUP_MAX = 200;

export type LookupInput = { ok: true; key: string } | { ok: false; reason: 'empty' | 'tooLong' };

/** What the lookup field holds, checked before asking the simulator. */
export function checkLookup(text: string): LookupInput {
  if (text.length === 0 || text.trim().length === 0) return { ok: false, reason: 'empty' };
  if (text.length > LOOKUP_MAX) return { ok: false, reason: 'tooLong' };
  return { ok: true, key: text };
}

/** How many keys node `id` holds at each replica rank (index 0: as primary). */
export function keysByRank(layout: Pick<RingLayout, 'owners' | 'replicas'>, id: number): number[] {
  const R = layout.replicas;
  const out = new Array<number>(R).fill(0);
  const o = layout.owners;
  for (let i = 0; i < o.length; i += R) {
    for (let r = 0; r < R; r++) if (o[i + r] === id) out[r]++;
  }
  return out;
}

const decFormats = new Map<string, Intl.NumberFormat>();

/** A number with `digits` decimals in the language's own grouping ("0.095", "1,234.5"). */
export function fmtDec(n: number, digits: number, lang: 'en' | 'zh'): string {
  const k = `${lang}:${digits}`;
  let f = decFormats.get(k);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    decFormats.set(k, f);
  }
  return f.format(n);
}

const DETECTOR_KINDS: readonly string[] = ['timeout', 'phi'];

/**
 * The settings the controls show: the scenario's config fields over the protocol's documented
 * defaults (the scenario was validated when it loaded, so a present field is a valid one); the
 * ring layout's scheme, keys and replicas when it has come (the worker's own reading).
 */
export function ringSettings(config: Record<string, unknown> | undefined, layout: Pick<RingLayout, 'scheme' | 'keys' | 'replicas'> | null): RingSettings {
  const c = config ?? {};
  const n = (k: NumericField): number => (typeof c[k] === 'number' && Number.isFinite(c[k]) ? (c[k] as number) : HASHRING_DEFAULTS[k]);
  const scheme = typeof c.scheme === 'string' && (SCHEMES as readonly string[]).includes(c.scheme) ? (c.scheme as Scheme) : HASHRING_DEFAULTS.scheme;
  const detector = typeof c.detector === 'string' && DETECTOR_KINDS.includes(c.detector) ? (c.detector as DetectorKind) : HASHRING_DEFAULTS.detector;
  return {
    scheme: layout?.scheme ?? scheme,
    vnodes: n('vnodes'),
    keys: layout?.keys ?? n('keys'),
    replicas: layout?.replicas ?? n('replicas'),
    loadFactor: n('loadFactor'),
    detector,
    timeoutMs: n('timeoutMs'),
    phiThreshold: n('phiThreshold'),
    heartbeatMs: n('heartbeatMs'),
  };
}
