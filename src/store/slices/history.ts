/**
 * Scenario-and-history slice: which scenario runs (open a lesson, load a scenario, reload
 * with a config option), the user's actions on it (each recorded into its script), and
 * forks that lose nothing. Acting on a past frame forks: the timeline the user had (its
 * scenario with every action, the frame, how far it was recorded) is kept as a branch and
 * pushed on the undo stack; `undo()` goes back to it, `switchBranch(id)` moves between
 * timelines. The session is deterministic, so reloading a timeline's scenario and seeking
 * brings its future back frame for frame.
 */
import type { LoadResult, UserAction } from '../../sim/api';
import type { Scenario, ScriptAction } from '../../sim/scenario';
import type { AppState, LoadOptions } from '../appStore';
import type { Core } from '../core';
import { DEFAULT_LESSON, lessonMeta } from '../lessons';
import { DEFAULT_SPEED, type Problem } from '../types';

/** A timeline other than the one on screen: what switching to it restores. */
export interface Branch {
  id: number;
  scenario: Scenario;
  lesson: string | null;
  pristine: boolean;
  /** The frame the user was on. */
  frame: number;
  /** How far it had been recorded (restored too, so its later marks are back). */
  head: number;
  /** The frame where it and the timeline it was forked from or into part. */
  forkFrame: number;
  /** Lesson stops before this virtual time still held on it. */
  stopsBefore: number;
}

export interface ForkNotice {
  seq: number;
  /** The frame acted on. */
  frame: number;
  /** Later user actions set aside by the fork (kept on the old timeline). */
  droppedActions: number;
}

export interface HistorySlice {
  status: 'idle' | 'loading' | 'ready' | 'failed';
  scenario: Scenario | null;
  /** The bundled lesson the scenario came from (for the selector). */
  lesson: string | null;
  /** True while the scenario is exactly the bundled lesson (no recorded actions, same config). */
  pristine: boolean;
  /** The last fork (an action on a past frame), until undone or dismissed: what it set aside. */
  forkNotice: ForkNotice | null;
  canUndo: boolean;
  /** The other timelines (old futures), oldest first; the one on screen is `branchId`. */
  branches: Branch[];
  branchId: number;

  /** Open a bundled lesson by name (falls back to the default lesson with a problem). */
  openLesson(name: string, opts?: LoadOptions): Promise<void>;
  /** Load a scenario object (from a link, a lesson or a config change). */
  loadScenario(raw: unknown, opts?: LoadOptions): Promise<void>;
  /** Restore the scenario and frame from before the last fork (the old future comes back). */
  undo(): Promise<void>;
  /** Show another timeline (the one on screen becomes a branch). */
  switchBranch(id: number): Promise<void>;
  dismissForkNotice(): void;

  act(action: UserAction): Promise<void>;
  crash(node: number): Promise<void>;
  restart(node: number): Promise<void>;
  cut(from: number, to: number): Promise<void>;
  mend(from: number, to: number): Promise<void>;
  partition(groups: number[][]): Promise<void>;
  heal(): Promise<void>;
  /** A client request, named x=N after the requests still on this timeline. */
  request(node?: number): Promise<void>;
  /** Set one config field (a switch, or `bugs`) and restart the scenario with it. */
  setConfigOption(key: string, value: unknown): Promise<void>;
}

/** How a load treats the history around it (internal to the store). */
interface LoadMode {
  /** Fall back to the default lesson on a bad scenario. */
  fallback: boolean;
  /** Keep the branches and undo stack (a timeline switch), else start afresh. */
  keepHistory?: boolean;
  /** Record at least this far (a restored timeline's head). */
  recordTo?: number;
  stopsBefore?: number;
}

/** A problem about the scenario or link a load opened (a later successful load replaces it), not the simulator failing. */
export function isLoadProblem(p: Problem): boolean {
  return p.code !== 'simFailed';
}

