/**
 * The consistent-hash ring as the simulator sees it: storage nodes 1..24 that heartbeat
 * (node.ts), the router at HUB_ID that runs the failure detector and owns the ring
 * (router.ts, detector.ts), the placement layer underneath (placement.ts and the schemes),
 * the invariant monitor (checkers.ts), the UI's queries (queries.ts), and what the UI and
 * the CLI show.
 */
import { HUB_ID, SIM_NOTE_BASE, ScenarioError, type ClientReplyInfo, type MessageLook, type NetworkConfig, type ProtocolDef, type WorldView } from '../protocol';
import { networkFieldsOf } from '../config-fields';
import { createHashringMonitor } from './checkers';
import { parseConfig } from './config';
import { createStorageNode, crashNode, nodeReceive, nodeTimer, startNode, type StorageNode } from './node';
import { queryRing } from './queries';
import {
  createRouter,
  placementOf,
  restoreRouter,
  routerMemberChanged,
  routerReceive,
  routerTimer,
  routerView,
  snapshotRouter,
  startRouter,
  type Router,
  type RouterSnap,
} from './router';
import {
  HASHRING_BUGS,
  HASHRING_CAPACITY,
  HashringMsgKind,
  HashringNote,
  HashringNotes,
  type HashringConfig,
  type HashringHubView,
  type HashringMsg,
  type HashringNodeView,
} from './types';

export type HashringNode = StorageNode | Router;
export type HashringSnap = StorageNode | RouterSnap;
export type HashringView = HashringNodeView | HashringHubView;

function isRouter(n: HashringNode): n is Router {
  return n.id === HUB_ID;
}

function look(msg: HashringMsg): MessageLook {
  switch (msg.kind) {
    case 'heartbeat':
      return { glyph: 'heartbeat', name: 'Heartbeat', era: 0, fields: { seq: msg.seq, incarnation: msg.incarnation } };
    case 'client-request':
      return { glyph: 'client-request', name: 'ClientRequest', era: 0, fields: { requestId: msg.requestId } };
    case 'client-reply':
      return { glyph: 'client-reply', name: 'ClientReply', era: 0, verdict: false, fields: { requestId: msg.requestId, ok: false } };
  }
}

/** Routine traffic: heartbeats arriving (and stale copies of them), a node starting to send them. */
const ROUTINE: ReadonlySet<number> = new Set<number>([HashringNote.HeartbeatArrived, HashringNote.HeartbeatStale, HashringNote.NodeStarted]);

function clientReply(msg: HashringMsg): ClientReplyInfo | null {
  if (msg.kind !== 'client-reply') return null;
  // The ring has no leader to take a request: refused, with no one to redirect to.
  return { requestId: msg.requestId, ok: false, redirect: 0, index: 0 };
}

function view(n: HashringNode, alive: boolean): HashringView {
  if (isRouter(n)) return routerView(n);
  // A node never told it was removed reads 'member' after a remove; FrameView.members has the simulator's word.
  return { id: n.id, state: n.incarnation === 0 ? 'absent' : 'member', alive, heartbeats: n.seq };
}

/** The CLI's node row: `id, alive, keys` (keys owned as primary on the router's ring). */
function output(n: HashringNode, alive: boolean, world?: WorldView<HashringNode>): Record<string, unknown> {
  let keys = 0;
  const r = world?.nodes[HUB_ID];
  if (r !== undefined && isRouter(r)) keys = placementOf(r.cfg, r.ring).primaryCount[n.id];
  return { id: n.id, alive, keys };
}

export const hashringProtocol: ProtocolDef<HashringConfig, HashringNode, HashringMsg, HashringSnap, HashringView> = {
  name: 'hashring',
  timerSlots: 1,
  bugs: HASHRING_BUGS,
  // Small rings and key counts keep a seed fast; every scheme, R and detector is exercised.
  fuzzOptions: {
    scheme: ['ring', 'jump', 'rendezvous', 'bounded'],
    vnodes: [1, 2, 5, 10, 20, 50],
    keys: [200, 500, 1000, 2000],
    replicas: [1, 2, 3, 5],
    loadFactor: [1.1, 1.25, 2],
    detector: ['timeout', 'phi'],
    heartbeatMs: [50, 100],
    timeoutMs: [300, 1000],
  },
  membership: { capacity: HASHRING_CAPACITY },
  hub: true,
  parseConfig,
  networkOf: (cfg: HashringConfig): NetworkConfig => networkFieldsOf(cfg),
  parseInitial(raw) {
    // Storage nodes here hold nothing but a heartbeat counter: there is no state to start from.
    if (raw !== undefined) throw new ScenarioError('initial', 'no initial state for the hash ring (leave it out)', raw);
    return new Map();
  },
  initialWarnings: () => [],
  createNode: (id, nodes, cfg) => (id === HUB_ID ? createRouter(nodes, cfg) : createStorageNode(id, cfg)),
  start: (n, ctx) => (isRouter(n) ? startRouter(n, ctx) : startNode(n, ctx)),
  crash: (n) => {
    if (!isRouter(n)) crashNode(n);
  },
  receive: (n, msg, from, ctx) => (isRouter(n) ? routerReceive(n, msg, from, ctx) : nodeReceive(n, msg, from, ctx)),
  timer: (n, slot, ctx) => (isRouter(n) ? routerTimer(n, slot, ctx) : nodeTimer(n, slot, ctx)),
  memberChanged: (hub, id, joined, ctx) => {
    if (isRouter(hub)) routerMemberChanged(hub, id, joined, ctx);
  },
  // The ring has no leader: the simulator's client is refused ("no leader").
  leaderOf: () => 0,
  clientRequest: (spec) => ({ kind: 'client-request', requestId: spec.requestId }),
  clientReply,
  snapshot: (n) => (isRouter(n) ? snapshotRouter(n) : { ...n }),
  restore: (s) => ('router' in s ? restoreRouter(s) : { ...s }),
  monitor: (cfg, nodes) => createHashringMonitor(cfg, nodes),
  look,
  kindCode: (msg) => HashringMsgKind[msg.kind],
  view,
  output,
  markKinds: ['declared-down', 'rejoined'],
  notes: Object.values(HashringNotes),
  mark(code, a) {
    if (code === HashringNote.DeclaredDownTimeout || code === HashringNote.DeclaredDownPhi) return { kind: 'declared-down', value: a };
    if (code === HashringNote.Rejoined) return { kind: 'rejoined', value: a };
    return null;
  },
  notable: (code) => code >= SIM_NOTE_BASE || !ROUTINE.has(code),
  query: (world, cfg, name, arg) => queryRing(world as WorldView<unknown>, cfg, name, arg),
};
