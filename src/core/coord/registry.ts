/**
 * The coordination services the simulator can host (DESIGN.md, "The coordination layer").
 * A service ties together what each part brings: the protocol it runs on (ZooKeeper on
 * ZAB), its client actor (a ClientDef), the parser of its client operations, its checkers
 * and its CLI output. The simulator (src/sim) finds a scenario's `service` here, as it
 * finds its `protocol` in src/core/registry.ts.
 */
import type { Monitor, Violation, WorldView } from '../protocol';
import type { ClientDef } from './service';
import { zookeeperService } from './zookeeper/service';

/**
 * What a service's checkers and output see: the live world of the servers plus the client
 * side — every client actor's state and the history the clients recorded so far.
 */
export interface ServiceWorld<Node = unknown> extends WorldView<Node> {
  /** Client actors 1..clientCount are clients[0..clientCount). */
  readonly clients: readonly unknown[];
  /** Operation records by op id (the order of invocation); a hole where a client recorded none. */
  readonly ops: readonly unknown[];
  /** Notifications in delivery order (ClientCtx.event). */
  readonly events: readonly unknown[];
}

export type Found = Omit<Violation, 'time' | 'frame'>;

/**
 * A service's checkers, as one monitor the simulator runs beside the protocol's own
 * (src/sim/monitors.ts combines them). `finish` checks what can only be judged over the
 * whole history (linearizability) when a run ends; `report` adds fields to the CLI output.
 */
export interface ServiceMonitor extends Monitor<unknown> {
  finish(world: ServiceWorld): Found | null;
}

export interface ServiceMonitorOptions {
  /**
   * Steps the end-of-run history search may take (its result is 'unknown' past them, which
   * is not a violation). The fuzzer gives less than a single run's default.
   */
  historyBudget?: number;
}

/** Everything a service registers. Type-erased as the registry holds it. */
export interface ServiceDef {
  readonly name: string;
  /** The protocols it runs on (`service: "zookeeper"` only with `protocol: "zab"`). */
  readonly protocols: readonly string[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly client: ClientDef<any, any, any, any, any, any>;
  /**
   * Validate one `{ "at", "do": "client", "client", "op", ...args }` action's op and
   * arguments (`field` is the action's name, e.g. `script[3]`); throws ScenarioError naming
   * the bad field. Returns the op with defaults filled in, as ClientDef.invoke takes it.
   */
  parseOp(raw: Record<string, unknown>, field: string, servers: number): unknown;
  /** The op names a client action accepts (for messages). */
  readonly opNames: readonly string[];
  /** A fresh set of checkers for one run. */
  monitor(cfg: unknown, nodes: number, clients: number, opts?: ServiceMonitorOptions): ServiceMonitor;
  /**
   * The CLI output's service fields (DESIGN.md: `service`, `ops`, `events`, `sessions`, and
   * the final committed state) at the end of a run.
   */
  output(world: ServiceWorld): Record<string, unknown>;
  /**
   * The fuzzer's client driver: the next op client `client` invokes, as a client action's
   * fields (`op` and its arguments, without at/do/client), or null for none now. `mem` is
   * the driver's own memory for this client (e.g. whether it asked for a lock), kept
   * between calls of one seed; `ops` are this client's records so far (what its application
   * has seen come back). Random choices only through `rng`.
   */
  fuzzOp?(rng: FuzzRng, client: number, servers: number, mem: Record<string, unknown>, ops: readonly unknown[]): Record<string, unknown> | null;
}

/** The seeded choices a fuzz driver may make (the simulator's Rng). */
export interface FuzzRng {
  next(): number;
  int(lo: number, hiExclusive: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

const SERVICES: ServiceDef[] = [zookeeperService];

/** Services DESIGN.md names that are not built yet: a scenario naming one is refused with that said. */
export const PLANNED_SERVICES: readonly string[] = ['etcd', 'consul'];

/** Add a service at run time (tests use this to prove the simulator is service-generic). */
export function registerService(s: ServiceDef): void {
  if (!getService(s.name)) SERVICES.push(s);
}

export function getService(name: string): ServiceDef | undefined {
  return SERVICES.find((s) => s.name === name);
}

export function serviceNames(): string[] {
  return SERVICES.map((s) => s.name);
}
