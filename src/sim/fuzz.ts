/**
 * The fuzzer: seeded random fault scenarios (crashes, restarts, partitions, one-way cuts,
 * message loss, reordering and duplication, early election timeouts, single dropped
 * messages, client load) run with every checker on. A scenario is written in the
 * scenario format, so a failing one opens in the app and replays exactly.
 */
import type { AnyProtocol, Violation } from '../core/protocol';
import { Rng } from './prng';
import { cliReport, runHeadless } from './run';
import { actionLimits, parseAction, parseScenario, type Scenario, type ScriptAction } from './scenario';
import type { ServiceDef } from '../core/coord/registry';
import { Simulation } from './simulation';
import { createMonitor, finishRun } from './monitors';

/** The fault driver looks at the cluster this often (virtual ms). */
const DRIVER_TICK_MS = 2;

export interface FuzzOptions {
  protocol: AnyProtocol;
  bug?: string;
  /**
   * Run a coordination service (e.g. zookeeper on zab) with its clients driven by the
   * service's fuzzOp, on top of the fault driver. Without it, a protocol's generated
   * scenarios are exactly what they were.
   */
  service?: ServiceDef;
  /**
   * Links reorder in every seed (reorderRate 0.05–0.5), for a campaign against unordered
   * networks. Without it, links are FIFO (the default) and a seed sometimes turns
   * reordering or duplication on.
   */
  reorder?: boolean;
}

/**
 * The ordering faults of one seed, drawn from a stream of their own ('fuzz-net') so the
 * rest of a seed's scenario is the same with or without them. FIFO stays the common case
 * (ZAB is only required to be safe over FIFO links; Raft must be safe either way).
 */
function networkFaults(seed: number, reorder: boolean, fifoOnly: boolean): Record<string, number> {
  const rng = new Rng(seed, 'fuzz-net');
  const out: Record<string, number> = {};
  const sometimes = (p: number) => rng.chance(p) && !fifoOnly;
  if (sometimes(0.15) || reorder) out.reorderRate = rng.pick([0.05, 0.2, 0.5]);
  if (sometimes(0.1)) out.duplicateRate = rng.pick([0.02, 0.1]);
  return out;
}

export interface FuzzOutcome {
  scenario: Scenario;
  violation: Violation | null;
  events: number;
}

/**
 * Run one fuzz seed. The fault driver is adaptive (as in TigerBeetle's VOPR): it runs the
 * simulation to just before each fault time and picks the fault from the live state —
 * crash *the leader*, isolate *the leader* in a minority — which reaches the narrow
 * windows where protocols break (Figure 8 needs a leader to die right after it counts an
 * old entry onto a majority). Each choice is written down as a concrete script action at
 * time t, and actions run before any other event at their time, so the printed scenario
 * replays exactly, with no fuzzer in the loop.
 */
