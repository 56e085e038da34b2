/**
 * The typed API between the UI and a simulation. The worker (src/worker) exposes a
 * SimSession through Comlink; Vitest uses the same class in-process. Everything that
 * crosses it is plain, structured-cloneable data.
 */
import type { MessageLook, ScenarioWarning, Violation } from '../core/protocol';
import type { Scenario, ScriptAction } from './scenario';

/** Why a message did not arrive. */
export const Fate = {
  Delivered: 0,
  /** Lost by the network's random drop rate. */
  Lost: 1,
  /** The link was down (partition or cut) when it arrived. */
  LinkDown: 2,
  /** The receiving node was down when it arrived. */
  NodeDown: 3,
  /** The user dropped it in flight (a `drop` action). */
  DroppedByUser: 4,
} as const;
export type Fate = (typeof Fate)[keyof typeof Fate];

/** A message in flight at the frame's time (sentAt <= time < at). */
export interface MessageView {
  /** Unique per run (the queue sequence number). */
  id: number;
  from: number;
  to: number;
  sentAt: number;
  at: number;
  look: MessageLook;
  /** Decided at send time for random loss; a link or node failure is found on arrival. */
  lost: boolean;
  /** Send order on its link (1-based: the nth message ever sent from → to); names it in a `drop` action. */
  nth: number;
}

export interface TimerView {
  slot: number;
  setAt: number;
  at: number;
}

export interface ClientOpView {
  clientId: number;
  requestId: number;
  value: string;
  node: number;
  invokedAt: number;
  /** -1 while pending. */
  completedAt: number;
  ok: boolean;
  index: number;
}

/** The network as it is at this frame. */
export interface NetworkView {
  /** Partition groups in force (null when there is no partition). */
  partition: number[][] | null;
  /** One-way cuts [from, to]. */
  cuts: [number, number][];
  /** Service clients' links that are down, both ways: [client (1-based), server]. */
  clientCuts: [number, number][];
}

/** Everything the UI draws at one frame. */
export interface FrameView<NodeView = unknown> {
  protocol: string;
  frame: number;
  /** Frames recorded so far (the newest frame index). */
  head: number;
  /** Virtual time of this frame's event, ms. */
  time: number;
  /** Virtual time of the next frame, if it is recorded (for interpolation); else null. */
  nextTime: number | null;
  nodes: NodeView[];
  alive: boolean[];
  /** timers[i] are node (i + 1)'s armed timers. */
  timers: TimerView[][];
  messages: MessageView[];
  network: NetworkView;
  ops: ClientOpView[];
  /** The first safety violation, once found (the run stops there). */
  violation: Violation | null;
  /** Why the run could not go on, when it stopped for a reason other than a violation. */
  halted: { code: 'queue-overflow'; limit: number } | null;
  /** The event that produced this frame (null at frame 0). */
  event: EventRow | null;
  /** The hub's view (ProtocolDef.hub: the hash ring's router), else null. */
  hub: unknown;
  /** The hub's armed timers (empty without a hub). */
  hubTimers: TimerView[];
  /**
   * Membership protocols: members[i] is node (i + 1)'s state, 0 absent (not yet added),
   * 1 member, 2 removed for good. Null for a fixed cluster (every node is a member).
   */
  members: number[] | null;
  /** A service scenario's client side at this frame (null or absent without a service). */
  service?: ServiceFrameView | null;
}

/** The coordination layer's clients as the UI draws them. */
export interface ServiceFrameView {
  /** The scenario's service, e.g. "zookeeper". */
  name: string;
  /** clients[c − 1]: ClientDef.view of client c (session state, server, time left, lock place). */
  clients: unknown[];
  /** The newest operation records (the service's record type, e.g. ZkOpRecord), in invoke order. */
  ops: unknown[];
  /** Operation records so far (ops holds the newest of them). */
  opCount: number;
  /** The newest notifications delivered (e.g. ZkEventRecord). */
  events: unknown[];
  eventCount: number;
}

/** Event kinds in the history. */
export const EventType = {
  Deliver: 1,
  Drop: 2,
  Timer: 3,
  Action: 4,
  /**
   * A node hears that its connection to `peer` closed: the peer's process crashed one link
   * latency ago (TCP reset). Only for protocols with a `peerDisconnected` hook, only when
   * the link peer → node was up at the crash; never for a partition or a cut.
   */
  Disconnect: 5,
} as const;
export type EventType = (typeof EventType)[keyof typeof EventType];

