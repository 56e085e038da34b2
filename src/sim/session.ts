/**
 * SimSession: one simulation with its recorded history, behind the SimApi the UI uses
 * (through Comlink in a worker, or in-process in tests).
 *
 * The simulator is a cursor over the history. Frames up to `head` are recorded; moving
 * back restores the nearest keyframe and replays (without recording or checking, since
 * those frames were checked when first recorded). The invariant monitor always matches
 * the head; a fork (a user action while looking at an earlier frame) drops the later
 * frames and rebuilds the monitor by replaying from frame 0 with checks on.
 */
import { HUB_ID, SIM_NOTES, ScenarioError, type Monitor, type Violation } from '../core/protocol';
import type { EventRow, FrameView, LoadResult, Mark, SimApi, TimerView, UserAction } from './api';
import { History, KEYFRAME_EVERY } from './history';
import { MAX_FRAMES } from './limits';
import { actionLimits, actionNode, parseAction, parseScenario, sortScript, type ParsedScenario, type Scenario, type ScriptAction } from './scenario';
import { Simulation, SimulationHalted } from './simulation';
import { runExperiment } from './experiments';
import { createMonitor } from './monitors';
import { LINEARIZATION_QUERY, linearizationOf, type LinearizationAnswer, type LinearizationArg, type LinearizationView } from '../core/coord/zookeeper/history-query';
import type { ZkOpRecord } from '../core/coord/zookeeper/types';

/** Upper bound on recorded frames per session (defined in ./limits, which the UI may import). */
export { MAX_FRAMES };
/** Frames recorded by one advance/seek call at most, so a worker stays responsive. */
export const MAX_NEW_FRAMES_PER_CALL = 200_000;
const MAX_EVENT_ROWS = 1000;
const RECENT_OPS = 20;
/** A service's ops and events a frame carries at most (the newest). */
const RECENT_SERVICE_OPS = 200;

interface Loaded {
  parsed: ParsedScenario;
  sim: Simulation;
  history: History;
  monitor: Monitor<unknown>;
  marks: Mark[];
  /** The protocol's note codes → their argument names (NoteSpec.fields). */
  noteFields: Map<number, readonly string[]>;
  violation: Violation | null;
  halted: SimulationHalted | null;
  /** The scenario as it will be written back: its script plus the user's actions. */
  script: ScriptAction[];
  /** Actions the user made (they belong to a future a fork may abandon). */
  userActions: Set<ScriptAction>;
}

/** Finite stop times, ascending. */
function sortedStops(times: readonly number[]): number[] {
  return times.filter((t) => Number.isFinite(t) && t >= 0).sort((a, b) => a - b);
}

export class SimSession implements SimApi {
  private s: Loaded | null = null;
  /** The last `linearization` answer and the records it was for (records are replaced, never mutated: same objects, same answer). */
  private lin: { records: readonly unknown[]; arg: string; value: LinearizationView } | null = null;
  /**
   * A wall clock (ms) to time the linearization check with, or null: the worker gives
   * performance.now; the session never reads a clock itself, and the time is only reported
   * (LinearizationView.ms), never part of the run.
   */
  protected checkClock: (() => number) | null = null;

  load(raw: unknown): LoadResult {
    let parsed: ParsedScenario;
    try {
      parsed = parseScenario(raw);
    } catch (e) {
      if (e instanceof ScenarioError) return { ok: false, error: e.message, field: e.field };
      return { ok: false, error: String((e as Error)?.message ?? e), field: 'scenario' };
    }
    const sim = new Simulation(parsed);
    const history = new History();
    const monitor = createMonitor(parsed);
    history.keyframe(sim.snapshot());
    this.s = {
      parsed,
      sim,
      history,
      monitor,
      marks: [],
      noteFields: new Map([...SIM_NOTES, ...parsed.protocol.notes, ...(parsed.service?.notes ?? [])].map((n) => [n.code, n.fields])),
      violation: null,
      halted: null,
      script: parsed.scenario.script.slice(),
      userActions: new Set(),
    };
    return { ok: true, scenario: this.scenario(), view: this.view(), warnings: parsed.warnings };
  }

  private get loaded(): Loaded {
    if (this.s === null) throw new Error('no scenario loaded');
    return this.s;
  }

