/**
 * The coordination layer's plug-in contract (DESIGN.md, "The coordination layer"): a
 * service (ZooKeeper, later etcd and Consul) runs its state machine on every server of a
 * replicated-log protocol, and brings client actors that live in the same deterministic
 * simulation. This file is the boundary between a service's client actor
 * (src/core/coord/<service>/client.ts) and the simulator (src/sim), which routes
 * messages and timers to clients the way it does to nodes.
 *
 * Client ids: client c (1-based, as scenarios name it) is actor CLIENT_ID_BASE + c − 1.
 */
import type { NodeCtx } from '../protocol';

/** What a client actor may do while it handles one input: a NodeCtx plus its history. */
export interface ClientCtx<Msg, Rec> extends NodeCtx<Msg> {
  /** Servers are 1..servers. */
  readonly servers: number;
  /** Start recording operation `opId` (the simulator numbers ops in invoke order). */
  invoked(opId: number, rec: Rec): void;
  /** Complete operation `opId`: replaces its record (complete time, outcome). */
  completed(opId: number, rec: Rec): void;
  /** A notification delivered to the application (the CLI's `events`). */
  event(ev: unknown): void;
}

/**
 * A service's client actor, as pure functions over its state (like ProtocolDef for nodes).
 * The simulator owns the timers (slots 0..timerSlots−1 per client), the network and the
 * keyframes; the client owns sessions, retries, fail-over and recipes.
 */
export interface ClientDef<Client, Op, Msg, Rec, Snap = unknown, View = unknown> {
  readonly timerSlots: number;
  /** Client `index` (1-based) of a scenario with `servers` servers. `cfg` is the protocol's parsed config. */
  create(index: number, servers: number, cfg: unknown): Client;
  /** The scenario's `{do: "client", op, …}` action, already validated, reaches the client. */
  invoke(client: Client, opId: number, op: Op, ctx: ClientCtx<Msg, Rec>): void;
  receive(client: Client, msg: Msg, from: number, ctx: ClientCtx<Msg, Rec>): void;
  timer(client: Client, slot: number, ctx: ClientCtx<Msg, Rec>): void;
  /**
   * The server this client is connected to crashed: its TCP connection is reset, which the
   * real client notices at once (a partition or a lost link gives no such signal; the
   * client's read timeout finds those).
   */
  disconnected?(client: Client, server: number, ctx: ClientCtx<Msg, Rec>): void;
  snapshot(client: Client): Snap;
  restore(snap: Snap): Client;
  /** What the UI draws of a client (session state, server, time left, lock queue place). */
  view(client: Client): View;
}