export interface NoteRow {
  code: number;
  node: number;
  a: number;
  b: number;
  c: number;
  d: number;
  /** The same arguments by the names the protocol's NoteSpec gives them ({} for a code it does not declare). */
  f: Record<string, number>;
}

/** One frame's event, with the decisions it caused, for the event list and narration. */
export interface EventRow {
  frame: number;
  time: number;
  type: EventType;
  /** The node (or client) the event happened at (Disconnect: the node that hears of it). */
  node: number;
  /** The sender for Deliver/Drop; the crashed peer for Disconnect; 0 otherwise. */
  peer: number;
  /** Deliver/Drop: the protocol's message kind code. Timer: slot. Action: unused. */
  kind: number;
  /** Drop: the Fate. Otherwise 0. */
  fate: number;
  /** Action frames: the script action applied. */
  action: ScriptAction | null;
  notes: NoteRow[];
  /** A decision worth reading (a vote, an election, an append with entries, a fault), not routine (a heartbeat). */
  notable: boolean;
}

/** Timeline marks the simulator makes itself, for every protocol. */
export type SimMarkKind = 'crash' | 'restart' | 'partition' | 'heal' | 'cut' | 'mend' | 'request' | 'timeout' | 'drop' | 'violation';

/** A point of interest on the timeline. */
export interface Mark {
  frame: number;
  time: number;
  /** A script action's name (crash, restart, partition, heal, cut, mend, request, timeout, drop), 'violation', or one of the protocol's markKinds. */
  kind: SimMarkKind | (string & {});
  node: number;
  /** The protocol's value for its own marks (Raft 'leader': term; 'commit': index); 0 otherwise. */
  value: number;
}

export type LoadResult =
  | { ok: true; scenario: Scenario; view: FrameView; warnings: ScenarioWarning[] }
  | { ok: false; error: string; field: string };

/** A user action taken from the UI at the current frame (a fork). */
export type UserAction = ScriptAction extends infer A ? (A extends ScriptAction ? Omit<A, 'at'> : never) : never;

/** The session API, identical in the worker and in-process. */
export interface SimApi {
  /** Parse, validate and start a scenario. Never throws: bad input comes back as an error. */
  load(scenario: unknown): LoadResult;
  /** The current frame. */
  view(): FrameView;
  /** Go to frame N (clamped to [0, head]; records new frames when N > head). */
  seek(frame: number): FrameView;
  /**
   * Move to the last frame whose time is <= timeMs, recording frames as needed
   * (at most `maxNewFrames` new ones per call, so the worker stays responsive).
   */
  advanceTo(timeMs: number, maxNewFrames?: number): FrameView;
  /** Apply a user action after the current frame, dropping later frames (fork). */
  act(action: UserAction, atTimeMs?: number): FrameView;
  /** Event rows for frames [from, to] (inclusive, clamped). */
  events(fromFrame: number, toFrame: number): EventRow[];
  /** Timeline marks for frames [sinceFrame, head]. */
  marks(sinceFrame: number): Mark[];
  /** The scenario with every user action recorded into its script (for the URL). */
  scenario(): Scenario;
  /**
   * The first frame after `afterFrame` worth pausing at: a timeline mark (every script
   * action, the protocol's marks, a violation) or a stop — the last frame at or before one
   * of `stopTimesMs`. Records forward as needed, at most `maxNewFrames` new frames; null
   * when none is found within that bound or before the run ends.
   */
  nextMarkFrame(afterFrame: number, stopTimesMs?: readonly number[], maxNewFrames?: number): number | null;
  /** The last mark or stop frame before `beforeFrame` (recorded frames only), else null. */
  prevMarkFrame(beforeFrame: number, stopTimesMs?: readonly number[]): number | null;
  /**
   * The newest notable event row at or before `frame` (a decision worth a caption, never a
   * heartbeat), looking back at most `lookBack` frames; null when there is none.
   */
  lastNotable(frame: number, lookBack?: number): EventRow | null;
  /**
   * A protocol-specific read at `frame` (ProtocolDef.query: the ring's layout, a key lookup,
   * a statistics curve). Null when the protocol has no such query. Records forward as needed.
   */
  query(frame: number, name: string, arg?: unknown): unknown;
  /**
   * Run a named experiment (src/sim/experiments): many short headless simulations measured
   * for a chart. Independent of the loaded scenario; null for an unknown name.
   */
  experiment(name: string, arg?: unknown): unknown;
}
