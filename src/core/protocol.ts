/**
 * The contract between a protocol (src/core/<protocol>) and the simulator (src/sim).
 *
 * A protocol is a set of pure state machines. The simulator owns time, randomness,
 * the network and the history; a node only sees a NodeCtx for the duration of one
 * input and records its outputs there (messages to send, timers to set, decisions
 * with their reasons). Nothing here may touch the DOM, real time or unseeded randomness.
 */

/** Node ids are 1..nodes. Client actors use ids from CLIENT_ID_BASE up. */
export const CLIENT_ID_BASE = 1001;

/** What a node may do while it handles one input. */
export interface NodeCtx<Msg> {
  /** Virtual time in integer milliseconds. */
  readonly now: number;
  /** Queue a message to another node or to a client (id >= CLIENT_ID_BASE). */
  send(to: number, msg: Msg): void;
  /** (Re)arm timer `slot` of this node to fire `delayMs` from now; replaces any pending one. */
  setTimer(slot: number, delayMs: number): void;
  clearTimer(slot: number): void;
  /** Uniform integer in [lo, hiExclusive) from this node's own deterministic stream. */
  randomInt(lo: number, hiExclusive: number): number;
  /**
   * Record a decision and its reason as data: a protocol-defined numeric code and up to
   * four numeric arguments (an index, a term, a peer id, a zxid: stored as float64, so any
   * integer below 2^53 is exact). The UI narrates these in both languages; the history
   * stores them compactly. Protocols call it through `emit` with a NoteSpec, which names
   * the arguments; this positional form is the storage underneath.
   */
  note(code: number, a?: number, b?: number, c?: number, d?: number): void;
}

/**
 * One kind of decision a protocol records, with its arguments named: `fields[i]` is the
 * name of positional argument i (at most four). The simulator stores positions; the UI
 * reads the names (NoteRow.f), so a narrator never guesses what `b` meant for this code.
 */
export interface NoteSpec<F extends string = string> {
  readonly code: number;
  /** A stable name for the kind, e.g. "VoteDenied" (tools and tests read it). */
  readonly name: string;
  readonly fields: readonly F[];
}

/** Declare a protocol's note kinds: `{ VoteDenied: { code: 3, fields: ['candidate', 'lastTerm'] } }` → specs with names. */
export function defineNotes<const T extends Record<string, { code: number; fields: readonly string[] }>>(
  table: T,
): { readonly [K in keyof T]: NoteSpec<T[K]['fields'][number]> & { readonly name: K & string } } {
  const out: Record<string, NoteSpec> = {};
  for (const [name, v] of Object.entries(table)) {
    if (v.fields.length > 4) throw new Error(`note ${name}: at most 4 fields`);
    out[name] = { code: v.code, name, fields: v.fields };
  }
  return out as never;
}

/** Record a decision with named arguments: `emit(ctx, Notes.VoteDenied, { candidate: 3, lastTerm: 2 })`. */
export function emit<F extends string>(ctx: { note: NodeCtx<unknown>['note'] }, spec: NoteSpec<F>, f: Readonly<Record<F, number>>): void {
  const k = spec.fields;
  ctx.note(
    spec.code,
    k.length > 0 ? f[k[0]] : 0,
    k.length > 1 ? f[k[1]] : 0,
    k.length > 2 ? f[k[2]] : 0,
    k.length > 3 ? f[k[3]] : 0,
  );
}

/**
 * How a message is drawn. `glyph` names one of the protocol's own message kinds (Raft:
 * 'append', 'vote-reply'...; ZAB: 'notification', 'proposal'...); the protocol's view
 * (src/ui/<protocol>) says how each is drawn. Colour comes from `era` and `verdict`.
 */
export interface MessageLook {
  glyph: string;
  /** Short English-independent label, e.g. a message name ("AppendEntries"). */
  name: string;
  /** The protocol's generation the message belongs to (Raft: term; ZAB: epoch): it picks the colour. */
  era: number;
  /** For replies: whether the answer was yes. Undefined for requests. */
  verdict?: boolean;
  /** E.g. number of entries carried. */
  count?: number;
  /** The message's fields for an inspector, by their protocol names (term, prevIndex, prevTerm, entries, commit...). */
  fields?: Record<string, number | string | boolean>;
}

