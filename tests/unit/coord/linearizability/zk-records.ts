/** Building ZkOpRecords by hand for the ZooKeeper checker's tests. */
import type { SessionId, ZkError, ZkOpName, ZkOpRecord } from '../../../../src/core/coord/zookeeper/types';
import { sessionIdOf } from '../../../../src/core/coord/zookeeper/types';

/** Client c's first session (as server 1 would number it). */
export const S = (c: number): SessionId => sessionIdOf(1, c);

export function rec(client: number, op: ZkOpName, args: Record<string, unknown>, invoke: number, complete: number | null, outcome: { result: unknown } | { error: ZkError }, session = S(client)): ZkOpRecord {
  const ok = 'result' in outcome;
  return { client, op, args, invoke, complete, ok, result: ok ? outcome.result : null, error: ok ? null : outcome.error, session, zxid: 0 };
}

export const okr = (result: unknown) => ({ result });
export const err = (error: ZkError) => ({ error });

export const create = (c: number, path: string, data: string, t: [number, number | null], out: { result: unknown } | { error: ZkError }, flags: { ephemeral?: boolean; sequential?: boolean } = {}, session?: SessionId) =>
  rec(c, 'create', { path, data, ephemeral: flags.ephemeral ?? false, sequential: flags.sequential ?? false }, t[0], t[1], out, session);
export const setData = (c: number, path: string, data: string, version: number, t: [number, number | null], out: { result: unknown } | { error: ZkError }) => rec(c, 'setData', { path, data, version }, t[0], t[1], out);
export const del = (c: number, path: string, t: [number, number | null], out: { result: unknown } | { error: ZkError }, version = -1) => rec(c, 'delete', { path, version }, t[0], t[1], out);
export const getData = (c: number, path: string, t: [number, number | null], out: { result: unknown } | { error: ZkError }, session?: SessionId) => rec(c, 'getData', { path, watch: false }, t[0], t[1], out, session);
export const exists = (c: number, path: string, t: [number, number | null], out: { result: unknown } | { error: ZkError }, session?: SessionId) => rec(c, 'exists', { path, watch: false }, t[0], t[1], out, session);
export const children = (c: number, path: string, t: [number, number | null], out: { result: unknown } | { error: ZkError }) => rec(c, 'getChildren', { path, watch: false }, t[0], t[1], out);
export const sync = (c: number, path: string, t: [number, number | null]) => rec(c, 'sync', { path }, t[0], t[1], okr(path));
export const close = (c: number, t: [number, number | null]) => rec(c, 'close', {}, t[0], t[1], okr(null));
/** getData's result with the stat fields a test cares about. */
export const data = (d: string, version: number) => okr({ data: d, stat: { version } });
