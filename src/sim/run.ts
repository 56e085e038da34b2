/**
 * Headless runs: a scenario to its `until` with the checkers on, and the JSON document
 * the CLI prints (../shared/DESIGN.md, "Headless CLI").
 */
import type { Monitor, Violation } from '../core/protocol';
import { createMonitor, finishRun } from './monitors';
import type { ParsedScenario } from './scenario';
import { Simulation } from './simulation';

export interface RunResult {
  sim: Simulation;
  monitor: Monitor<unknown>;
  violation: Violation | null;
}

/**
 * Run to `until` (or the first violation) with invariants checked after every event; a
 * service scenario's whole-history checks (linearizability) then run once at the end.
 */
export function runHeadless(parsed: ParsedScenario, untilMs = parsed.scenario.until): RunResult {
  const sim = new Simulation(parsed);
  const monitor = createMonitor(parsed);
  sim.monitor = monitor;
  sim.runUntil(untilMs);
  const violation = parsed.service ? finishRun(monitor, sim.serviceWorld(), sim.violation, sim.frame, sim.now) : sim.violation;
  return { sim, monitor, violation };
}

/** The CLI's output document. */
export function cliReport(parsed: ParsedScenario, r: RunResult): Record<string, unknown> {
  const { sim } = r;
  const nodes: Record<string, unknown>[] = [];
  const world = sim.worldView();
  for (let id = 1; id <= sim.nodeCount; id++) {
    // A membership protocol's slots that never joined are not nodes of this run.
    if (sim.member[id] === 0) continue;
    nodes.push(parsed.protocol.output(sim.nodes[id], sim.alive[id], world));
  }
  const head = {
    protocol: parsed.protocol.name,
    seed: parsed.scenario.seed,
    time: sim.now,
    events: sim.frame,
    nodes,
    ...r.monitor.report(),
  };
  const tail = { violations: r.violation ? [r.violation] : [], warnings: parsed.warnings };
  const service = parsed.service ?? null;
  if (service !== null) {
    // A service's clients replace the built-in one (a service scenario has no `request`).
    // DESIGN.md gives `events` two meanings: the frame count, and a service's notifications.
    // A service scenario prints the notifications there, as the coordination layer's section
    // says, and the frame count as `frames`.
    const { events: frames, ...rest } = head;
    return { ...rest, frames, service: service.name, ...service.output(sim.serviceWorld()), ...tail };
  }
  return { ...head, ops: sim.clients.output(), ...tail };
}
