/**
 * A tiny world for ZAB unit tests: a recording NodeCtx for stepping one server by hand,
 * and a runner of scenarios through the real simulator that keeps every note.
 */
import type { NodeCtx } from '../../../src/core/protocol';
import { parseConfig } from '../../../src/core/zab/config';
import { parseInitial } from '../../../src/core/zab/initial';
import { zabProtocol } from '../../../src/core/zab/protocol';
import type { ZabNode } from '../../../src/core/zab/state';
import { ZabNotes, type ZabMsg } from '../../../src/core/zab/types';
import { cliReport } from '../../../src/sim/run';
import { parseScenario, type Scenario } from '../../../src/sim/scenario';
import { Simulation } from '../../../src/sim/simulation';
import { noteRecorder, type NoteRec } from '../support/note-rec';

export const CLIENT = 1001;

export type { NoteRec };

const rec = noteRecorder(ZabNotes);

export class FakeCtx implements NodeCtx<ZabMsg> {
  sent: { to: number; msg: ZabMsg }[] = [];
  timers: { slot: number; delay: number | null }[] = [];
  notes: NoteRec[] = [];
  constructor(
    readonly node: number,
    readonly now = 0,
  ) {}
  send(to: number, msg: ZabMsg): void {
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
    this.notes.push(rec(this.now, this.node, code, [a, b, c, d]));
  }
  names(): string[] {
    return this.notes.map((n) => n.name);
  }
  noteOf(name: string): NoteRec | undefined {
    return this.notes.find((n) => n.name === name);
  }
  msgs<T extends ZabMsg['type']>(type: T): { to: number; msg: Extract<ZabMsg, { type: T }> }[] {
    return this.sent.filter((s) => s.msg.type === type) as { to: number; msg: Extract<ZabMsg, { type: T }> }[];
  }
  lastTimer(slot: number): number | null | undefined {
    for (let i = this.timers.length - 1; i >= 0; i--) if (this.timers[i].slot === slot) return this.timers[i].delay;
    return undefined;
  }
}

/** One server, created and started (LOOKING, round 1), for stepping by hand. */
export function makeNode(id: number, nodes: number, config?: Record<string, unknown>, initial?: Record<string, unknown>): ZabNode {
  const cfg = parseConfig(config, nodes);
  const init = parseInitial(initial ? { [String(id)]: initial } : undefined, nodes);
  const node = zabProtocol.createNode(id, nodes, cfg, init.get(id));
  zabProtocol.start(node, new FakeCtx(id));
  return node;
}

export function step(node: ZabNode, msg: ZabMsg, from: number, now = 0): FakeCtx {
  const ctx = new FakeCtx(node.id, now);
  zabProtocol.receive(node, msg, from, ctx);
  return ctx;
}

export function fire(node: ZabNode, slot: number, now = 0): FakeCtx {
  const ctx = new FakeCtx(node.id, now);
  zabProtocol.timer(node, slot, ctx);
  return ctx;
}

/** A notification from `sid` voting (leader, zxid, epoch) in `round`. */
export function notif(sid: number, leader: number, zxid: number, epoch: number, round: number, state: 1 | 2 | 3 = 1): ZabMsg {
  return { type: 'Notification', vote: { leader, zxid, epoch }, round, state, sid };
}

export interface Run {
  sim: Simulation;
  notes: NoteRec[];
  report: Record<string, unknown>;
}

/** Run a scenario in the real simulator with the checkers on, keeping every note. */
export function run(s: Omit<Scenario, 'protocol' | 'script'> & { script?: Scenario['script'] }): Run {
  const parsed = parseScenario({ protocol: 'zab', script: [], ...s });
  const sim = new Simulation(parsed);
  const notes: NoteRec[] = [];
  let t = 0;
  sim.recorder = {
    begin(_f: number, at: number) {
      t = at;
    },
    note(code: number, node: number, a: number, b: number, c: number, d: number) {
      notes.push(rec(t, node, code, [a, b, c, d]));
    },
  } as never;
  const monitor = parsed.protocol.monitor(parsed.config, parsed.scenario.nodes);
  sim.monitor = monitor as never;
  sim.runUntil(parsed.scenario.until);
  const report = cliReport(parsed, { sim, monitor, violation: sim.violation });
  return { sim, notes, report };
}

export function nodeOf(r: Run, id: number): ZabNode {
  return r.sim.nodes[id] as ZabNode;
}

export function notesNamed(r: Run, name: string, node?: number): NoteRec[] {
  return r.notes.filter((n) => n.name === name && (node === undefined || n.node === node));
}
