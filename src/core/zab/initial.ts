/**
 * ZAB's `initial`: per-server persistent state at time 0, keyed by server id:
 * `{ "2": { "history": ["0x100000001", {"zxid": "0x100000002", "value": "x=1"}],
 *           "acceptedEpoch": 1, "currentEpoch": 1 } }`.
 * Zxids are written as ZooKeeper prints them (hex). acceptedEpoch and currentEpoch default
 * to the last zxid's epoch (0 for an empty history).
 */
import { ScenarioError, isPlainObject, type ScenarioWarning } from '../protocol';
import { epochOf, counterOf, zxidHex, zxidOf, type Txn, type Zxid } from './types';

export interface ZabInitial {
  history: readonly Txn[];
  acceptedEpoch: number;
  currentEpoch: number;
}

const NODE_FIELDS = ['history', 'acceptedEpoch', 'currentEpoch'];
const TXN_FIELDS = ['zxid', 'value'];
/** Epochs stay below 2^20 so a zxid is exact as a number (types.ts). */
export const MAX_EPOCH = 1 << 20;
const MAX_COUNTER = 0xffffffff;
const MAX_HISTORY = 100_000;
const MAX_VALUE = 200;

/** The value of a transaction written as a bare zxid: `e1.3` for epoch 1, counter 3. */
export function defaultValue(z: Zxid): string {
  return `e${epochOf(z)}.${counterOf(z)}`;
}

function parseZxid(v: unknown, field: string): Zxid {
  if (typeof v !== 'string' || !/^0x[0-9a-fA-F]{1,13}$/.test(v)) {
    throw new ScenarioError(field, 'a zxid in hex as ZooKeeper prints it, e.g. "0x100000003" (epoch 1, counter 3)', v);
  }
  const hex = v.slice(2);
  const epoch = hex.length > 8 ? parseInt(hex.slice(0, hex.length - 8), 16) : 0;
  const counter = parseInt(hex.slice(-8), 16);
  if (epoch < 1 || epoch >= MAX_EPOCH) throw new ScenarioError(field, `a zxid whose epoch (the high 32 bits) is from 1 to ${MAX_EPOCH - 1}`, v);
  if (counter === 0) throw new ScenarioError(field, 'a zxid with a counter of at least 1 (counter 0 names a new epoch, never a transaction)', v);
  if (counter > MAX_COUNTER) throw new ScenarioError(field, 'a 32-bit counter', v);
  return zxidOf(epoch, counter);
}

function epochField(v: unknown, field: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= MAX_EPOCH) {
    throw new ScenarioError(field, `an integer epoch from 0 to ${MAX_EPOCH - 1}`, v);
  }
  return v;
}

