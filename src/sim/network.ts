/**
 * Link state between server nodes: partitions (groups that cannot talk to each other) and
 * one-way cuts. Latency and random loss are drawn by the simulator from the network stream.
 * Service clients' links to servers are apart: a partition of the servers leaves them alone,
 * and `cut` / `mend` with a `client` take that client's links to one server or to all of them
 * down or up, both ways (TCP connections: the simulator holds their packets meanwhile).
 * Raft's and ZAB's built-in request client is never cut.
 */
import type { NetworkView } from './api';

export class Network {
  /** group[id] = partition group index, or -1 when there is no partition. */
  private group: Int16Array;
  private groups: number[][] | null = null;
  /** cut[from * stride + to] = 1 when that direction is cut. */
  private cut: Uint8Array;
  private readonly stride: number;
  private cutCount = 0;
  /** clientCut[(c − 1) * stride + server] = 1 when service client c's link with that server is down. */
  private clientCut: Uint8Array;
  private clientCutCount = 0;

  /** `hub`: there is a hub at id 0 (ProtocolDef.hub): its links can be cut, and a partition puts it with the first group. */
  constructor(
    readonly nodes: number,
    readonly hub = false,
    readonly clients = 0,
  ) {
    this.stride = nodes + 1;
    this.group = new Int16Array(nodes + 1).fill(-1);
    this.cut = new Uint8Array(this.stride * this.stride);
    this.clientCut = new Uint8Array(clients * this.stride);
  }

  /** Whether service client c's link with `server` is up. */
  clientLinkUp(c: number, server: number): boolean {
    return this.clientCutCount === 0 || this.clientCut[(c - 1) * this.stride + server] === 0;
  }

  /** Take client c's link with `server` (0: with every server) down or up, both ways. */
  setClientCut(c: number, server: number, isCut: boolean): void {
    const lo = server === 0 ? 1 : server;
    const hi = server === 0 ? this.nodes : server;
    for (let s = lo; s <= hi; s++) {
      const k = (c - 1) * this.stride + s;
      if ((this.clientCut[k] === 1) === isCut) continue;
      this.clientCut[k] = isCut ? 1 : 0;
      this.clientCutCount += isCut ? 1 : -1;
    }
  }

  /** Whether a message from `from` can reach `to` now (both server ids). */
  canDeliver(from: number, to: number): boolean {
    if (from > this.nodes || to > this.nodes) return true; // clients
    if (this.groups !== null && this.group[from] !== this.group[to]) return false;
    return this.cutCount === 0 || this.cut[from * this.stride + to] === 0;
  }

  /** Nodes in different groups cannot talk; unlisted nodes are each alone. */
  partition(groups: readonly (readonly number[])[]): void {
    this.group.fill(-1);
    const all = groups.map((g) => g.slice());
    for (let id = 1; id <= this.nodes; id++) {
      if (!groups.some((g) => g.includes(id))) all.push([id]);
    }
    all.forEach((g, gi) => g.forEach((id) => (this.group[id] = gi)));
    if (this.hub) this.group[0] = 0;
    this.groups = all.map((g) => g.slice().sort((a, b) => a - b));
  }

  setCut(from: number, to: number, isCut: boolean): void {
    const k = from * this.stride + to;
    const was = this.cut[k] === 1;
    if (was === isCut) return;
    this.cut[k] = isCut ? 1 : 0;
    this.cutCount += isCut ? 1 : -1;
  }

  /** All links up: no partition, no cuts. */
  heal(): void {
    this.group.fill(-1);
    this.groups = null;
    this.cut.fill(0);
    this.cutCount = 0;
    this.clientCut.fill(0);
    this.clientCutCount = 0;
  }

  view(): NetworkView {
    const cuts: [number, number][] = [];
    if (this.cutCount > 0) {
      const lo = this.hub ? 0 : 1;
      for (let f = lo; f <= this.nodes; f++) {
        for (let t = lo; t <= this.nodes; t++) if (this.cut[f * this.stride + t]) cuts.push([f, t]);
      }
    }
    // The hub is shown in the group it sits with (the first), so the UI's partition tests hold for it too.
    const groups = this.groups ? this.groups.map((g, gi) => (this.hub && gi === 0 ? [0, ...g] : g.slice())) : null;
    const clientCuts: [number, number][] = [];
    if (this.clientCutCount > 0) {
      for (let c = 1; c <= this.clients; c++) {
        for (let sv = 1; sv <= this.nodes; sv++) if (this.clientCut[(c - 1) * this.stride + sv]) clientCuts.push([c, sv]);
      }
    }
    return { partition: groups, cuts, clientCuts };
  }

  snapshot(): NetworkSnap {
    return { groups: this.groups ? this.groups.map((g) => g.slice()) : null, cut: this.cut.slice(), clientCut: this.clientCut.slice() };
  }

  restore(s: NetworkSnap): void {
    this.heal();
    if (s.groups) this.partition(s.groups);
    this.cut.set(s.cut);
    this.cutCount = s.cut.reduce((n, v) => n + v, 0);
    this.clientCut.set(s.clientCut);
    this.clientCutCount = s.clientCut.reduce((n, v) => n + v, 0);
  }
}

export interface NetworkSnap {
  groups: number[][] | null;
  cut: Uint8Array;
  clientCut: Uint8Array;
}