/** A safety violation found by a checker. */
export interface Violation {
  invariant: string;
  time: number;
  frame: number;
  /** In English, for the CLI and logs. */
  detail: string;
  /** The same as data, so the UI can say it in any language: a protocol-defined code and its arguments. */
  why: ViolationWhy;
}

export interface ViolationWhy {
  code: string;
  args: Record<string, number | string>;
}

/** Read-only view of the world a checker gets after every event. */
export interface WorldView<Node> {
  readonly now: number;
  readonly frame: number;
  readonly nodes: readonly Node[]; // nodes[id]; index 0 is the hub (ProtocolDef.hub), else unused
  readonly alive: readonly boolean[]; // alive[id]
  /** Membership protocols: member[id] is 0 while absent (not yet added), 1 while a member, 2 once removed; 1 for every node otherwise. */
  readonly member?: ArrayLike<number>;
}

/**
 * A protocol's invariant monitor: one instance per run, fed after every event with the
 * id of the node the event touched (0 when it touched none, e.g. a heal). It returns a
 * violation (without time/frame, which the harness fills in) or null. It also collects
 * what the CLI reports (leaders, committed sequence).
 */
export interface Monitor<Node> {
  /**
   * Called before each checked event with the node it will touch (0 for none), so the
   * monitor can note what it needs to compare against (e.g. the log length before).
   */
  beforeEvent(world: WorldView<Node>, nodeId: number): void;
  afterEvent(world: WorldView<Node>, nodeId: number): Omit<Violation, 'time' | 'frame'> | null;
  /** Extra top-level fields for the CLI output (e.g. leaders[], committed[]). */
  report(): Record<string, unknown>;
}

/** A client's request as a protocol carries it; the simulator's client actors make these. */
export interface ClientRequestSpec {
  clientId: number;
  requestId: number;
  value: string;
}

/** What a client learns from a reply message. */
export interface ClientReplyInfo {
  requestId: number;
  ok: boolean;
  /** A server that said "not me, try N" (0 when unknown). */
  redirect: number;
  /** Where the value landed, e.g. the Raft log index (0 when not applicable). */
  index: number;
}

/**
 * Something valid but suspect in a scenario: e.g. an initial state Raft could never reach.
 * The run goes ahead; the UI shows it (translated from code and args) and the CLI prints it.
 */
export interface ScenarioWarning {
  field: string;
  code: string;
  args: Record<string, number | string>;
  /** In English, for the CLI. */
  message: string;
}

/** Thrown by validation; names the field (a dotted path) and what was expected. */
export class ScenarioError extends Error {
  constructor(
    readonly field: string,
    readonly expected: string,
    readonly got?: unknown,
  ) {
    super(`${field}: expected ${expected}${got === undefined ? '' : `, got ${describeValue(got)}`}`);
    this.name = 'ScenarioError';
  }
}

/** A JSON object (not null, not an array): what every validator checks first. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v);
  if (typeof v === 'object') return 'an object';
  return String(v);
}

/**
 * Everything a protocol registers. `Cfg` is its validated config, `Node` its node state,
 * `Msg` its message payloads, `Snap` a node snapshot, `View` what the UI gets per node.
 */