export function fuzzOne(seed: number, opts: FuzzOptions): FuzzOutcome {
  if (opts.service !== undefined) return fuzzService(seed, opts, opts.service);
  // Nodes that join and leave (the hash ring) get a driver of their own; a fixed cluster's
  // scenarios stay exactly what they were.
  if (opts.protocol.membership) return fuzzMembership(seed, opts, opts.protocol.membership.capacity);
  const rng = new Rng(seed, 'fuzz');
  const nodes = rng.pick([3, 3, 3, 5]);
  const until = rng.int(6000, 16000);
  const config: Record<string, unknown> = { dropRate: rng.pick([0, 0.02, 0.1, 0.2]) };
  for (const [key, values] of Object.entries(opts.protocol.fuzzOptions)) config[key] = rng.pick(values);
  Object.assign(config, networkFaults(seed, opts.reorder ?? false, opts.protocol.fifoOnly ?? false));
  if (opts.bug) config.bugs = [opts.bug];
  const scenario: Scenario = { protocol: opts.protocol.name, nodes, seed, until, config, script: [] };
  const parsed = parseScenario(scenario);
  const sim = new Simulation(parsed);
  sim.monitor = createMonitor(parsed);
  const meanGapMs = rng.pick([30, 80, 200]);
  // Swarm testing: each seed turns some strategies on. The new-leader nemesis crashes or
  // isolates a freshly elected leader a few ms in, while it is still catching followers
  // up: the moment when counting old-term entries (Figure 8) goes wrong. Isolating stops
  // messages already on the wire (links are checked on arrival); crashing does not.
  const killNewLeaders = rng.chance(0.85);
  const isolateRatherThanCrash = rng.pick([0.3, 0.7, 1]);
  const burstChance = rng.pick([0.2, 0.5]);
  let requests = 0;
  let nextFaultAt = rng.int(1, 300);
  let lastLeader = 0;
  let killAt = Infinity;
  let victim = 0;
  for (let t = 1; t < until; t += DRIVER_TICK_MS) {
    sim.runUntil(t - 1);
    if (sim.violation) break;
    let action: ScriptAction | null = null;
    const leader = sim.protocol.leaderOf(sim.nodes, sim.alive);
    if (killNewLeaders && leader !== 0 && leader !== lastLeader && rng.chance(0.5)) {
      // Two modes: before its first messages arrive (its entries stay its own), or during
      // the round trips in which it catches followers up.
      killAt = t + (rng.chance(0.5) ? rng.int(1, 10) : rng.int(10, 150));
      victim = leader;
    }
    lastLeader = leader;
    if (t >= killAt) {
      killAt = Infinity;
      if (sim.alive[victim]) {
        const others = Array.from({ length: nodes }, (_, i) => i + 1).filter((id) => id !== victim);
        action = rng.chance(isolateRatherThanCrash) ? { at: t, do: 'partition', groups: [[victim], others] } : { at: t, do: 'crash', node: victim };
      }
    } else if (t >= nextFaultAt) {
      action = chooseFault(rng, sim, t, () => `v${++requests}`);
      if (action?.do === 'request' && rng.chance(burstChance)) {
        // A burst: several requests at once, so logs diverge by more than one entry.
        for (let k = rng.int(1, 5); k > 0; k--) {
          const extra: ScriptAction = { at: t, do: 'request', value: `v${++requests}` };
          scenario.script.push(extra);
          sim.insertAction(extra);
        }
      }
      if (action?.do === 'timeout' && rng.chance(0.4)) {
        // Two nodes time out at the same moment: the classic split vote.
        const first = action.node;
        const others = Array.from({ length: nodes }, (_, i) => i + 1).filter((id) => id !== first && sim.alive[id]);
        if (others.length > 0) {
          const extra: ScriptAction = { at: t, do: 'timeout', node: rng.pick(others) };
          scenario.script.push(extra);
          sim.insertAction(extra);
        }
      }
      // Exponential gaps: bursts of faults and quiet stretches.
      nextFaultAt = t + 1 + Math.floor(-Math.log(1 - rng.next()) * meanGapMs);
    }
    if (action) {
      scenario.script.push(action);
      sim.insertAction(action);
    }
  }
  if (!sim.violation) sim.runUntil(until);
  return { scenario, violation: sim.violation, events: sim.frame };
}

/**
 * One seed for a membership protocol with a hub (the hash ring's router at id 0): a ring of
 * 1–10 nodes, and at random gaps an `add` (a fresh id), a `remove`, a crash or a restart,
 * a cut or mend of a link to or from the hub, a partition (the hub stays with the first
 * group), a heal, or one heartbeat dropped on the wire — over a network that is sometimes
 * lossy, sometimes slow (wide latency), sometimes reordering or duplicating. The driver
 * jumps from one fault time to the next (nothing it picks depends on the moments between).
 */
