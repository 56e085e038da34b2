/**
 * Headless runs: a scenario to its `until` with the checkers on, and the JSON document
 * the CLI prints (../shared/DESIGN.md, "Headless CLI").
 */
import type { Monitor, Violation } from '../core/protocol';
import type { ParsedScenario } from './scenario';
import { Simulation } from './simulation';

export interface RunResult {
  sim: Simulation;
  monitor: Monitor<unknown>;
  violation: Violation | null;
}

/** Run to `until` (or the first violation) with invariants checked after every event. */
export function runHeadless(parsed: ParsedScenario, untilMs = parsed.scenario.until): RunResult {
  const sim = new Simulation(parsed);
  const monitor = parsed.protocol.monitor(parsed.config, parsed.scenario.nodes) as Monitor<unknown>;
  sim.monitor = monitor;
  sim.runUntil(untilMs);
  return { sim, monitor, violation: sim.violation };
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
  return {
    protocol: parsed.protocol.name,
    seed: parsed.scenario.seed,
    time: sim.now,
    events: sim.frame,
    nodes,
    ...r.monitor.report(),
    ops: sim.clients.output(),
    violations: r.violation ? [r.violation] : [],
    warnings: parsed.warnings,
  };
}