  /** Record one new frame at the head. Returns false when the run cannot go on. */
  private recordOne(): boolean {
    const s = this.loaded;
    const { sim, history } = s;
    if (s.violation !== null || s.halted !== null || history.head >= MAX_FRAMES) return false;
    sim.recorder = history;
    sim.monitor = s.monitor;
    let ok: boolean;
    try {
      ok = sim.step();
    } catch (e) {
      if (!(e instanceof SimulationHalted)) throw e;
      // The half-done event is not a frame: drop its row and rewind to the last whole one.
      s.halted = e;
      const last = sim.frame - 1;
      history.truncate(last);
      sim.recorder = null;
      sim.monitor = null;
      sim.restore(history.keyframeFor(last));
      while (sim.frame < last && sim.step()) {
        /* replay */
      }
      ok = false;
    } finally {
      sim.recorder = null;
      sim.monitor = null;
    }
    if (!ok) return false;
    const f = sim.frame;
    if (f % KEYFRAME_EVERY === 0) history.keyframe(sim.snapshot());
    this.collectMarks(f);
    if (sim.violation !== null) {
      s.violation = sim.violation;
      s.marks.push({ frame: f, time: sim.now, kind: 'violation', node: 0, value: 0 });
    }
    return true;
  }

  /** Timeline marks of a just-recorded frame, read from the columns (no row objects). */
  private collectMarks(f: number): void {
    const s = this.loaded;
    const { history, sim } = s;
    const time = sim.now;
    const a = history.actionAt(f);
    if (a !== null) {
      s.marks.push({ frame: f, time, kind: a.do, node: actionNode(a), value: 0 });
    }
    history.forEachNote(f, (code, node, na, nb, nc, nd) => {
      const m = sim.protocol.mark(code, na, nb, nc, nd, sim.nodes[node]);
      if (m !== null) s.marks.push({ frame: f, time, kind: m.kind, node, value: m.value });
    });
  }

  /** Move the simulator to a recorded frame (0..head) without recording. */
  private goto(frame: number): void {
    const s = this.loaded;
    const { sim, history } = s;
    if (frame === sim.frame) return;
    if (!(frame > sim.frame && frame - sim.frame <= KEYFRAME_EVERY)) sim.restore(history.keyframeFor(frame));
    while (sim.frame < frame && sim.step()) {
      /* replay */
    }
    if (sim.frame === history.head) sim.violation = s.violation;
  }

  /** Record new frames while `more()` holds, starting from the head. */
  private recordWhile(more: () => boolean, maxNew: number): void {
    const s = this.loaded;
    this.goto(s.history.head);
    let n = 0;
    while (n < maxNew && more() && this.recordOne()) n++;
  }

  view(): FrameView {
    const s = this.loaded;
    const { sim, history } = s;
    const p = sim.protocol;
    const n = sim.nodeCount;
    const nodes: unknown[] = [];
    const timers: TimerView[][] = [];
    const timersOf = (id: number): TimerView[] => {
      const ts: TimerView[] = [];
      for (let slot = 0; slot < sim.slots; slot++) {
        const k = id * sim.slots + slot;
        if (sim.timerAt[k] !== Infinity) ts.push({ slot, setAt: sim.timerSetAt[k], at: sim.timerAt[k] });
      }
      return ts;
    };
    for (let id = 1; id <= n; id++) {
      nodes.push(p.view(sim.nodes[id], sim.alive[id]));
      timers.push(timersOf(id));
    }
    const messages = sim.queue.items
      .filter((m) => m.from !== m.to)
      .sort((a, b) => a.seq - b.seq)
      .map((m) => ({ id: m.seq, from: m.from, to: m.to, sentAt: m.sentAt, at: m.at, look: p.look(m.msg), lost: m.lost, nth: m.nth }));
    const f = sim.frame;
    return {
      protocol: p.name,
      frame: f,
      head: history.head,
      time: sim.now,
      nextTime: f < history.head ? history.timeOf(f + 1) : null,
      nodes,
      alive: sim.alive.slice(1),
      timers,
      messages,
      network: sim.network.view(),
      ops: sim.clients.recent(RECENT_OPS),
      violation: s.violation !== null && s.violation.frame <= f ? s.violation : null,
      halted: s.halted !== null && f === history.head ? { code: s.halted.code, limit: s.halted.limit } : null,
      event: f > 0 ? this.row(f) : null,
      hub: sim.hasHub ? p.view(sim.nodes[HUB_ID], true) : null,
      hubTimers: sim.hasHub ? timersOf(HUB_ID) : [],
      members: p.membership ? Array.from(sim.member.subarray(1)) : null,
      service: this.serviceView(),
    };
  }

  /** A service scenario's clients at this frame: what each draws, and the history so far. */
  private serviceView(): FrameView['service'] {
    const { sim, parsed } = this.loaded;
    const host = sim.serviceClients;
    if (host === null || parsed.service === null) return null;
    const ops = host.ops.filter((o) => o !== undefined);
    return { name: parsed.service.name, clients: host.views(), ops: ops.slice(-RECENT_SERVICE_OPS), opCount: ops.length, events: host.events.slice(-RECENT_SERVICE_OPS), eventCount: host.events.length };
  }

