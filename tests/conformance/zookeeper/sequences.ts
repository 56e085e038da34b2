/**
 * The conformance sequences, as data: client operations named as in types.ts `ZkOp`, plus
 * the two steps the harness needs, `expire` (client C goes silent until the server has
 * expired its session) and `wait`. Every sequence runs on a fresh model and, on the real
 * side, under a chroot of its own on a shared server, so its paths start at "/app"-like
 * nodes it creates itself (never "/" — the model's root holds /zookeeper, a chroot's not).
 *
 * Sessions default to 4000 ms (the maximum at tickTime 200) so a loaded machine never
 * expires one by accident; a client that is to expire asks 1000 ms to keep the wait short.
 */
import type { ZkOp, ZkRequest } from '../../../src/core/coord/zookeeper/types';

type Connect = Extract<ZkOp, { op: 'connect' }>;
export type Step =
  | ({ client: number } & (Connect | ZkRequest))
  | { client: number; op: 'expire' }
  /** The client's connection drops and stays down; its session lives on (for its timeout). */
  | { client: number; op: 'cut' }
  /** The cut client reconnects (to `server`, else its default) with its session and watches. */
  | { client: number; op: 'reconnect'; server?: number }
  | { op: 'wait'; ms: number };

export interface Sequence {
  name: string;
  steps: Step[];
  /** Also run on the three-server ensemble, clients spread over the servers. */
  ensemble?: boolean;
  /** A known model bug (reported to zk-model): the comparison is expected to fail (it.fails). */
  modelBug?: string;
}

// ---- builders (defaults as DESIGN.md gives them) --------------------------------------

const SESSION_MS = 4000;
const DOOMED_MS = 1000;

export const connect = (client: number, sessionTimeoutMs = SESSION_MS, server?: number): Step => ({ client, op: 'connect', sessionTimeoutMs, ...(server === undefined ? {} : { server }) });
export const create = (client: number, path: string, data = '', mode: '' | 'e' | 's' | 'es' = ''): Step => ({
  client,
  op: 'create',
  path,
  data,
  ephemeral: mode.includes('e'),
  sequential: mode.includes('s'),
});
export const del = (client: number, path: string, version = -1): Step => ({ client, op: 'delete', path, version });
export const setData = (client: number, path: string, data: string, version = -1): Step => ({ client, op: 'setData', path, data, version });
export const getData = (client: number, path: string, watch = false): Step => ({ client, op: 'getData', path, watch });
export const exists = (client: number, path: string, watch = false): Step => ({ client, op: 'exists', path, watch });
export const children = (client: number, path: string, watch = false): Step => ({ client, op: 'getChildren', path, watch });
export const sync = (client: number, path: string): Step => ({ client, op: 'sync', path });
export const close = (client: number): Step => ({ client, op: 'close' });
export const expire = (client: number): Step => ({ client, op: 'expire' });
export const wait = (ms: number): Step => ({ op: 'wait', ms });
export const cut = (client: number): Step => ({ client, op: 'cut' });
export const reconnect = (client: number, server?: number): Step => ({ client, op: 'reconnect', ...(server === undefined ? {} : { server }) });

const lockNode = (n: number) => `/lock/lock-${String(n).padStart(10, '0')}`;

// ---- the sequences --------------------------------------------------------------------

