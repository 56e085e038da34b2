/**
 * Raft's `initial`: per-node persistent state at time 0, so a lesson can start from the
 * paper's Figure 7 or Figure 8. Keyed by node id ("1".."N"); each node may give `term`,
 * `votedFor` and `log` (a list of entry terms, or of {term, value}).
 */
import { ScenarioError, isPlainObject, type ScenarioWarning } from '../protocol';
import type { LogEntry } from './types';

/** One node's validated initial state. `log` has no sentinel: log[0] is index 1. */
export interface RaftInitial {
  term: number;
  votedFor: number;
  log: readonly LogEntry[];
}

const NODE_FIELDS = ['term', 'votedFor', 'log'];
const ENTRY_FIELDS = ['term', 'value'];
const MAX_TERM = 1_000_000;
const MAX_LOG = 100_000;
const MAX_VALUE = 200;

/**
 * The value given to an entry written as a bare term: its position, e.g. "i4t2" for
 * index 4, term 2. Distinct entries read differently in the UI, and nodes that list the
 * same (index, term) get the same value, as the Log Matching property requires.
 */
export function defaultValue(index: number, term: number): string {
  return `i${index}t${term}`;
}


function termValue(v: unknown, field: string, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > max) {
    throw new ScenarioError(field, `an integer term from 0 to ${max}`, v);
  }
  return v;
}

/**
 * Entries are interned across nodes: two nodes listing the same entries from index 1 on
 * share the very same LogEntry objects, as if a leader had replicated them. The checkers
 * identify an entry by its object, so initial logs must respect Log Matching (same index
 * and term => same value and same history); a state that breaks it could not arise in
 * Raft and is refused.
 */
class Interner {
  /** children.get(parent) maps "term value" to the entry that follows `parent`. */
  private readonly children = new Map<LogEntry | null, Map<string, LogEntry>>();
  /** "index term" -> the entry first listed there and the node that listed it (Log Matching check). */
  private readonly byIndexTerm = new Map<string, { entry: LogEntry; node: number }>();

  entry(parent: LogEntry | null, index: number, term: number, value: string, node: number, field: string): LogEntry {
    let kids = this.children.get(parent);
    if (!kids) this.children.set(parent, (kids = new Map()));
    const key = `${term} ${value}`;
    let e = kids.get(key);
    if (!e) {
      e = Object.freeze({ term, value });
      kids.set(key, e);
    }
    const it = `${index} ${term}`;
    const seen = this.byIndexTerm.get(it);
    if (!seen) this.byIndexTerm.set(it, { entry: e, node });
    else if (seen.entry !== e) {
      throw new ScenarioError(
        field,
        `the same entry and history as node ${seen.node} has at index ${index} with term ${term} ` +
          `(Log Matching: same index and term mean identical logs up to there)`,
      );
    }
    return e;
  }
}

function parseLog(raw: unknown, field: string, term: number, id: number, interner: Interner): LogEntry[] {
  if (!Array.isArray(raw)) throw new ScenarioError(field, 'a list of entry terms like [1, 1, 2] or of {"term", "value"}', raw);
  if (raw.length > MAX_LOG) throw new ScenarioError(field, `at most ${MAX_LOG} entries`, raw.length);
  const log: LogEntry[] = [];
  let prevTerm = 0;
  let parent: LogEntry | null = null;
  raw.forEach((item, i) => {
    const f = `${field}[${i}]`;
    const index = i + 1;
    let t: number;
    let value: string;
    if (isPlainObject(item)) {
      for (const k of Object.keys(item)) {
        if (!ENTRY_FIELDS.includes(k)) throw new ScenarioError(`${f}.${k}`, `no such field (allowed: ${ENTRY_FIELDS.join(', ')})`);
      }
      t = termValue(item.term, `${f}.term`, MAX_TERM);
      if (item.value === undefined) value = defaultValue(index, t);
      else if (typeof item.value !== 'string' || item.value.length > MAX_VALUE) {
        throw new ScenarioError(`${f}.value`, `a string of at most ${MAX_VALUE} characters`, item.value);
      } else value = item.value;
    } else {
      t = termValue(item, f, MAX_TERM);
      value = defaultValue(index, t);
    }
    if (t < 1) throw new ScenarioError(f, 'a term of at least 1 (entries are written by a leader of some term)', t);
    if (t > term) throw new ScenarioError(f, `a term at most the node's term (${term})`, t);
    if (t < prevTerm) throw new ScenarioError(f, `a term at least the previous entry's (${prevTerm}): terms never decrease along a log`, t);
    prevTerm = t;
    parent = interner.entry(parent, index, t, value, id, f);
    log.push(parent);
  });
  return log;
}