function fuzzMembership(seed: number, opts: FuzzOptions, capacity: number): FuzzOutcome {
  const rng = new Rng(seed, 'fuzz');
  const nodes = rng.int(1, 11);
  const until = rng.int(3000, 12000);
  const config: Record<string, unknown> = { dropRate: rng.pick([0, 0, 0.02, 0.1, 0.3]) };
  // Slow links: a latency range up to several heartbeats wide, where a timeout suspects live nodes.
  const slow = rng.pick([0, 0, 0, 40, 150]);
  if (slow > 0) config.latencyMaxMs = slow;
  for (const [key, values] of Object.entries(opts.protocol.fuzzOptions)) config[key] = rng.pick(values);
  Object.assign(config, networkFaults(seed, opts.reorder ?? false, opts.protocol.fifoOnly ?? false));
  if (opts.bug) config.bugs = [opts.bug];
  const scenario: Scenario = { protocol: opts.protocol.name, nodes, seed, until, config, script: [] };
  const parsed = parseScenario(scenario);
  const sim = new Simulation(parsed);
  sim.monitor = createMonitor(parsed);
  const meanGapMs = rng.pick([100, 300, 800]);
  let nextId = nodes + 1;
  for (let t = rng.int(1, 300); t < until; t += 1 + Math.floor(-Math.log(1 - rng.next()) * meanGapMs)) {
    sim.runUntil(t - 1);
    if (sim.violation) break;
    const action = chooseMembershipFault(rng, sim, t, capacity, nextId);
    if (action === null) continue;
    if (action.do === 'add') nextId++;
    scenario.script.push(action);
    sim.insertAction(action);
  }
  if (!sim.violation) sim.runUntil(until);
  return { scenario, violation: sim.violation, events: sim.frame };
}

/**
 * One seed of a service scenario: 3 (sometimes 5) servers and 2–4 clients. Clients invoke
 * the service's random ops (ServiceDef.fuzzOp) at exponential gaps, each client its own
 * stream of choices ('fuzz-clients'); the fault driver (crashes — often of the leader —,
 * restarts, partitions, cuts, heals, early timeouts, single drops) runs beside them from
 * 'fuzz', at its own gaps. Server links are lossy in some seeds; client links are TCP
 * (Simulation.sendClientLink). The first second is quiet so an ensemble can form. The
 * whole-history checks (linearizability) run when the seed ends.
 */
/**
 * Steps of the end-of-run history search per fuzz seed: most seeds' histories linearize in
 * far fewer; one that does not within this many is 'unknown' (not a violation), so one hard
 * seed cannot stall a campaign.
 */
export const FUZZ_HISTORY_BUDGET = 20_000;

