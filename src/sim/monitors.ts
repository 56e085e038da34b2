/**
 * The monitor harness: a run's checkers as one Monitor. Without a service that is the
 * protocol's own monitor, untouched (same calls, same report). With one, the service's
 * checkers (src/core/coord/<service>/checkers.ts) run after the protocol's on every event,
 * over the same world plus the clients and their history (ServiceWorld), and `finish` runs
 * the checks that need the whole history (linearizability) when the run ends.
 */
import type { Monitor, Violation } from '../core/protocol';
import type { Found, ServiceMonitor, ServiceMonitorOptions, ServiceWorld } from '../core/coord/registry';
import type { ParsedScenario } from './scenario';

export interface RunMonitor extends Monitor<unknown> {
  /** End-of-run checks (a no-op without a service). */
  finish(world: ServiceWorld): Found | null;
}

export function createMonitor(parsed: ParsedScenario, opts?: ServiceMonitorOptions): RunMonitor {
  const base = parsed.protocol.monitor(parsed.config, parsed.scenario.nodes) as Monitor<unknown>;
  const service = parsed.service ?? null;
  if (service === null) return Object.assign(base, { finish: () => null }) as RunMonitor;
  return combine(base, service.monitor(parsed.config, parsed.scenario.nodes, parsed.clients, opts));
}

function combine(base: Monitor<unknown>, svc: ServiceMonitor): RunMonitor {
  return {
    beforeEvent(world, id) {
      base.beforeEvent(world, id);
      svc.beforeEvent(world, id);
    },
    afterEvent(world, id) {
      return base.afterEvent(world, id) ?? svc.afterEvent(world, id);
    },
    report: () => ({ ...base.report(), ...svc.report() }),
    finish: (world) => svc.finish(world),
  };
}

/** Run the end-of-run checks once, unless the run already stopped on a violation. */
export function finishRun(monitor: RunMonitor, world: ServiceWorld, violation: Violation | null, frame: number, time: number): Violation | null {
  if (violation !== null) return violation;
  const v = monitor.finish(world);
  return v === null ? null : { ...v, time, frame };
}