function defaultFetchLesson(name: string): Promise<unknown> {
  // Relative to the page, so the app also works from a sub-path.
  return fetch(`scenarios/${encodeURIComponent(name)}.json`).then((r) => {
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    return r.json();
  });
}

/** "x=3" → 3; anything else → 0. */
function requestNumber(a: ScriptAction): number {
  const m = a.do === 'request' ? /^x=(\d+)$/.exec(a.value) : null;
  return m ? Number(m[1]) : 0;
}

/** The next request's value: one past the highest that stays on the timeline after acting at `time`. */
export function nextRequestValue(script: readonly ScriptAction[], base: ReadonlySet<string>, time: number): string {
  let n = 0;
  for (const a of script) {
    // The loaded scenario's own actions stay; the user's later ones go with a fork.
    if (a.do === 'request' && (a.at <= time || base.has(JSON.stringify(a)))) n = Math.max(n, requestNumber(a));
  }
  return `x=${n + 1}`;
}

export function historySlice(core: Core): HistorySlice {
  const { set, get } = core;
  const fetchLesson = core.options.fetchLesson ?? defaultFetchLesson;
  let branchSeq = 1;
  let noticeSeq = 0;
  /** Timelines to go back to, newest last (ids in `branches`). */
  let undoStack: number[] = [];
  /** The loaded scenario's own script actions (JSON): a fork never drops them. */
  let baseActions = new Set<string>();

  function historyPatch(branches: Branch[]): Pick<AppState, 'branches' | 'canUndo'> {
    undoStack = undoStack.filter((id) => branches.some((b) => b.id === id));
    return { branches, canUndo: undoStack.length > 0 };
  }

  async function loadInternal(raw: unknown, opts: LoadOptions, mode: LoadMode): Promise<void> {
    if (!core.api) return;
    const e = core.intent();
    set({ status: 'loading', playing: false, playTo: null });
    let res: LoadResult | null;
    try {
      res = await core.serial(async (last) => {
        const api = core.api;
        if (!api) return null;
        const r = await api.load(raw);
        if (!r.ok) return r;
        // The worker now runs this scenario, whatever was asked meanwhile: take it in.
        core.loadGen += 1;
        core.marksHead = -1;
        core.sideGen += 1;
        core.cursor = r.view.frame;
        core.stopsBefore = mode.stopsBefore ?? (opts.pristine ? Infinity : -Infinity);
        baseActions = new Set(r.scenario.script.map((a) => JSON.stringify(a)));
        if (!mode.keepHistory) undoStack = [];
        const meta = lessonMeta(opts.lesson);
        set((s) => ({
          status: 'ready',
          scenario: r.scenario,
          lesson: opts.lesson ?? null,
          pristine: opts.pristine ?? false,
          speed: opts.speed ?? meta?.speed ?? s.speed,
          defaultSpeed: meta?.speed ?? DEFAULT_SPEED,
          view: null,
          cause: null,
          head: r.view.head,
          maxTime: r.view.time,
          playhead: r.view.time,
          untilReached: false,
          glide: null,
          // A timeline switch is the same cluster: keep the node selected.
          selected: mode.keepHistory ? s.selected : 0,
          marks: [],
          events: [],
          lastDecision: null,
          currentStop: null,
          announcement: null,
          ...(mode.keepHistory ? {} : { forkNotice: null, canUndo: false, branches: [] }),
          problems: [
            // The problems of earlier loads were about a scenario or link now replaced (a
            // "switched to the default lesson" banner over another lesson): only the
            // simulator's failures stay, besides the ones that came with this load.
            ...s.problems.filter((p) => !isLoadProblem(p)),
            ...(opts.problems ?? []),
            // A valid but unreachable start: say so, the checkers may flag what follows.
            ...r.warnings.map((w): Problem => ({ code: 'impossibleInitial', detail: w.message, field: w.field, args: w.args })),
          ],
        }));
        // The lesson's first stop may be frame 0 (its introduction): know the next frame's time.
        core.applyView(r.view.frame === 0 ? await core.peekPastStop(r.view) : r.view);
        // A restored timeline: record as far as it had been, so its marks are all back.
        if (mode.recordTo != null && mode.recordTo > 0) await api.seek(mode.recordTo);
        if (opts.frame != null && opts.frame > 0) await core.seekShowingCause(opts.frame, last);
        else if (mode.recordTo != null && mode.recordTo > 0) await core.seekShowingCause(0, last);
        return r;
      });
    } catch (err) {
      set((s) => ({ status: s.view ? 'ready' : 'failed' }));
      core.fail(err);
      return;
    }
    if (!res) return;
    if (!res.ok) {
      const problem: Problem = { code: 'badScenario', detail: res.error, field: res.field, fellBack: mode.fallback };
      if (mode.fallback) {
        await get().openLesson(DEFAULT_LESSON, { speed: opts.speed, problems: [...(opts.problems ?? []), problem] });
      } else {
        set((s) => ({ status: s.view ? 'ready' : 'failed', problems: [...s.problems, ...(opts.problems ?? []), problem] }));
      }
      return;
    }
    if (opts.autoplay && e === core.epoch) get().play();
  }

  /** The timeline on screen, as a branch to come back to (call inside a serial sequence). */
  function currentTimeline(scenario: Scenario, frame: number, head: number, forkFrame: number): Branch {
    const s = get();
    return { id: get().branchId, scenario, lesson: s.lesson, pristine: s.pristine, frame, head, forkFrame, stopsBefore: core.stopsBefore };
  }

  async function restore(id: number): Promise<void> {
    const api = core.api;
    const target = get().branches.find((b) => b.id === id);
    if (!api || !target || !get().view) return;
    let scenario: Scenario | null = get().scenario;
    let frame = core.baseFrame();
    try {
      // After any action still on its way, so the timeline set aside keeps it.
      scenario = await core.serial(async () => {
        frame = core.baseFrame();
        return api.scenario();
      });
    } catch {
      /* keep the store's copy */
    }
    if (!scenario) return;
    const s = get();
    const here = currentTimeline(scenario, frame, s.head, target.forkFrame);
    // The timeline shown is no longer one to go back to.
    undoStack = undoStack.filter((x) => x !== id);
    set({ ...historyPatch([...s.branches.filter((b) => b.id !== id), here]), branchId: target.id, forkNotice: null });
    await loadInternal(
      target.scenario,
      { lesson: target.lesson, pristine: target.pristine, frame: target.frame, speed: s.speed },
      { fallback: false, keepHistory: true, recordTo: target.head, stopsBefore: target.stopsBefore },
    );
  }

  async function actInternal(make: UserAction | ((forkTime: number, script: readonly ScriptAction[]) => UserAction)): Promise<void> {
    const s = get();
    if (!core.api || !s.view) return;
    const wasPlaying = s.playing;
    const atTime = wasPlaying ? Math.max(s.view.time, Math.floor(s.playhead)) : undefined;
    const e = core.intent();
    const gen = core.loadGen;
    set({ playing: false, playTo: null, glide: null });
    try {
      await core.serial(async (last) => {
        const api = core.api;
        // The scenario it was asked on has been replaced meanwhile.
        if (!api || gen !== core.loadGen) return;
        const forkFrame = core.baseFrame();
        // Pin the session to that frame: a playback request may have moved it on.
        const pin = await api.seek(forkFrame);
        const before = get().scenario;
        const forked = pin.frame < pin.head;
        const old = before ? currentTimeline(before, forkFrame, pin.head, forkFrame) : null;
        const actTime = atTime ?? pin.time;
        const action = typeof make === 'function' ? make(actTime, before?.script ?? []) : make;
        const v = atTime === undefined ? await api.act(action) : await api.act(action, atTime);
        const scenario = await api.scenario();
        // The worker forked and recorded the action: the store must say so even when a
        // later intent supersedes the view, or the address bar would lose the action.
        core.cursor = v.frame;
        core.marksHead = forkFrame;
        core.sideGen += 1;
        // The lesson's stops after this moment describe a future that no longer happens.
        // (The session applies the action after the frame's time.)
        core.stopsBefore = Math.min(core.stopsBefore, atTime ?? pin.time + 1);
        const patch: Partial<AppState> = {};
        if (forked && before && old) {
          // Keep the timeline the user had: undo (or a branch switch) brings it back.
          undoStack.push(old.id);
          const dropped = Math.max(0, before.script.length + 1 - scenario.script.length);
          Object.assign(patch, historyPatch([...get().branches, old]), {
            branchId: ++branchSeq,
            forkNotice: { seq: ++noticeSeq, frame: forkFrame, droppedActions: dropped },
          });
        }
        set((st) => ({
          ...patch,
          scenario,
          pristine: false,
          head: v.head,
          marks: st.marks.filter((m) => m.frame <= forkFrame),
        }));
        if (last()) core.applyView(v, { playhead: v.time, playing: wasPlaying && e === core.epoch }, null);
        else core.scheduleSideRefresh();
      });
    } catch (err) {
      core.fail(err);
    }
  }

  return {
    status: 'idle',
    scenario: null,
    lesson: null,
    pristine: false,
    forkNotice: null,
    canUndo: false,
    branches: [],
    branchId: 1,

    async openLesson(name, opts = {}) {
      // Never rejects: whatever goes wrong (even a throwing subscriber) is shown as a problem.
      try {
        let raw: unknown;
        try {
          raw = await fetchLesson(name);
        } catch {
          if (name === DEFAULT_LESSON) {
            set((s) => ({ status: 'failed', problems: [...s.problems, ...(opts.problems ?? []), { code: 'unknownScenario', detail: name }] }));
            return;
          }
          const problem: Problem = { code: 'unknownScenario', detail: name, fellBack: true };
          await get().openLesson(DEFAULT_LESSON, { ...opts, frame: null, problems: [...(opts.problems ?? []), problem] });
          return;
        }
        await loadInternal(raw, { ...opts, lesson: name, pristine: true }, { fallback: name !== DEFAULT_LESSON });
      } catch (err) {
        core.fail(err);
      }
    },

    async loadScenario(raw, opts = {}) {
      try {
        // A scenario object is never the pristine lesson, even when it names one.
        await loadInternal(raw, { ...opts, pristine: false }, { fallback: true });
      } catch (err) {
        core.fail(err);
      }
    },

    async undo() {
      const id = undoStack[undoStack.length - 1];
      if (id === undefined) return;
      await restore(id);
    },
    switchBranch: (id) => restore(id),
    dismissForkNotice() {
      set({ forkNotice: null });
    },

    act: (action) => actInternal(action),
    crash: (node) => actInternal({ do: 'crash', node }),
    restart: (node) => actInternal({ do: 'restart', node }),
    cut: (from, to) => actInternal({ do: 'cut', from, to }),
    mend: (from, to) => actInternal({ do: 'mend', from, to }),
    partition: (groups) => actInternal({ do: 'partition', groups }),
    heal: () => actInternal({ do: 'heal' }),
    request(node) {
      // Named once the fork point is known: a request the fork drops frees its name.
      return actInternal((time, script) => {
        const value = nextRequestValue(script, baseActions, time);
        return node ? { do: 'request', value, node } : { do: 'request', value };
      });
    },
    async setConfigOption(key, value) {
      const s = get();
      const api = core.api;
      if (!api || !s.scenario) return;
      let current: Scenario = s.scenario;
      try {
        // After any action still on its way, so the reload keeps it.
        current = await core.serial(() => api.scenario());
      } catch {
        /* keep the store's copy */
      }
      const config = { ...(current.config ?? {}), [key]: value };
      try {
        await loadInternal({ ...current, config }, { lesson: s.lesson, pristine: false, speed: get().speed }, { fallback: false });
      } catch (err) {
        core.fail(err);
      }
    },
  };
}