function fuzzService(seed: number, opts: FuzzOptions, service: ServiceDef): FuzzOutcome {
  const rng = new Rng(seed, 'fuzz');
  const crng = new Rng(seed, 'fuzz-clients');
  const nodes = rng.pick([3, 3, 3, 5]);
  const clients = rng.int(2, 5);
  const until = rng.int(8000, 16000);
  const config: Record<string, unknown> = { dropRate: rng.pick([0, 0, 0.02, 0.05]) };
  for (const [key, values] of Object.entries(opts.protocol.fuzzOptions)) {
    // ZooKeeper's session timeouts are tickTime multiples: keep ticks where sessions last seconds.
    if (key === 'tickTimeMs') config[key] = rng.pick([100, 200]);
    else if (key !== 'clientRetry') config[key] = rng.pick(values);
  }
  if (opts.bug) config.bugs = [opts.bug];
  const scenario: Scenario = { protocol: opts.protocol.name, nodes, seed, until, config, service: service.name, clients, script: [] };
  const parsed = parseScenario(scenario);
  const sim = new Simulation(parsed);
  const monitor = createMonitor(parsed, { historyBudget: FUZZ_HISTORY_BUDGET });
  sim.monitor = monitor;
  const fuzzOp = service.fuzzOp;
  const mem: Record<string, unknown>[] = Array.from({ length: clients }, () => ({}));
  const opGapMs = crng.pick([40, 100, 250]);
  const faultGapMs = rng.pick([300, 800, 2000]);
  let nextFault = 1000 + rng.int(0, 500);
  const nextOp = Array.from({ length: clients }, () => 300 + crng.int(0, 700));
  const gap = (r: Rng, mean: number) => 1 + Math.floor(-Math.log(1 - r.next()) * mean);
  for (let t = 1; t < until; t += DRIVER_TICK_MS) {
    sim.runUntil(t - 1);
    if (sim.violation) break;
    const add = (a: ScriptAction) => {
      scenario.script.push(a);
      sim.insertAction(a);
    };
    for (let c = 1; c <= clients && fuzzOp !== undefined; c++) {
      if (t < nextOp[c - 1]) continue;
      nextOp[c - 1] = t + gap(crng, opGapMs * clients);
      const mine = sim.serviceWorld().ops.filter((o) => o !== undefined && (o as { client: number }).client === c);
      const fields = fuzzOp.call(service, crng, c, nodes, mem[c - 1], mine);
      if (fields !== null) add(parseAction({ at: t, do: 'client', client: c, ...fields }, scenario.script.length, actionLimits(parsed.protocol, nodes, service, clients)));
    }
    if (t >= nextFault) {
      nextFault = t + gap(rng, faultGapMs);
      const a = chooseFault(rng, sim, t, () => '');
      // The built-in client's requests have no place here (a service's clients make them):
      // half of their share goes to a client's links instead — one server or all, down or up.
      if (a !== null && a.do !== 'request') add(a);
      else if (a !== null && rng.chance(0.5)) {
        const client = rng.int(1, clients + 1);
        const one = rng.chance(0.5);
        const what = rng.chance(0.55) ? 'cut' : 'mend';
        add(one ? { at: t, do: what, client, node: rng.int(1, nodes + 1) } : { at: t, do: what, client });
      }
    }
  }
  if (!sim.violation) sim.runUntil(until);
  const violation = finishRun(monitor, sim.serviceWorld(), sim.violation, sim.frame, sim.now);
  return { scenario, violation, events: sim.frame };
}

