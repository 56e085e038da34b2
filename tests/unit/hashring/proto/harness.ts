/**
 * Runs hash-ring scenarios through the real simulator with the checkers on, keeping every
 * note with its name and fields, and a recording NodeCtx for stepping the router by hand.
 */
import type { NodeCtx } from '../../../../src/core/protocol';
import { parseConfig } from '../../../../src/core/hashring/config';
import type { Router } from '../../../../src/core/hashring/router';
import { HashringNotes, type HashringMsg } from '../../../../src/core/hashring/types';
import { cliReport } from '../../../../src/sim/run';
import { parseScenario, type Scenario } from '../../../../src/sim/scenario';
import { Simulation } from '../../../../src/sim/simulation';
import { noteRecorder, type NoteRec } from '../../support/note-rec';

export type { NoteRec };

const rec = noteRecorder(HashringNotes);

export interface Run {
  sim: Simulation;
  notes: NoteRec[];
  report: Record<string, unknown>;
  /** Every event: its time and type, and the router's ring after it. */
  events: { time: number; type: number; node: number; ring: readonly number[] }[];
}

export type RingScenario = Omit<Scenario, 'protocol' | 'script' | 'seed' | 'until'> & { seed?: number; until?: number; script?: Scenario['script'] };

/** Run a scenario with the checkers on, keeping every note and the ring after every event. */
export function run(s: RingScenario): Run {
  const parsed = parseScenario({ protocol: 'hashring', seed: 1, until: 5000, script: [], ...s });
  const sim = new Simulation(parsed);
  const notes: NoteRec[] = [];
  const events: Run['events'] = [];
  let t = 0;
  sim.recorder = {
    begin(_f: number, at: number, type: number, node: number) {
      t = at;
      events.push({ time: at, type, node, ring: [] });
    },
    note(code: number, node: number, a: number, b: number, c: number, d: number) {
      notes.push(rec(t, node, code, [a, b, c, d]));
    },
  } as never;
  const monitor = parsed.protocol.monitor(parsed.config, parsed.scenario.nodes);
  const inner = monitor.afterEvent.bind(monitor);
  monitor.afterEvent = (w, id) => {
    events[events.length - 1].ring = (w.nodes[0] as Router).ring;
    return inner(w, id);
  };
  sim.monitor = monitor as never;
  sim.runUntil(parsed.scenario.until);
  const report = cliReport(parsed, { sim, monitor, violation: sim.violation });
  return { sim, notes, report, events };
}

export function routerOf(r: Run): Router {
  return r.sim.nodes[0] as Router;
}

export function notesNamed(r: Run, name: keyof typeof HashringNotes, node?: number): NoteRec[] {
  return r.notes.filter((n) => n.name === name && (node === undefined || n.f.node === node));
}

/** When `id` was last in / out of the ring before time t (the ring after the last event at or before t). */
export function ringAt(r: Run, t: number): readonly number[] {
  let ring: readonly number[] = [];
  for (const e of r.events) {
    if (e.time > t) break;
    ring = e.ring;
  }
  return ring;
}

export class FakeCtx implements NodeCtx<HashringMsg> {
  sent: { to: number; msg: HashringMsg }[] = [];
  timers: { slot: number; delay: number | null }[] = [];
  notes: NoteRec[] = [];
  constructor(public now = 0) {}
  send(to: number, msg: HashringMsg): void {
    this.sent.push({ to, msg });
  }
  setTimer(slot: number, delayMs: number): void {
    this.timers.push({ slot, delay: delayMs });
  }
  clearTimer(slot: number): void {
    this.timers.push({ slot, delay: null });
  }
  randomInt(lo: number): number {
    return lo;
  }
  note(code: number, a = 0, b = 0, c = 0, d = 0): void {
    this.notes.push(rec(this.now, 0, code, [a, b, c, d]));
  }
  lastTimer(): number | null | undefined {
    return this.timers.length ? this.timers[this.timers.length - 1].delay : undefined;
  }
}

export const cfgOf = (config?: Record<string, unknown>, nodes = 3) => parseConfig(config, nodes);
