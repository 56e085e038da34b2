/**
 * The consistent-hash ring's data contract between the core (src/core/hashring) and its view
 * (src/ui/hashring): config, messages, what the UI gets per node and for the router, the
 * queries the view makes, and every decision as a named note.
 *
 * The model (../shared/PROTOCOLS.md, "Consistent hashing"): nodes 1..N store keys; a router
 * (the protocol's hub, id 0 — a client-side load balancer or a Dynamo-style coordinator)
 * receives every node's heartbeats, runs the failure detector and owns the ring. A node it
 * declares down leaves the ring and its keys move to the next nodes clockwise; a node that
 * heartbeats again rejoins. `add` / `remove` are the operator telling the router. Where the
 * real systems differ (Cassandra and Dynamo gossip, and every node keeps its own view; a
 * Cassandra node marked down keeps its tokens and hints are stored for it), the view says so.
 */
import { defineNotes, type NetworkConfig } from '../protocol';

/** Node slots: ids 1..HASHRING_CAPACITY (a scenario's `nodes` plus the ids `add` may name). */
export const HASHRING_CAPACITY = 24;

export type Scheme = 'ring' | 'jump' | 'rendezvous' | 'bounded';
export const SCHEMES: readonly Scheme[] = ['ring', 'jump', 'rendezvous', 'bounded'];

export type DetectorKind = 'timeout' | 'phi';

export const HASHRING_BUGS = ['moduloHashing', 'noDistinctReplicas'] as const;
export type HashringBug = (typeof HASHRING_BUGS)[number];

export interface HashringConfig extends NetworkConfig {
  scheme: Scheme;
  /** Points per node on the ring (ring and bounded). */
  vnodes: number;
  /** How many keys: key i is named `key-<i>`. */
  keys: number;
  /** R: each key lives on R distinct nodes (its preference list). */
  replicas: number;
  /** c for `bounded`: no node holds more than ⌈c · keys / nodes⌉ keys as primary. */
  loadFactor: number;
  /** A node sends the router a heartbeat every heartbeatMs. */
  heartbeatMs: number;
  detector: DetectorKind;
  /** `timeout`: declared down after this long without a heartbeat. */
  timeoutMs: number;
  /** `phi`: declared down when φ reaches this (Cassandra's phi_convict_threshold is 8). */
  phiThreshold: number;
  /** `phi`: how many recent heartbeat intervals the estimate uses (Akka: 1000; small here to react visibly). */
  phiWindow: number;
  /** `phi`: the standard deviation is never taken below this (Akka's min-std-deviation), ms. */
  minStdDevMs: number;
  bugs: HashringBug[];
}

/** Timer slots. A node's heartbeat timer; the router's next detector deadline. */
export const HashringTimer = { Heartbeat: 0, Detector: 0 } as const;

export type HashringMsg =
  /**
   * Node → router: "I am alive", the seq-th heartbeat since the node (re)started.
   * `incarnation` counts the node's starts (Cassandra's gossip generation): the router
   * orders heartbeats by (incarnation, seq) and ignores one it has already seen past (a
   * duplicate, or one overtaken by a later one), so only fresh news of life counts.
   */
  | { kind: 'heartbeat'; seq: number; incarnation: number }
  /** The simulator's client → a node: the ring takes no client requests (answered "no leader"). */
  | { kind: 'client-request'; requestId: number }
  /** A node → the client: refused, there is no leader to ask (ok is always false). */
  | { kind: 'client-reply'; requestId: number };

/** Message kind codes for the history (ProtocolDef.kindCode). */
export const HashringMsgKind = { heartbeat: 1, 'client-request': 2, 'client-reply': 3 } as const;

/** A ring change's cause, as noted (RingChanged.action) and printed (changes[].action). */
export const ChangeAction = { Add: 1, Remove: 2, Down: 3, Rejoin: 4 } as const;
/** The CLI's action names, by ChangeAction code: a crash the detector noticed prints as "crash". */
export const CHANGE_ACTION_NAMES: Record<number, string> = { 1: 'add', 2: 'remove', 3: 'crash', 4: 'restart' };

/** One node's slot, as the UI gets it (FrameView.nodes[id - 1]). */
export interface HashringNodeView {
  id: number;
  /** 'absent' until added, 'removed' once removed; 'member' otherwise (alive or crashed). */
  state: 'absent' | 'member' | 'removed';
  alive: boolean;
  /** Heartbeats sent since the node last (re)started. */
  heartbeats: number;
}

/** What the router knows of one member. */
export interface SuspicionView {
  id: number;
  /** When the last heartbeat arrived (-1: none yet). */
  lastHeartbeatAt: number;
  /** Heartbeat intervals in the window (phi's sample size). */
  samples: number;
  /** Mean and standard deviation of the window's intervals, ms (0 without samples). */
  meanIntervalMs: number;
  stdDevMs: number;
  /** When the detector will declare it down if nothing arrives (Infinity when declared). */
  deadlineAt: number;
  declaredDown: boolean;
  /** The newest heartbeat counted: the node's incarnation (its starts) and seq (0, 0: none yet). */
  incarnation: number;
  lastSeq: number;
}