function chooseMembershipFault(rng: Rng, sim: Simulation, at: number, capacity: number, nextId: number): ScriptAction | null {
  const ids: number[] = [];
  for (let id = 1; id <= capacity; id++) if (sim.member[id] === 1) ids.push(id);
  const up = ids.filter((id) => sim.alive[id]);
  const down = ids.filter((id) => !sim.alive[id]);
  const r = rng.next();
  if (r < 0.15) return nextId <= capacity ? { at, do: 'add', node: nextId } : null;
  if (r < 0.25) return ids.length > 0 ? { at, do: 'remove', node: rng.pick(ids) } : null;
  if (r < 0.45) return up.length > 0 ? { at, do: 'crash', node: rng.pick(up) } : null;
  if (r < 0.62) return down.length > 0 ? { at, do: 'restart', node: rng.pick(down) } : null;
  if (r < 0.8) {
    if (ids.length === 0) return null;
    // A link to or from the router: the heartbeats' way, or (cut from the router) nothing the ring sends.
    const node = rng.pick(ids);
    const toHub = rng.chance(0.8);
    return { at, do: rng.chance(0.6) ? 'cut' : 'mend', from: toHub ? node : 0, to: toHub ? 0 : node };
  }
  if (r < 0.86) {
    if (ids.length < 2) return null;
    const k = rng.int(1, ids.length);
    const shuffled = ids.slice();
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = rng.int(0, i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    return { at, do: 'partition', groups: [shuffled.slice(0, k).sort((x, y) => x - y), shuffled.slice(k).sort((x, y) => x - y)] };
  }
  if (r < 0.94) return { at, do: 'heal' };
  const wire = sim.queue.items.filter((m) => m.nth > 0 && !m.lost && m.sentAt < at);
  if (wire.length === 0) return null;
  const m = rng.pick(wire);
  return { at, do: 'drop', from: m.from, to: m.to, nth: m.nth };
}

function chooseFault(rng: Rng, sim: Simulation, at: number, nextValue: () => string): ScriptAction | null {
  const n = sim.nodeCount;
  const ids = Array.from({ length: n }, (_, i) => i + 1);
  const up = ids.filter((id) => sim.alive[id]);
  const down = ids.filter((id) => !sim.alive[id]);
  const leader = sim.protocol.leaderOf(sim.nodes, sim.alive);
  const r = rng.next();
  if (r < 0.4) return { at, do: 'request', value: nextValue() };
  if (r < 0.55) {
    // Crash: usually the leader, keeping at least one node up.
    if (up.length <= 1) return null;
    const victim = leader && rng.chance(0.7) ? leader : rng.pick(up);
    return { at, do: 'crash', node: victim };
  }
  if (r < 0.68) return down.length ? { at, do: 'restart', node: rng.pick(down) } : null;
  if (r < 0.78) {
    const shuffled = ids.slice();
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = rng.int(0, i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    // Often: the leader with a minority, the rest elsewhere.
    if (leader && rng.chance(0.6)) {
      shuffled.splice(shuffled.indexOf(leader), 1);
      shuffled.unshift(leader);
    }
    const k = rng.int(1, n);
    const a = shuffled.slice(0, k).sort((x, y) => x - y);
    const b = shuffled.slice(k).sort((x, y) => x - y);
    return { at, do: 'partition', groups: [a, b] };
  }
  if (r < 0.86) return { at, do: 'heal' };
  if (r < 0.95) {
    const from = leader && rng.chance(0.5) ? leader : rng.int(1, n + 1);
    let to = rng.int(1, n + 1);
    if (to === from) to = (from % n) + 1;
    return { at, do: rng.chance(0.7) ? 'cut' : 'mend', from, to };
  }
  // The classroom moves: an early election timeout (fuzzOne sometimes adds a second one at
  // the same moment, to split votes), and the loss of one message on the wire, named as a user names it (from, to, nth).
  if (r < 0.975) return up.length ? { at, do: 'timeout', node: rng.pick(up) } : null;
  const wire = sim.queue.items.filter((m) => m.nth > 0 && !m.lost && m.sentAt < at);
  if (wire.length === 0) return null;
  const m = rng.pick(wire);
  return { at, do: 'drop', from: m.from, to: m.to, nth: m.nth };
}

/**
 * Shrink a failing scenario: drop script actions (halves, then single ones) while it
 * still violates the same invariant, and cut `until` to just past the violation.
 */
export function shrink(scenario: Scenario, invariant: string, budgetRuns = 400): Scenario {
  let best: Scenario = scenario;
  let runs = 0;
  const fails = (s: Scenario): Violation | null => {
    runs++;
    const r = runHeadless(parseScenario(s));
    return r.violation && r.violation.invariant === invariant ? r.violation : null;
  };
  const first = fails(best);
  if (first) best = { ...best, until: first.time + 1, script: best.script.filter((a) => a.at <= first.time) };
  let chunk = Math.max(1, best.script.length >> 1);
  while (chunk >= 1 && runs < budgetRuns) {
    let i = 0;
    let removed = false;
    while (i < best.script.length && runs < budgetRuns) {
      const candidate = { ...best, script: best.script.slice(0, i).concat(best.script.slice(i + chunk)) };
      const v = fails(candidate);
      if (v) {
        best = { ...candidate, until: v.time + 1 };
        removed = true;
      } else {
        i += chunk;
      }
    }
    if (!removed) chunk >>= 1;
  }
  return best;
}

export function fuzzReport(seeds: number, failures: number, first: FuzzOutcome | null, firstShrunk: Scenario | null) {
  const out: Record<string, unknown> = { protocol: first?.scenario.protocol, seeds, violations: failures, first: firstShrunk ?? first?.scenario ?? null };
  if (first) {
    out.firstViolation = first.violation;
    out.firstSeed = first.scenario.seed;
    out.firstUnshrunk = first.scenario;
    out.firstReport = cliReport(parseScenario(firstShrunk ?? first.scenario), runHeadless(parseScenario(firstShrunk ?? first.scenario)));
  }
  return out;
}