export interface ProtocolDef<Cfg, Node, Msg, Snap = unknown, View = unknown> {
  readonly name: string;
  /** Number of timer slots per node. */
  readonly timerSlots: number;
  /** Names of deliberate bugs accepted in config.bugs. */
  readonly bugs: readonly string[];
  /**
   * Config fields the fuzzer varies, with the values it picks among (e.g. PreVote on/off).
   * Every protocol's config also accepts the network fields latencyMinMs, latencyMaxMs,
   * dropRate, clientRetry, clientTimeoutMs, fifo, reorderRate, duplicateRate and `bugs` (a list of names).
   */
  readonly fuzzOptions: Readonly<Record<string, readonly unknown[]>>;
  /**
   * The protocol is only required to be safe over FIFO links (ZAB, which assumes TCP): the
   * fuzzer then never turns reordering or duplication on by itself (its --reorder flag still
   * does, on request). Absent: the fuzzer sometimes does, as for Raft.
   */
  readonly fifoOnly?: boolean;
  /** Validate `config` (may be undefined) into a full config with documented defaults. */
  parseConfig(raw: unknown, nodes: number): Cfg;
  /** Network and client timing the simulator needs, taken from the protocol's config. */
  networkOf(cfg: Cfg): NetworkConfig;
  /** Validate `initial` (keyed by node id) against the node count; returns per-node data. */
  parseInitial(raw: unknown, nodes: number): Map<number, unknown>;
  /** Valid but suspect initial state (one the real protocol could never reach). */
  initialWarnings(initial: Map<number, unknown>, nodes: number): ScenarioWarning[];

  /** Create node `id` (1-based) of `nodes`, with optional initial persistent state. */
  createNode(id: number, nodes: number, cfg: Cfg, initial: unknown): Node;
  /** The node starts (time 0) or restarts after a crash: arm its timers. */
  start(node: Node, ctx: NodeCtx<Msg>): void;
  /** A crash: keep only the persistent state. The simulator clears the timers. */
  crash(node: Node): void;
  /** One message delivered to this node. */
  receive(node: Node, msg: Msg, from: number, ctx: NodeCtx<Msg>): void;
  /** Timer `slot` of this node fired. */
  timer(node: Node, slot: number, ctx: NodeCtx<Msg>): void;
  /**
   * The user's `timeout` action: the node's election timer fires now (RaftScope's "time
   * out"), whatever is left of it. Only called on a live node. A protocol without it gets
   * its timer slot 0 fired instead.
   */
  timeoutNow?(node: Node, ctx: NodeCtx<Msg>): void;

  /** The id of the node clients should talk to now (0 if none is known). */
  leaderOf(nodes: readonly Node[], alive: readonly boolean[]): number;
  /** The message a client sends to a server. */
  clientRequest(spec: ClientRequestSpec): Msg;
  /** Read a message addressed to a client; null if it is not a client reply. */
  clientReply(msg: Msg): ClientReplyInfo | null;

  /** Cheap copy for keyframes; must not be affected by later mutation of the node. */
  snapshot(node: Node): Snap;
  restore(snap: Snap): Node;

  /** A fresh invariant monitor for one run. */
  monitor(cfg: Cfg, nodes: number): Monitor<Node>;

  /** How a message looks in flight, and a stable numeric kind code for the history. */
  look(msg: Msg): MessageLook;
  kindCode(msg: Msg): number;
  /** What the UI shows of one node (plain, structured-cloneable data). */
  view(node: Node, alive: boolean): View;
  /** The node's row in the CLI output; `world` for what the node alone does not know (the ring's key counts, from the hub). */
  output(node: Node, alive: boolean, world?: WorldView<Node>): Record<string, unknown>;
  /**
   * Which notes deserve a mark on the timeline: e.g. a leader elected (value = term or
   * epoch) or a commit at a leader (value = index). `kind` is one of the protocol's
   * `markKinds`. `node` is the noting node's state.
   */
  mark(code: number, a: number, b: number, c: number, d: number, node: Node): { kind: string; value: number } | null;
  /**
   * The timeline mark kinds this protocol produces (besides the simulator's own: crash,
   * restart, partition, ..., violation), e.g. ['leader', 'commit']; a view says how each is drawn.
   */
  readonly markKinds: readonly string[];
  /** The protocol's note kinds with named arguments (see NoteSpec); the UI reads NoteRow.f through them. */
  readonly notes: readonly NoteSpec[];
  /**
   * The connection to `peer` closed: the peer's process died, so its TCP connections were
   * reset and this node hears of it one link latency later (a silent peer — power lost,
   * partitioned — sends no such thing). Only protocols that model connections declare it;
   * the simulator then delivers it to every live node that could reach the dead one.
   */
  peerDisconnected?(node: Node, peer: number, ctx: NodeCtx<Msg>): void;
  /**
   * Whether a note code is a decision worth reading (a vote, an election, a rejected append),
   * as opposed to routine traffic (a heartbeat acknowledged). The caption keeps the last
   * notable one while playing; the event list can show only these. Default: every note.
   */
  notable?(code: number): boolean;