  seek(frame: number): FrameView {
    const s = this.loaded;
    const target = Math.max(0, Math.floor(Number.isFinite(frame) ? frame : 0));
    if (target > s.history.head) this.recordWhile(() => s.history.head < target, MAX_NEW_FRAMES_PER_CALL);
    this.goto(Math.min(target, s.history.head));
    return this.view();
  }

  advanceTo(timeMs: number, maxNewFrames = MAX_NEW_FRAMES_PER_CALL): FrameView {
    const s = this.loaded;
    const t = Number.isFinite(timeMs) ? timeMs : 0;
    const { history, sim } = s;
    if (s.violation === null && t > history.timeOf(history.head)) {
      this.recordWhile(() => sim.nextTime() <= t, Math.min(maxNewFrames, MAX_NEW_FRAMES_PER_CALL));
    }
    this.goto(history.frameAtTime(t));
    return this.view();
  }

  act(action: UserAction, atTimeMs?: number): FrameView {
    const s = this.loaded;
    const { sim, history } = s;
    const frame = sim.frame;
    if (frame < history.head) this.fork(frame);
    if (s.violation !== null) return this.view();
    const at = Math.max(sim.now + 1, Math.ceil(atTimeMs ?? 0));
    // Validate with the scenario parser's rules, so a UI action obeys the same ones as a file.
    let candidate: ScriptAction;
    try {
      candidate = parseAction({ ...action, at }, s.script.length, actionLimits(sim.protocol, s.parsed.scenario.nodes, s.parsed.service ?? undefined, s.parsed.clients));
    } catch (e) {
      throw new Error(`bad action: ${(e as Error).message}`, { cause: e });
    }
    s.script.push(candidate);
    s.userActions.add(candidate);
    sim.insertAction(candidate);
    const pos = () => sim.script.indexOf(candidate);
    this.recordWhile(() => pos() >= sim.scriptPos, MAX_NEW_FRAMES_PER_CALL);
    return this.view();
  }

  /** Drop the frames after `frame` and the user's actions that had not run by then. */
  private fork(frame: number): void {
    const s = this.loaded;
    const { sim, history } = s;
    history.truncate(frame);
    s.marks = s.marks.filter((m) => m.frame <= frame);
    if (s.violation !== null && s.violation.frame > frame) s.violation = null;
    // Rebuild the monitor: replay from frame 0 with checks on (those frames passed before).
    s.monitor = createMonitor(s.parsed);
    sim.restore(history.keyframes[0]);
    sim.monitor = s.monitor;
    while (sim.frame < frame && sim.step()) {
      /* replay with checks */
    }
    sim.monitor = null;
    const abandoned = sim.script.slice(sim.scriptPos).filter((a) => s.userActions.has(a));
    for (const a of abandoned) {
      sim.script.splice(sim.script.indexOf(a), 1);
      s.script.splice(s.script.indexOf(a), 1);
      s.userActions.delete(a);
    }
    sim.violation = s.violation;
  }

  events(fromFrame: number, toFrame: number): EventRow[] {
    const { history } = this.loaded;
    const to = Math.min(history.head, Math.floor(toFrame));
    const from = Math.max(1, Math.floor(fromFrame), to - MAX_EVENT_ROWS + 1);
    const rows: EventRow[] = [];
    for (let f = from; f <= to; f++) rows.push(this.row(f));
    return rows;
  }

  /** Frame f's event row, with the protocol's say on which of its notes are worth reading. */
  private row(f: number): EventRow {
    const s = this.loaded;
    const p = s.parsed.protocol;
    return s.history.row(f, p.notable ? (code) => p.notable!(code) : undefined, (code) => s.noteFields.get(code));
  }

  marks(sinceFrame: number): Mark[] {
    return this.loaded.marks.filter((m) => m.frame >= sinceFrame);
  }