/** Validate `initial` (may be undefined) into per-server state, keyed by server id. */
export function parseInitial(raw: unknown, nodes: number): Map<number, ZabInitial> {
  const out = new Map<number, ZabInitial>();
  if (raw === undefined) return out;
  if (!isPlainObject(raw)) throw new ScenarioError('initial', 'an object keyed by server id', raw);
  const keys = Object.keys(raw);
  for (const k of keys) {
    if (!/^[1-9][0-9]*$/.test(k) || Number(k) > nodes) throw new ScenarioError(`initial.${k}`, `a server id from 1 to ${nodes} as the key`);
  }
  keys.sort((a, b) => Number(a) - Number(b));
  /** zxid → the transaction first listed with it and by whom: one zxid names one transaction everywhere. */
  const byZxid = new Map<Zxid, { txn: Txn; node: number }>();
  for (const k of keys) {
    const id = Number(k);
    const f = `initial.${k}`;
    const v = raw[k];
    if (!isPlainObject(v)) throw new ScenarioError(f, 'an object like {"history": ["0x100000001"], "acceptedEpoch": 1, "currentEpoch": 1}', v);
    for (const name of Object.keys(v)) {
      if (!NODE_FIELDS.includes(name)) throw new ScenarioError(`${f}.${name}`, `no such field (allowed: ${NODE_FIELDS.join(', ')})`);
    }
    const history: Txn[] = [];
    if (v.history !== undefined) {
      if (!Array.isArray(v.history)) throw new ScenarioError(`${f}.history`, 'a list of zxids like ["0x100000001"] or of {"zxid", "value"}', v.history);
      if (v.history.length > MAX_HISTORY) throw new ScenarioError(`${f}.history`, `at most ${MAX_HISTORY} transactions`, v.history.length);
      v.history.forEach((item: unknown, i: number) => {
        const hf = `${f}.history[${i}]`;
        let z: Zxid;
        let value: string;
        if (isPlainObject(item)) {
          for (const name of Object.keys(item)) {
            if (!TXN_FIELDS.includes(name)) throw new ScenarioError(`${hf}.${name}`, `no such field (allowed: ${TXN_FIELDS.join(', ')})`);
          }
          z = parseZxid(item.zxid, `${hf}.zxid`);
          if (item.value === undefined) value = defaultValue(z);
          else if (typeof item.value !== 'string' || item.value.length > MAX_VALUE) throw new ScenarioError(`${hf}.value`, `a string of at most ${MAX_VALUE} characters`, item.value);
          else value = item.value;
        } else {
          z = parseZxid(item, hf);
          value = defaultValue(z);
        }
        const prev = history.length > 0 ? history[history.length - 1].zxid : 0;
        if (z <= prev) throw new ScenarioError(hf, `a zxid above the previous one (${zxidHex(prev)}): a history is in zxid order`, zxidHex(z));
        const seen = byZxid.get(z);
        let txn: Txn;
        if (seen === undefined) {
          txn = Object.freeze({ zxid: z, value });
          byZxid.set(z, { txn, node: id });
        } else if (seen.txn.value !== value) {
          throw new ScenarioError(hf, `the value server ${seen.node} has at ${zxidHex(z)} (${JSON.stringify(seen.txn.value)}): one zxid names one transaction`, value);
        } else txn = seen.txn;
        history.push(txn);
      });
    }
    const lastEpoch = history.length > 0 ? epochOf(history[history.length - 1].zxid) : 0;
    const currentEpoch = v.currentEpoch === undefined ? lastEpoch : epochField(v.currentEpoch, `${f}.currentEpoch`);
    const acceptedEpoch = v.acceptedEpoch === undefined ? Math.max(lastEpoch, currentEpoch) : epochField(v.acceptedEpoch, `${f}.acceptedEpoch`);
    if (currentEpoch > acceptedEpoch) {
      throw new ScenarioError(`${f}.currentEpoch`, `at most acceptedEpoch (${acceptedEpoch}): an epoch is accepted before it becomes current`, currentEpoch);
    }
    if (currentEpoch < lastEpoch) {
      throw new ScenarioError(`${f}.currentEpoch`, `at least the last zxid's epoch (${lastEpoch}): a server logs an epoch's proposals only after NEWLEADER made it current`, currentEpoch);
    }
    out.set(id, { history, acceptedEpoch, currentEpoch });
  }
  return out;
}

/**
 * A transaction of epoch e exists only if a leader of e got a quorum of ACKEPOCHs, each of
 * which raised that follower's acceptedEpoch to e (it never goes down). A start where
 * fewer than a quorum have acceptedEpoch ≥ e is one ZooKeeper could not reach: say so.
 */
export function initialWarnings(initial: Map<number, unknown>, nodes: number): ScenarioWarning[] {
  const q = Math.floor(nodes / 2) + 1;
  const acc = (id: number) => (initial.get(id) as ZabInitial | undefined)?.acceptedEpoch ?? 0;
  const warned = new Set<number>();
  const out: ScenarioWarning[] = [];
  for (const [id, st] of [...initial].sort((a, b) => a[0] - b[0]) as [number, ZabInitial][]) {
    st.history.forEach((t, i) => {
      const e = epochOf(t.zxid);
      if (warned.has(e)) return;
      let atLeast = 0;
      for (let n = 1; n <= nodes; n++) if (acc(n) >= e) atLeast++;
      if (atLeast >= q) return;
      warned.add(e);
      out.push({
        field: `initial.${id}.history[${i}]`,
        code: 'epochWithoutQuorum',
        args: { node: id, zxid: zxidHex(t.zxid), epoch: e, atLeast, quorum: q, nodes },
        message: `n${id} holds ${zxidHex(t.zxid)} of epoch ${e}, but only ${atLeast} of ${nodes} servers have accepted epoch ${e} or later; its leader needed a quorum (${q}) of epoch acks, so ZooKeeper could not reach this state and the checkers may flag what follows`,
      });
    });
  }
  return out;
}