  /**
   * Nodes join and leave for good (the hash ring's `add` / `remove` actions). The simulator
   * then holds `capacity` node slots (ids 1..capacity, `nodes` in a scenario at most that);
   * ids above the scenario's `nodes` start absent (not alive, not started) until added, and a
   * removed node never runs again. Absent: a fixed cluster of `nodes`, as Raft and ZAB are.
   */
  readonly membership?: { readonly capacity: number };
  /**
   * A coordinator beside the nodes at id HUB_ID (0): the hash ring's router, which receives
   * the heartbeats, runs the failure detector and owns the ring. It is created with
   * createNode(HUB_ID, …), started before the nodes, and never crashes. Its links are links
   * like any other: `cut` / `mend` / `drop` accept 0 as an end, and in a partition it stays
   * with the first group. `view(hub, true)` is FrameView.hub.
   */
  readonly hub?: boolean;
  /**
   * An `add` (joined) or `remove` (left) ran: the operator tells the hub. Called in the hub's
   * context, right after the node was started (add) or stopped for good (remove). Only with
   * `hub` and `membership`.
   */
  memberChanged?(hub: Node, id: number, joined: boolean, ctx: NodeCtx<Msg>): void;
  /**
   * Protocol-specific reads of the world at the current frame, for the UI (the ring's layout,
   * a key lookup, a statistics curve): plain structured-cloneable data, or null for an
   * unknown `name`. Must not change any state. Reached through SimApi.query.
   */
  query?(world: WorldView<Node>, cfg: Cfg, name: string, arg: unknown): unknown;
  /**
   * The coordination layer (DESIGN.md): a scenario's top-level `service` (e.g. "zookeeper" on
   * ZAB) reaches the protocol here, after parseConfig, so every server hosts that service's
   * state machine. Absent: the protocol hosts no service.
   */
  withService?(cfg: Cfg, service: string): Cfg;
}

/** The id of a protocol's hub actor (ProtocolDef.hub): below every node id. */
export const HUB_ID = 0;

/**
 * Decision codes the simulator itself records (a user's action that found nothing to act
 * on, a client's view of its request), in a range no protocol uses: a protocol's own
 * codes stay below SIM_NOTE_BASE. Noted by node 0 for the network, by the client's id for
 * a client. The meaning of a, b, c is given per code.
 */
export const SIM_NOTE_BASE = 900;
export const SimNote = {
  /** `timeout` on a node that is down: nothing happens. a = 0. */
  TimeoutNodeDown: 900,
  /**
   * `drop` found the message: it is lost in flight (it shows as a Drop, DroppedByUser, when
   * it would have arrived). For every Drop* code: noted by the link's sender (from);
   * a = nth, b = to, c = messages sent on that link so far.
   */
  DropDone: 901,
  /** Nothing to drop: that message is no longer on the wire (it arrived, or failed to on arrival). */
  DropAlreadyArrived: 902,
  /** Nothing to drop: fewer than nth messages were ever sent on that link. */
  DropNeverSent: 903,
  /** Nothing to drop: that message is already lost (the network's drop rate, or an earlier drop). */
  DropAlreadyLost: 904,
  /** Client: its request was refused because the server knows no leader. a = request id, b = server. */
  ClientNoLeader: 910,
  /** Client: told to try another server. a = request id, b = server that answered, c = server named (the leader hint). */
  ClientRedirected: 911,
  /** Client: tries again. a = request id, b = server it now sends to, c = attempt number. */
  ClientRetry: 912,
  /** Client: the request failed and it gives up. a = request id, b = attempts made, c = why (ClientFailure). */
  ClientFailed: 913,
  /** Client: the request succeeded. a = request id, b = where it landed (log index), c = server. */
  ClientSucceeded: 914,
  /** Client: no answer within clientTimeoutMs. a = request id, b = server it had asked, c = attempt number. */
  ClientTimedOut: 915,
  /** Client: told "no leader", it waits before asking again. a = request id, b = delay in ms, c = server it will ask. */
  ClientBackoff: 916,
  /** `add` of a node that is already a member, or was removed (ids are never reused): nothing happens. a = its state (1 member, 2 removed). */
  AddNotAbsent: 920,
  /** `remove` of a node that is not a member (not yet added, or already removed): nothing happens. a = its state (0 absent, 2 removed). */
  RemoveNotMember: 921,
  /** `restart` or `crash` of a node that is not a member: nothing happens. a = its state (0 absent, 2 removed). */
  NotMember: 922,
} as const;