/** The router's state (FrameView.hub). */
export interface HashringHubView {
  /** The nodes in the ring now (members the detector has not declared down), ascending. */
  ring: number[];
  /** Every member (added, not removed), ascending, including ones declared down. */
  members: number[];
  suspicion: SuspicionView[];
  /** Bumped at every ring change; the view caches ring layouts by it. */
  version: number;
  /** The ring changes so far, oldest first. */
  changes: ChangeView[];
}

export interface ChangeView {
  time: number;
  /** ChangeAction. */
  action: number;
  node: number;
  version: number;
}

/** query('ring'): the ring's layout at the shown frame, for drawing. */
export interface RingLayout {
  version: number;
  scheme: Scheme;
  ring: number[];
  replicas: number;
  keys: number;
  /** The ring's points (ring and bounded; empty for jump and rendezvous): sorted positions and their nodes. */
  positions: Uint32Array;
  pointOwners: Uint8Array;
  /** owners[i * replicas + r]: key i's replica of rank r (0: none, fewer nodes than R). */
  owners: Uint8Array;
  stats: LoadStats;
}

/** query('keyHashes'): every key's 32-bit position (index i = key-<i>); fixed for a scenario. */
export type KeyHashes = Uint32Array;

export interface LoadStats {
  /** Keys owned as primary, per node of the ring, ascending by id. */
  perNode: { id: number; keys: number }[];
  mean: number;
  /** Coefficient of variation: population standard deviation / mean. */
  cv: number;
  maxOverMean: number;
  /** bounded: the cap ⌈c · keys / nodes⌉; else 0. */
  cap: number;
}

/** query('lookup', { key }): where one key lives. */
export interface KeyLookup {
  key: string;
  hash: number;
  /** Owners, primary first. */
  owners: number[];
}

/** query('changes'): every ring change with what moved. */
export interface ChangeStat extends ChangeView {
  /** Keys whose primary owner changed. */
  moved: number;
  /** The ideal: keys / N on a departure, keys / (N + 1) on an arrival. */
  ideal: number;
  /** Primaries moved away from each node / onto each node, by node id. */
  from: Record<number, number>;
  to: Record<number, number>;
  /** Per replica rank r: keys whose rank-r owner changed. */
  movedByRank: number[];
}

/** query('cvCurve'): CV against vnodes for the current ring, measured and by the formula. */
export interface CvCurve {
  nodes: number;
  keys: number;
  vnodes: number[];
  measured: number[];
  /** √((N − 1) / (N · v + 1)). */
  formula: number[];
}

/** query('suspicion'): each member's suspicion at the shown frame's time. */
export interface SuspicionLevel {
  id: number;
  /** ms since the last counted heartbeat (or since it joined or rejoined). */
  silentMs: number;
  /** φ now (phi detector; also computed for `timeout`, for comparison); Infinity past any float. */
  phi: number;
  /** timeout detector: silentMs / timeoutMs; phi detector: φ / phiThreshold. 1 = declared down. */
  level: number;
  declaredDown: boolean;
}

/** query('compare'): the four schemes on the current ring and its last change. */
export interface SchemeComparison {
  scheme: Scheme;
  stats: LoadStats;
  /** The last change replayed under this scheme (null before any change). */
  lastChange: { moved: number; ideal: number } | null;
}

/**
 * Every decision, with its reason as named data. Node notes are noted by the node; router
 * notes by id 0 (HUB_ID).
 */
export const HashringNotes = defineNotes({
  /** Router: a heartbeat arrived; intervalMs since the previous one (-1 for the first). */
  HeartbeatArrived: { code: 1, fields: ['node', 'seq', 'intervalMs'] },
  /** Router, timeout detector: nothing from `node` for silentMs ≥ timeoutMs: declared down. */
  DeclaredDownTimeout: { code: 2, fields: ['node', 'silentMs', 'timeoutMs'] },
  /** Router, phi detector: φ (× 1000) reached the threshold (× 1000) after silentMs: declared down. */
  DeclaredDownPhi: { code: 3, fields: ['node', 'silentMs', 'phiMilli', 'thresholdMilli'] },
  /** Router: a heartbeat from a node declared down: it rejoins the ring (after silentMs). */
  Rejoined: { code: 4, fields: ['node', 'silentMs'] },
  /** Router: the operator added `node`. */
  Added: { code: 5, fields: ['node'] },
  /** Router: the operator removed `node`. */
  Removed: { code: 6, fields: ['node'] },
  /** Router: the ring changed (action: ChangeAction) and this many keys changed primary (ideal: the 1/N share). */
  RingChanged: { code: 7, fields: ['action', 'node', 'moved', 'ideal'] },
  /** Router: a heartbeat from a node that is not a member (removed, or not added): ignored. */
  HeartbeatIgnored: { code: 8, fields: ['node'] },
  /**
   * Router: a heartbeat no newer than one already counted (by incarnation, then seq: a
   * network duplicate, or one overtaken): ignored. lastIncarnation/lastSeq: the newest counted.
   */
  HeartbeatStale: { code: 9, fields: ['node', 'seq', 'lastIncarnation', 'lastSeq'] },
  /** Node: it (re)started as this incarnation and sends its first heartbeat. */
  NodeStarted: { code: 10, fields: ['incarnation'] },
});

/** Note codes by name. */
export const HashringNote = Object.fromEntries(Object.values(HashringNotes).map((s) => [s.name, s.code])) as { readonly [K in keyof typeof HashringNotes]: number };