/** Validate `initial` (may be undefined) into per-node state, keyed by node id. */
export function parseInitial(raw: unknown, nodes: number): Map<number, RaftInitial> {
  const out = new Map<number, RaftInitial>();
  if (raw === undefined) return out;
  if (!isPlainObject(raw)) throw new ScenarioError('initial', 'an object keyed by node id', raw);
  const interner = new Interner();
  // Ascending id order, so "as node N has" names the lowest node and results are deterministic.
  const keys = Object.keys(raw);
  for (const k of keys) {
    if (!/^[1-9][0-9]*$/.test(k) || Number(k) > nodes) {
      throw new ScenarioError(`initial.${k}`, `a node id from 1 to ${nodes} as the key`);
    }
  }
  keys.sort((a, b) => Number(a) - Number(b));
  for (const k of keys) {
    const id = Number(k);
    const f = `initial.${k}`;
    const v = raw[k];
    if (!isPlainObject(v)) throw new ScenarioError(f, 'an object like {"term": 3, "votedFor": 2, "log": [1, 1, 2]}', v);
    for (const name of Object.keys(v)) {
      if (!NODE_FIELDS.includes(name)) throw new ScenarioError(`${f}.${name}`, `no such field (allowed: ${NODE_FIELDS.join(', ')})`);
    }
    // An absent term defaults to the last log term: the least term that can hold the log.
    let term: number;
    if (v.term !== undefined) term = termValue(v.term, `${f}.term`, MAX_TERM);
    else term = Array.isArray(v.log) ? lastListedTerm(v.log) : 0;
    const votedFor = v.votedFor === undefined ? 0 : v.votedFor;
    if (typeof votedFor !== 'number' || !Number.isInteger(votedFor) || votedFor < 0 || votedFor > nodes) {
      throw new ScenarioError(`${f}.votedFor`, `a node id from 1 to ${nodes}, or 0 for none`, votedFor);
    }
    if (votedFor !== 0 && term === 0) throw new ScenarioError(`${f}.votedFor`, '0 while the term is 0 (no election has happened)', votedFor);
    const log = v.log === undefined ? [] : parseLog(v.log, `${f}.log`, term, id, interner);
    out.set(id, { term, votedFor, log });
  }
  return out;
}

/** The largest valid-looking term in a raw log list (validation proper happens in parseLog). */
function lastListedTerm(list: unknown[]): number {
  let t = 0;
  for (const item of list) {
    const x = isPlainObject(item) ? item.term : item;
    if (typeof x === 'number' && Number.isInteger(x) && x > t && x <= MAX_TERM) t = x;
  }
  return t;
}

/**
 * An entry of term t exists only if a leader of term t was elected, by a majority that
 * then had a term of at least t (terms never go down, even across crashes). DESIGN.md's
 * format lets a lesson give only some nodes' state, so such a start is allowed, but it is
 * one Raft could never reach, and the checkers may then flag what follows: say so.
 */
export function initialWarnings(initial: Map<number, unknown>, nodes: number): ScenarioWarning[] {
  const quorum = Math.floor(nodes / 2) + 1;
  const termOf = (id: number) => (initial.get(id) as RaftInitial | undefined)?.term ?? 0;
  const warned = new Set<number>();
  const out: ScenarioWarning[] = [];
  for (const [id, st] of [...initial].sort((a, b) => a[0] - b[0]) as [number, RaftInitial][]) {
    st.log.forEach((e, i) => {
      if (warned.has(e.term)) return;
      let atLeast = 0;
      for (let n = 1; n <= nodes; n++) if (termOf(n) >= e.term) atLeast++;
      if (atLeast >= quorum) return;
      warned.add(e.term);
      out.push({
        field: `initial.${id}.log[${i}]`,
        code: 'termWithoutMajority',
        args: { node: id, index: i + 1, term: e.term, atLeast, quorum, nodes },
        message: `n${id} holds an entry of term ${e.term}, but only ${atLeast} of ${nodes} nodes have a term of at least ${e.term}; its leader needed a majority (${quorum}), so Raft could not reach this state and the checkers may flag what follows`,
      });
    });
  }
  return out;
}