  nextMarkFrame(afterFrame: number, stopTimesMs: readonly number[] = [], maxNewFrames = MAX_NEW_FRAMES_PER_CALL): number | null {
    const s = this.loaded;
    const { history, sim } = s;
    const after = Math.max(0, Math.floor(Number.isFinite(afterFrame) ? afterFrame : 0));
    const stops = sortedStops(stopTimesMs);
    // Marks are appended in frame order: the first one after `after` is the nearest.
    const recorded = s.marks.find((m) => m.frame > after);
    let best = recorded ? recorded.frame : null;
    // A stop's frame is known once a later frame exists (or the run has ended); only the
    // stops still unknown can lie at or after the head, i.e. after every recorded mark.
    let next = 0;
    const known = (ended: boolean) => {
      const headTime = history.timeOf(history.head);
      for (; next < stops.length && (ended || stops[next] < headTime); next++) {
        const f = history.frameAtTime(stops[next]);
        if (f > after) return f;
      }
      return null;
    };
    const stop = known(false);
    if (stop !== null) best = best === null ? stop : Math.min(best, stop);
    if (best !== null) return best;
    const limit = Math.min(Math.max(0, Math.floor(maxNewFrames)), MAX_NEW_FRAMES_PER_CALL);
    this.goto(history.head);
    for (let n = 0; n < limit; n++) {
      const marksBefore = s.marks.length;
      const ok = this.recordOne();
      const stopFrame = known(!ok || sim.nextTime() === Infinity);
      let markFrame: number | null = null;
      for (let i = marksBefore; i < s.marks.length && markFrame === null; i++) if (s.marks[i].frame > after) markFrame = s.marks[i].frame;
      if (stopFrame !== null || markFrame !== null) return Math.min(stopFrame ?? Infinity, markFrame ?? Infinity);
      if (!ok) break;
    }
    return null;
  }

  prevMarkFrame(beforeFrame: number, stopTimesMs: readonly number[] = []): number | null {
    const s = this.loaded;
    const { history } = s;
    const before = Math.floor(Number.isFinite(beforeFrame) ? beforeFrame : 0);
    let best = -1;
    for (const m of s.marks) {
      if (m.frame >= before) break;
      best = m.frame;
    }
    const headTime = history.timeOf(history.head);
    for (const t of sortedStops(stopTimesMs)) {
      // A stop at or past the head's time has no known frame before the head.
      if (t >= headTime) break;
      const f = history.frameAtTime(t);
      if (f < before) best = Math.max(best, f);
    }
    return best >= 0 ? best : null;
  }

  lastNotable(frame: number, lookBack = 2000): EventRow | null {
    const { history } = this.loaded;
    const from = Math.min(history.head, Math.floor(Number.isFinite(frame) ? frame : 0));
    const to = Math.max(1, from - Math.max(0, Math.floor(lookBack)));
    for (let f = from; f >= to; f--) {
      const r = this.row(f);
      if (r.notable) return r;
    }
    return null;
  }

  query(frame: number, name: string, arg?: unknown): unknown {
    const s = this.loaded;
    if (name === LINEARIZATION_QUERY && s.parsed.service?.name === 'zookeeper') return this.linearization(frame, arg);
    const q = s.sim.protocol.query;
    if (q === undefined) return null;
    this.seek(frame);
    return q.call(s.sim.protocol, s.sim.worldView(), s.sim.cfg, name, arg) ?? null;
  }

  /** The ZooKeeper history's linearizability check up to `frame` (core/coord/zookeeper/history-query.ts), memoized. */
  private linearization(frame: number, arg: unknown): LinearizationAnswer | null {
    this.seek(frame);
    const { sim, parsed } = this.loaded;
    const host = sim.serviceClients;
    if (host === null) return null;
    const records = host.ops.filter((o) => o !== undefined);
    const key = JSON.stringify(arg ?? null);
    const until = parsed.scenario.until;
    const end = sim.now > until || sim.nextTime() > until;
    const last = this.lin;
    if (last !== null && last.arg === key && last.records.length === records.length && last.records.every((r, i) => r === records[i])) return { check: last.value, time: sim.now, end };
    const clock = this.checkClock;
    const t0 = clock === null ? 0 : clock();
    const value = linearizationOf(records as ZkOpRecord[], (arg ?? {}) as LinearizationArg);
    if (clock !== null) value.ms = clock() - t0;
    this.lin = { records, arg: key, value };
    return { check: value, time: sim.now, end };
  }

  experiment(name: string, arg?: unknown): unknown {
    return runExperiment(name, arg);
  }

  scenario(): Scenario {
    const s = this.loaded;
    const sc = s.parsed.scenario;
    const out: Scenario = { protocol: sc.protocol, nodes: sc.nodes, seed: sc.seed, until: sc.until, script: sortScript(s.script) };
    if (sc.config !== undefined) out.config = sc.config;
    if (sc.initial !== undefined) out.initial = sc.initial;
    if (sc.service !== undefined) out.service = sc.service;
    if (sc.clients !== undefined) out.clients = sc.clients;
    return out;
  }

  /** For tests and the CLI: the trace hash of what has been recorded. */
  traceHash(): string {
    return this.loaded.history.hash();
  }
}