/**
 * The simulator's own notes with their arguments named, as a protocol declares its own: the
 * session decodes them into NoteRow.f like any protocol note, so the shared narration reads
 * `note.f.requestId`, not `note.a`. Codes and positions are SimNote's.
 */
export const SimNotes = defineNotes({
  TimeoutNodeDown: { code: SimNote.TimeoutNodeDown, fields: [] },
  DropDone: { code: SimNote.DropDone, fields: ['nth', 'to', 'sent'] },
  DropAlreadyArrived: { code: SimNote.DropAlreadyArrived, fields: ['nth', 'to', 'sent'] },
  DropNeverSent: { code: SimNote.DropNeverSent, fields: ['nth', 'to', 'sent'] },
  DropAlreadyLost: { code: SimNote.DropAlreadyLost, fields: ['nth', 'to', 'sent'] },
  ClientNoLeader: { code: SimNote.ClientNoLeader, fields: ['requestId', 'server'] },
  ClientRedirected: { code: SimNote.ClientRedirected, fields: ['requestId', 'server', 'hint'] },
  ClientRetry: { code: SimNote.ClientRetry, fields: ['requestId', 'server', 'attempt'] },
  ClientFailed: { code: SimNote.ClientFailed, fields: ['requestId', 'attempts', 'why'] },
  ClientSucceeded: { code: SimNote.ClientSucceeded, fields: ['requestId', 'index', 'server'] },
  ClientTimedOut: { code: SimNote.ClientTimedOut, fields: ['requestId', 'server', 'attempt'] },
  ClientBackoff: { code: SimNote.ClientBackoff, fields: ['requestId', 'delayMs', 'server'] },
  AddNotAbsent: { code: SimNote.AddNotAbsent, fields: ['state'] },
  RemoveNotMember: { code: SimNote.RemoveNotMember, fields: ['state'] },
  NotMember: { code: SimNote.NotMember, fields: ['state'] },
});
export const SIM_NOTES: readonly NoteSpec[] = Object.values(SimNotes);

/** Why a client gave up (SimNote.ClientFailed's c). */
export const ClientFailure = {
  /** A server refused and the client does not retry. */
  Refused: 1,
  /** No answer in time, attempts exhausted. */
  TimedOut: 2,
  /** Refused on every attempt. */
  AttemptsExhausted: 3,
} as const;

/** Generic network and client timing, in virtual milliseconds. */
export interface NetworkConfig {
  latencyMinMs: number;
  latencyMaxMs: number;
  /** Probability in [0, 1) that a message is lost. */
  dropRate: number;
  /** Whether a client that gets no answer or a redirect tries again. */
  clientRetry: boolean;
  clientTimeoutMs: number;
  /**
   * Ordered links (TCP, etcd's streams): a message never arrives before an earlier one sent on
   * the same directed server link. Absent = true (parseNetworkFields' default).
   */
  fifo?: boolean;
  /** Probability in [0, 1) that a message skips the FIFO clamp and may overtake earlier ones (a fault). Absent = 0. */
  reorderRate?: number;
  /** Probability in [0, 1) that the network delivers a second copy of a message, later (a fault). Absent = 0. */
  duplicateRate?: number;
}

/** Type-erased protocol definition, as the registry holds it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyProtocol = ProtocolDef<any, any, any, any, any>;