export const SEQUENCES: Sequence[] = [
  {
    name: 'CRUD with versions: setData and delete check the version (-1 = any)',
    ensemble: true,
    steps: [
      connect(1),
      create(1, '/app', 'v0'),
      getData(1, '/app'),
      setData(1, '/app', 'v1', 0),
      setData(1, '/app', 'v2', 0),
      setData(1, '/app', 'v2', -1),
      getData(1, '/app'),
      del(1, '/app', 1),
      del(1, '/app', 2),
      exists(1, '/app'),
      getData(1, '/app'),
    ],
  },
  {
    name: 'stat fields: dataLength, numChildren, cversion, pzxid and zxid order',
    steps: [
      connect(1),
      connect(2),
      create(1, '/app', 'hello'),
      create(1, '/app/a', 'x'),
      create(2, '/app/b', ''),
      getData(1, '/app'),
      setData(2, '/app', ''),
      exists(1, '/app'),
      del(1, '/app/a'),
      exists(1, '/app'),
      getData(2, '/app/b'),
      setData(1, '/app/b', 'four'),
      setData(1, '/app/b', 'four'),
    ],
  },
  {
    name: 'NoNode: every op on a missing node, and create under a missing parent',
    steps: [
      connect(1),
      create(1, '/app'),
      create(1, '/app/missing/child', 'x'),
      create(1, '/app/missing/child', 'x', 'es'),
      del(1, '/app/nope'),
      del(1, '/app/nope', 3),
      setData(1, '/app/nope', 'x'),
      setData(1, '/app/nope', 'x', 7),
      getData(1, '/app/nope'),
      children(1, '/app/nope'),
      exists(1, '/app/nope'),
    ],
  },
  {
    name: 'NodeExists: a second create of a path, persistent or ephemeral, by the same or another session',
    steps: [
      connect(1),
      connect(2),
      create(1, '/app'),
      create(1, '/app'),
      create(2, '/app', 'other'),
      create(2, '/app/e', '', 'e'),
      create(1, '/app/e', '', 'e'),
      create(1, '/app/e'),
      getData(1, '/app'),
    ],
  },
  {
    name: 'NotEmpty and BadVersion on delete: which wins on a node with children and a wrong version',
    steps: [
      connect(1),
      create(1, '/app'),
      create(1, '/app/k'),
      del(1, '/app'),
      del(1, '/app', 5),
      del(1, '/app', 0),
      del(1, '/app/k', 1),
      del(1, '/app/k', 0),
      del(1, '/app', 0),
      exists(1, '/app'),
    ],
  },
  {
    name: 'NoChildrenForEphemerals: no child, sequential or not, under an ephemeral node',
    steps: [
      connect(1),
      connect(2),
      create(1, '/app'),
      create(1, '/app/e', 'eph', 'e'),
      create(1, '/app/e/x'),
      create(2, '/app/e/x', '', 'es'),
      create(1, '/app/e/x', '', 's'),
      getData(1, '/app/e'),
      children(1, '/app/e'),
    ],
  },
  {
    name: 'BadArguments: malformed paths (the Java client refuses them before sending, with the same PathUtils check the server makes)',
    steps: [
      connect(1),
      create(1, '/app'),
      create(1, 'app/x'),
      create(1, '/app/'),
      create(1, '/app//x'),
      create(1, '/app/./x'),
      getData(1, '/app/..'),
      setData(1, 'app', 'x'),
      del(1, '/app/'),
      exists(1, '/app/x/'),
      children(1, ''),
      getData(1, '/app'),
    ],
  },
  {
    name: 'SessionExpired after close: every op of a closed client, while others still see its writes',
    steps: [
      connect(1),
      connect(2),
      create(1, '/app', 'mine'),
      close(1),
      create(1, '/app/x'),
      getData(1, '/app'),
      exists(1, '/app'),
      setData(1, '/app', 'y'),
      children(1, '/app'),
      getData(2, '/app'),
    ],
  },
  {
    name: 'session timeout negotiation: asked below 2×tickTime or above 20×tickTime is clamped',
    steps: [connect(1, 100), connect(2, 60000), connect(3, 1000), connect(4, 400), connect(5, 4001), connect(6, 399)],
  },
  {
    name: 'sequential naming: the suffix after deletes and after a plain create under the same parent',
    ensemble: true,
    steps: [
      connect(1),
      connect(2),
      create(1, '/q'),
      create(1, '/q/n-', 'a', 's'),
      create(2, '/q/n-', 'b', 's'),
      create(1, '/q/n-', 'c', 's'),
      del(2, '/q/n-0000000001'),
      create(1, '/q/n-', 'd', 's'),
      getData(1, '/q'),
      create(2, '/q/plain'),
      create(2, '/q/n-', 'e', 'es'),
      del(1, '/q/n-0000000000'),
      del(1, '/q/n-0000000002'),
      create(1, '/q/n-', 'f', 's'),
      children(2, '/q'),
      exists(2, '/q'),
      create(1, '/q/n-0000000099'),
      create(1, '/q/x', '', 's'),
    ],
  },
  {
    name: 'ephemerals on close: deleted with the session, watchers told; another session may delete one',
    ensemble: true,
    steps: [
      connect(1),
      connect(2),
      create(1, '/app'),
      create(2, '/app/e', 'eph', 'e'),
      create(2, '/app/f', '', 'e'),
      create(2, '/app/g', '', 'es'),
      exists(1, '/app/e', true),
      getData(2, '/app/e'),
      del(1, '/app/f'),
      children(1, '/app', true),
      close(2),
      children(1, '/app'),
      exists(1, '/app/e'),
      exists(1, '/app/g0000000002'),
    ],
  },
  {
    name: 'ephemerals on expiry: the server expires a silent session and deletes its ephemerals, watchers told',
    steps: [
      connect(1),
      connect(2, DOOMED_MS),
      create(1, '/app'),
      create(2, '/app/e', 'eph', 'e'),
      create(2, '/app/s-', '', 'es'),
      exists(1, '/app/e', true),
      children(1, '/app', true),
      getData(1, '/app/s-0000000001', true),
      expire(2),
      children(1, '/app'),
      getData(2, '/app'),
      create(2, '/app/e2', '', 'e'),
      create(1, '/app/e', 'again', 'e'),
      getData(1, '/app/e'),
    ],
  },
  {
    name: 'data watch via getData: fires NodeDataChanged once, then needs setting again',
    steps: [
      connect(1),
      connect(2),
      create(1, '/app', 'a'),
      getData(1, '/app', true),
      setData(2, '/app', 'b'),
      setData(2, '/app', 'c'),
      getData(1, '/app', true),
      getData(1, '/app', true),
      setData(2, '/app', 'd'),
      setData(2, '/app', 'e'),
      getData(1, '/app', false),
      setData(2, '/app', 'f'),
    ],
  },
  {
    name: 'exists watch on a present node: NodeDataChanged, then (set again) NodeDeleted',
    steps: [
      connect(1),
      connect(2),
      create(1, '/app', 'a'),
      exists(1, '/app', true),
      setData(2, '/app', 'b'),
      setData(2, '/app', 'c'),
      exists(1, '/app', true),
      del(2, '/app'),
      create(2, '/app'),
    ],
  },
  {
    name: 'exists watch on a missing node: NodeCreated once, not the later delete',
    ensemble: true,
    steps: [
      connect(1),
      connect(2),
      create(1, '/app'),
      exists(1, '/app/x', true),
      create(2, '/app/x', 'new'),
      del(2, '/app/x'),
      create(2, '/app/x'),
      exists(1, '/app/y', true),
      exists(1, '/app/y', true),
      create(2, '/app/y', '', 'e'),
    ],
  },
  {
    name: 'child watch via getChildren: NodeChildrenChanged once, not for data changes of the parent or a child',
    ensemble: true,
    steps: [
      connect(1),
      connect(2),
      create(1, '/app'),
      children(1, '/app', true),
      setData(2, '/app', 'data'),
      create(2, '/app/a'),
      create(2, '/app/b'),
      children(1, '/app', true),
      setData(2, '/app/a', 'x'),
      create(2, '/app/a/deeper'),
      del(2, '/app/b'),
      children(1, '/app', true),
      del(2, '/app/a/deeper'),
      del(2, '/app/a'),
    ],
  },
  {
    name: 'a getData watch does not fire on a child change; a child watch on a node fires NodeDeleted when it goes',
    steps: [
      connect(1),
      connect(2),
      create(1, '/app'),
      create(1, '/app/k'),
      getData(1, '/app', true),
      children(1, '/app/k', true),
      create(2, '/app/j'),
      del(2, '/app/j'),
      del(2, '/app/k'),
      setData(2, '/app', 'now'),
    ],
  },
  {
    name: 'the delete that fires a data and a child watch of one client: one NodeDeleted, and the parent child watch',
    ensemble: true,
    steps: [
      connect(1),
      connect(2),
      create(1, '/app'),
      create(1, '/app/x', 'x'),
      getData(1, '/app/x', true),
      children(1, '/app/x', true),
      exists(1, '/app/x', true),
      children(1, '/app', true),
      getData(2, '/app/x', true),
      del(2, '/app/x'),
      create(2, '/app/x'),
    ],
  },
  {
    name: 'watches of several clients on one change, the writer own watch included',
    steps: [
      connect(1),
      connect(2),
      connect(3),
      create(1, '/app', 'a'),
      getData(1, '/app', true),
      exists(2, '/app', true),
      exists(3, '/app', true),
      setData(3, '/app', 'b'),
      children(2, '/app', true),
      getData(3, '/app', true),
      create(1, '/app/c'),
      del(1, '/app/c'),
      setData(1, '/app', 'c'),
    ],
  },
  {
    name: 'a watch set by a closed session never fires; its ephemerals go with it',
    steps: [
      connect(1),
      connect(2),
      create(1, '/app'),
      getData(2, '/app', true),
      children(2, '/app', true),
      close(2),
      setData(1, '/app', 'x'),
      create(1, '/app/k'),
      getData(1, '/app'),
    ],
  },
  {
    name: 'a closing client own watches on its own ephemerals: what close() delivers to it, and what another watcher gets',
    steps: [
      connect(1),
      connect(2),
      create(1, '/app'),
      create(1, '/app/mine', '', 'e'),
      create(1, '/app/seq-', '', 'es'),
      exists(1, '/app/mine', true),
      children(1, '/app', true),
      getData(2, '/app/mine', true),
      close(1),
      children(2, '/app'),
    ],
  },
  {
    name: 'configuration pushed to watchers: every watcher told once per change it watched',
    ensemble: true,
    steps: [
      connect(1),
      connect(2),
      connect(3),
      create(1, '/config', 'v1'),
      getData(2, '/config', true),
      getData(3, '/config', true),
      setData(1, '/config', 'v2'),
      sync(2, '/config'),
      getData(2, '/config', true),
      sync(3, '/config'),
      getData(3, '/config'),
      setData(1, '/config', 'v3', 1),
      setData(1, '/config', 'v4', 1),
      sync(2, '/config'),
      getData(2, '/config'),
    ],
  },
  {
    name: 'the lock with three clients: the holder dies (its session expires) and only the next waiter is told',
    ensemble: true,
    steps: [
      connect(1, DOOMED_MS),
      connect(2),
      connect(3),
      create(2, '/lock'),
      create(1, '/lock/lock-', '', 'es'),
      create(2, '/lock/lock-', '', 'es'),
      create(3, '/lock/lock-', '', 'es'),
      children(1, '/lock'),
      children(2, '/lock'),
      exists(2, lockNode(0), true),
      children(3, '/lock'),
      exists(3, lockNode(1), true),
      expire(1),
      children(2, '/lock'),
      exists(3, lockNode(1)),
      del(2, lockNode(1)),
      children(3, '/lock'),
      close(3),
      children(2, '/lock'),
      getData(2, '/lock'),
    ],
  },
  {
    name: 'a sequential name that already exists: NodeExists, and the counter does not move until a create succeeds',
    steps: [
      connect(1),
      create(1, '/q'),
      create(1, '/q/n-0000000001'),
      create(1, '/q/n-', '', 's'),
      create(1, '/q/n-', '', 's'),
      create(1, '/q/other'),
      create(1, '/q/n-', '', 's'),
      exists(1, '/q'),
      create(1, '/q/', 'trailing slash is allowed for a sequential create', 's'),
      create(1, '/q/', 'not for a plain one'),
      children(1, '/q'),
    ],
  },
  {
    name: 'watches that a failed read does not set: getData and getChildren on a missing node (exists does set one)',
    steps: [
      connect(1),
      connect(2),
      create(1, '/app'),
      getData(1, '/app/x', true),
      children(1, '/app/y', true),
      exists(1, '/app/z', true),
      create(2, '/app/x'),
      create(2, '/app/y'),
      create(2, '/app/y/kid'),
      create(2, '/app/z'),
      setData(2, '/app/x', 'x'),
    ],
  },
  {
    name: 'one client, a getData and an exists watch on one node: one NodeDataChanged; a deleted and re-created node starts at version 0',
    steps: [
      connect(1),
      connect(2),
      create(1, '/app', 'a'),
      getData(1, '/app', true),
      exists(1, '/app', true),
      setData(2, '/app', 'b'),
      setData(2, '/app', 'c', 1),
      del(2, '/app', 2),
      create(2, '/app', 'again'),
      getData(1, '/app'),
      setData(1, '/app', 'd', 1),
      setData(1, '/app', 'd', 0),
    ],
  },
  {
    name: 'dataLength counts UTF-8 bytes; data round-trips',
    steps: [
      connect(1),
      create(1, '/app', 'héllo'),
      getData(1, '/app'),
      setData(1, '/app', '中文'),
      getData(1, '/app'),
      setData(1, '/app', '🦓 + z'),
      exists(1, '/app'),
      setData(1, '/app', ''),
      getData(1, '/app'),
    ],
  },
  {
    name: 'close twice, and close after expiry: the Java client returns normally (ZooKeeper.close on a dead handle does nothing)',
    // MODEL BUG: Standalone.close on a session that is already closed or expired answers
    // SessionExpired (it logs a closeSession txn, which applyCloseSession refuses); the
    // Java client's close() on a handle that is no longer alive returns without sending
    // anything (ZooKeeper.close: "Close called on already closed client" — read in the
    // 3.8.0 jar's bytecode: `if (!cnxn.getState().isAlive()) return`).
    steps: [connect(1), connect(2, DOOMED_MS), create(1, '/app'), close(1), close(1), expire(2), close(2), exists(1, '/app')],
  },
  {
    name: 'sync on a malformed path: BadArguments (the Java client checks the path first, as for every op)',
    // MODEL BUG: Standalone.run's sync answers SessionExpired whenever its internal exists
    // read fails, so a malformed path gets SessionExpired instead of BadArguments (3.8.0's
    // ZooKeeper.sync starts with PathUtils.validatePath, like every other op).
    steps: [connect(1), create(1, '/app'), sync(1, 'app'), sync(1, '/app/'), sync(1, '/app')],
  },
  {
    name: 'a reconnected client is a new session: its old ephemerals are gone, new ones are its own',
    steps: [
      connect(1),
      connect(2),
      create(1, '/app'),
      create(2, '/app/e', '', 'e'),
      close(2),
      connect(2),
      exists(2, '/app/e'),
      create(2, '/app/e', '', 'e'),
      getData(1, '/app/e'),
      getData(2, '/app/e'),
    ],
  },
  {
    name: 'a client cut off and reconnected (to another server) within its timeout keeps its session, ephemerals and watches; what changed meanwhile fires at once',
    ensemble: true,
    steps: [
      connect(1),
      connect(2),
      create(1, '/app'),
      create(1, '/app/e', 'mine', 'e'),
      create(1, '/app/same', 's'),
      create(1, '/app/changed', 'c'),
      create(1, '/app/gone', 'g'),
      getData(1, '/app/same', true),
      getData(1, '/app/changed', true),
      exists(1, '/app/gone', true),
      exists(1, '/app/new', true),
      children(1, '/app', true),
      cut(1),
      setData(2, '/app/changed', 'x'),
      del(2, '/app/gone'),
      create(2, '/app/new', 'n'),
      reconnect(1, 2),
      exists(1, '/app/e'),
      setData(2, '/app/same', 'y'),
      setData(2, '/app/changed', 'z'),
      create(2, '/app/later'),
    ],
  },
  {
    name: 'sync: succeeds on a present and on a missing path, and fails after close',
    steps: [connect(1), create(1, '/app'), sync(1, '/app'), sync(1, '/app/none'), close(1), sync(1, '/app')],
  },
];
