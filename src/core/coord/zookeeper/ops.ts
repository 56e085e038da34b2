/**
 * A ZooKeeper client operation as a scenario writes it (DESIGN.md, "The coordination
 * layer"): `{ "at": T, "do": "client", "client": C, "op": OP, ...args }`. This file
 * validates the op and its arguments, fills in the defaults, and goes back the other way
 * for the CLI's `args` and for writing a scenario out again.
 *
 * Defaults (the Java client's, where it has one): connect `sessionTimeoutMs` 30000 and no
 * `server` (the client then picks 1 + (c − 1) mod servers); create `data` "", `ephemeral`
 * and `sequential` false; delete and setData `version` −1 (any version); setData `data` "";
 * getData / exists / getChildren `watch` false.
 *
 * Paths are only checked to be strings here: a malformed path ("a/b", "/a/") is a
 * legitimate scenario whose op fails `BadArguments`, as the Java client's
 * PathUtils.validatePath refuses it before anything is sent.
 */
import { ScenarioError } from '../../protocol';
import { ZK_OP_NAMES, type ZkOp, type ZkOpName } from './types';

/** The action's own fields, which the simulator reads (not the op's). */
const ACTION_FIELDS = ['at', 'do', 'client', 'op'] as const;

/** Each op's argument fields, in the order `zkOpArgs` lists them. */
export const ZK_OP_FIELDS: { readonly [K in ZkOpName]: readonly string[] } = {
  connect: ['server', 'sessionTimeoutMs'],
  create: ['path', 'data', 'ephemeral', 'sequential'],
  delete: ['path', 'version'],
  setData: ['path', 'data', 'version'],
  getData: ['path', 'watch'],
  exists: ['path', 'watch'],
  getChildren: ['path', 'watch'],
  sync: ['path'],
  close: [],
  lock: ['path'],
  unlock: ['path'],
  pause: ['ms'],
};

export const DEFAULT_SESSION_TIMEOUT_MS = 30000;
/** Longest path and data a scenario may carry (ZooKeeper's own limit, jute.maxbuffer, is 1 MB). */
export const MAX_PATH_CHARS = 200;
export const MAX_DATA_CHARS = 4096;
/** As the scenario format's `at` (MAX_TIME_MS in src/sim/scenario.ts). */
const MAX_MS = 1_000_000_000;
const INT32_MAX = 0x7fffffff;

function int(v: unknown, field: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new ScenarioError(field, `an integer from ${min} to ${max}`, v);
  }
  return v;
}

function str(v: unknown, field: string, max: number, what: string): string {
  if (typeof v !== 'string' || v.length > max) throw new ScenarioError(field, `${what} of at most ${max} characters`, v);
  return v;
}

function bool(v: unknown, field: string): boolean {
  if (typeof v !== 'boolean') throw new ScenarioError(field, 'true or false', v);
  return v;
}

/**
 * Validate one `{do: "client", …}` action's op and arguments (`field` names the action,
 * e.g. `script[3]`, so errors read `script[3].path: expected …`). Unknown fields are
 * refused; `at`, `do` and `client` are the simulator's to check.
 */
export function parseZkOp(raw: Record<string, unknown>, field: string, servers: number): ZkOp {
  const name = raw.op;
  if (typeof name !== 'string' || !(ZK_OP_NAMES as readonly string[]).includes(name)) {
    throw new ScenarioError(`${field}.op`, `one of ${ZK_OP_NAMES.join(', ')}`, name);
  }
  const op = name as ZkOpName;
  const allowed: readonly string[] = [...ACTION_FIELDS, ...ZK_OP_FIELDS[op]];
  for (const k of Object.keys(raw)) {
    if (!allowed.includes(k)) {
      throw new ScenarioError(`${field}.${k}`, `no such field for op ${op} (allowed: ${allowed.join(', ')})`);
    }
  }
  const f = (k: string): string => `${field}.${k}`;
  const path = (): string => {
    const p = str(raw.path, f('path'), MAX_PATH_CHARS, 'a znode path such as "/lock"');
    if (p.length === 0) throw new ScenarioError(f('path'), 'a znode path such as "/lock"', p);
    return p;
  };
  const data = (): string => (raw.data === undefined ? '' : str(raw.data, f('data'), MAX_DATA_CHARS, 'a string'));
  const version = (): number => (raw.version === undefined ? -1 : int(raw.version, f('version'), -1, INT32_MAX));
  const watch = (): boolean => (raw.watch === undefined ? false : bool(raw.watch, f('watch')));
  const flag = (k: string): boolean => (raw[k] === undefined ? false : bool(raw[k], f(k)));
  switch (op) {
    case 'connect': {
      const o: ZkOp = {
        op,
        sessionTimeoutMs: raw.sessionTimeoutMs === undefined ? DEFAULT_SESSION_TIMEOUT_MS : int(raw.sessionTimeoutMs, f('sessionTimeoutMs'), 1, MAX_MS),
      };
      if (raw.server !== undefined) o.server = int(raw.server, f('server'), 1, servers);
      return o;
    }
    case 'create':
      return { op, path: path(), data: data(), ephemeral: flag('ephemeral'), sequential: flag('sequential') };
    case 'delete':
      return { op, path: path(), version: version() };
    case 'setData':
      return { op, path: path(), data: data(), version: version() };
    case 'getData':
    case 'exists':
    case 'getChildren':
      return { op, path: path(), watch: watch() };
    case 'sync':
    case 'lock':
    case 'unlock':
      return { op, path: path() };
    case 'close':
      return { op };
    case 'pause':
      return { op, ms: int(raw.ms, f('ms'), 1, MAX_MS) };
  }
}

/**
 * The CLI's `args` of an op: every argument the op ran with, defaults included (so the
 * printed history says what happened without knowing the defaults), in ZK_OP_FIELDS
 * order; `connect` lists `server` only when the scenario named one (else the client's
 * own choice, visible in its events and view).
 */
export function zkOpArgs(op: ZkOp): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const rec = op as unknown as Record<string, unknown>;
  for (const k of ZK_OP_FIELDS[op.op]) if (rec[k] !== undefined) out[k] = rec[k];
  return out;
}

/**
 * The inverse of parseZkOp, for writing a scenario out (the URL, "save"): `op` and the
 * arguments that differ from their defaults, so a scenario written back is as short as
 * the one read, and parseZkOp of the result gives `op` again.
 */
export function zkOpFields(op: ZkOp): Record<string, unknown> {
  const out: Record<string, unknown> = { op: op.op };
  const args = zkOpArgs(op);
  for (const [k, v] of Object.entries(args)) {
    const isDefault =
      (k === 'sessionTimeoutMs' && v === DEFAULT_SESSION_TIMEOUT_MS) ||
      (k === 'version' && v === -1) ||
      (k === 'data' && v === '') ||
      ((k === 'watch' || k === 'ephemeral' || k === 'sequential') && v === false);
    if (!isDefault) out[k] = v;
  }
  return out;
}
