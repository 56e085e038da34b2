/**
 * One app instance's state: a vanilla zustand store (several embeds on one page each get
 * their own), holding what the worker last sent plus playback and view settings. Actions
 * talk to the simulation only through AsyncSimApi; nothing here computes protocol state.
 *
 * Ordering: the worker answers calls in order, but a user action may arrive while a
 * playback request is in flight. Every user intent bumps `epoch`; playback answers of an
 * older epoch are dropped, so a late playback frame never overwrites a seek or a crash.
 *
 * What the user does (load, step, seek, act) runs as one sequence of worker calls at a
 * time, in the order it was asked for (`serial`): an action's pinning seek, fork and
 * scenario read must not interleave with a step's seeks, and a second quick action must
 * fork from the first one's result, not from the frame the first one left. Each sequence
 * starts from where the previous one landed (`cursor`). What the worker did is always
 * taken in (scenario, marks, head); only the view of a sequence that a later one
 * supersedes is skipped, so the address bar always reproduces the session.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { EventRow, FrameView, LoadResult, Mark, MessageView, UserAction } from '../sim/api';
import type { Scenario } from '../sim/scenario';
import type { AsyncSimApi } from '../worker/client';
import {
  DEFAULT_SPEED,
  type Announcement,
  type Lang,
  type PanelTab,
  type Problem,
  type Speed,
  type Theme,
} from './types';

export const DEFAULT_LESSON = 'raft-election';
/** How many recent frames the event list shows around the current one. */
export const EVENTS_BEFORE = 60;
export const EVENTS_AFTER = 20;
/** New frames the worker may record per playback request (keeps it responsive). */
const MAX_NEW_FRAMES = 4000;
/** Virtual ms asked for per animation frame at "max" speed. */
const MAX_SPEED_STEP_MS = 5000;
/** Side data (events, marks) refresh at most this often while playing, in real ms. */
const SIDE_REFRESH_MS = 250;

export interface AppOptions {
  lang?: Lang;
  theme?: Theme;
  embed?: boolean;
  speed?: Speed;
  reducedMotion?: boolean;
  /** Reads a bundled scenario's JSON; rejects when there is none by that name. */
  fetchLesson?: (name: string) => Promise<unknown>;
}

export interface LoadOptions {
  /** The bundled lesson the scenario is (or came from, when `pristine` is false). */
  lesson?: string | null;
  /** The scenario is exactly the bundled lesson (only openLesson says so). */
  pristine?: boolean;
  /** Frame to open at (from the URL). */
  frame?: number | null;
  autoplay?: boolean;
  /** Playback speed from the link; without it a lesson plays at its own default (LESSON_META). */
  speed?: Speed;
  /** Problems found before loading (URL parameters), shown together with any load problem. */
  problems?: Problem[];
}

export interface AppState {
  lang: Lang;
  theme: Theme;
  largeType: boolean;
  embed: boolean;
  reducedMotion: boolean;

  status: 'idle' | 'loading' | 'ready' | 'failed';
  scenario: Scenario | null;
  /** The bundled lesson the scenario came from (for the selector). */
  lesson: string | null;
  /** True while the scenario is exactly the bundled lesson (no recorded actions, same config). */
  pristine: boolean;

  view: FrameView | null;
  /** The message whose delivery or drop made the current frame, as it was in flight (for highlighting). */
  cause: MessageView | null;
  head: number;
  /** Latest virtual time seen (for the timeline's domain). */
  maxTime: number;
  playing: boolean;
  speed: Speed;
  /** Virtual time of the playhead: between view.time and the next frame while playing. */
  playhead: number;
  /**
   * Playback has stopped at scenario.until and the view is still that frame; Play
   * continues past it. Any other frame reaching the screen clears it.
   */
  untilReached: boolean;

  selected: number;
  tab: PanelTab;
  marks: Mark[];
  events: EventRow[];
  problems: Problem[];
  announcement: Announcement | null;
  /** A short confirmation (e.g. "Link copied"), keyed for translation. */
  toast: { key: 'shareCopied'; seq: number } | null;

  connect(api: AsyncSimApi): void;
  disconnect(): void;
  /** Open a bundled lesson by name (falls back to the default lesson with a problem). */
  openLesson(name: string, opts?: LoadOptions): Promise<void>;
  /** Load a scenario object (from a link, a lesson or a config change). */
  loadScenario(raw: unknown, opts?: LoadOptions): Promise<void>;

  play(): void;
  pause(): void;
  togglePlay(): void;
  stepForward(): Promise<void>;
  stepBack(): Promise<void>;
  seek(frame: number): Promise<void>;
  /** Seek to the last frame at or before a virtual time (timeline scrubbing). */
  seekTime(timeMs: number): Promise<void>;
  first(): Promise<void>;
  last(): Promise<void>;
  setSpeed(speed: Speed): void;
  /** Advance playback by `realDtMs` of wall-clock time (called once per animation frame). */
  tick(realDtMs: number): void;

  /**
   * Play to the next mark (election won, crash, partition, heal, commit, a scripted action,
   * a lesson stop) and pause there; prevMark goes back to the previous one.
   */
  nextMark(): Promise<void>;
  prevMark(): Promise<void>;
  /** The last fork (an action on a past frame), while it can be undone: what it dropped. */
  forkNotice: { seq: number; frame: number; droppedActions: number } | null;
  canUndo: boolean;
  /** Restore the scenario and frame from before the last fork (the old future comes back). */
  undo(): Promise<void>;
  /** The newest event at or before the view worth reading (a decision, not a heartbeat), for the caption. */
  lastDecision: EventRow | null;
  /** Index of the lesson stop the view is at (its sentence: dictionary lessonStops), else null. */
  currentStop: number | null;

  act(action: UserAction): Promise<void>;
  crash(node: number): Promise<void>;
  restart(node: number): Promise<void>;
  cut(from: number, to: number): Promise<void>;
  mend(from: number, to: number): Promise<void>;
  partition(groups: number[][]): Promise<void>;
  heal(): Promise<void>;
  request(node?: number): Promise<void>;
  /** Reload the scenario with one config option changed (PreVote, CheckQuorum). */
  /** Set one config field (a switch, or `bugs`) and restart the scenario with it. */
  setConfigOption(key: string, value: unknown): Promise<void>;

  select(node: number): void;
  setTab(tab: PanelTab): void;
  setLang(lang: Lang): void;
  setTheme(theme: Theme): void;
  toggleTheme(): void;
  setLargeType(on: boolean): void;
  dismissProblem(index: number): void;
  addProblem(problem: Problem): void;
  showToast(key: 'shareCopied'): void;
}

export type AppStore = StoreApi<AppState>;

/** The message delivered or dropped at `view`'s event, found among `prev`'s messages in flight. */
export function findCause(prev: FrameView | null, view: FrameView): MessageView | null {
  const ev = view.event;
  if (!prev || !ev || ev.peer === 0 || prev.frame !== view.frame - 1) return null;
  return prev.messages.find((m) => m.from === ev.peer && m.to === ev.node && m.at === ev.time) ?? null;
}

/** Alive leaders in a view as "id:term" keys (the UI reads roles; it computes nothing). */
function leadersOf(view: FrameView | null): Map<number, number> {
  const out = new Map<number, number>();
  if (!view) return out;
  for (const n of view.nodes as { id?: number; role?: string; term?: number }[]) {
    if (n && n.role === 'leader' && typeof n.id === 'number') out.set(n.id, n.term ?? 0);
  }
  return out;
}

function defaultFetchLesson(name: string): Promise<unknown> {
  // Relative to the page, so the app also works from a sub-path.
  return fetch(`scenarios/${encodeURIComponent(name)}.json`).then((r) => {
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    return r.json();
  });
}

export function createAppStore(options: AppOptions = {}): AppStore {
  let api: AsyncSimApi | null = null;
  let epoch = 0;
  let inflight = false;
  let lastSideRefresh = -Infinity;
  let sideTimer: ReturnType<typeof setTimeout> | null = null;
  let marksHead = -1;
  /** Bumped by loads and forks: side data fetched before belongs to another branch. */
  let sideGen = 0;
  let sideBusy = false;
  let sideAgain = false;
  let announceSeq = 0;
  let toastSeq = 0;
  /** User sequences asked for (issued) and finished (done); see serial(). */
  let opsIssued = 0;
  let opsDone = 0;
  let opChain: Promise<unknown> = Promise.resolve();
  /**
   * The frame the last user sequence landed on, while it may not be on screen yet (a
   * later sequence superseded its view). Null once playback has moved the view on.
   */
  let cursor: number | null = null;
  /** Bumped by each load: an action asked for on an earlier scenario is not applied to a later one. */
  let loadGen = 0;
  /** Real-time clock for throttling; injected time would be overkill here. */
  const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
  const fetchLesson = options.fetchLesson ?? defaultFetchLesson;

  const store = createStore<AppState>()((set, get) => {
    function fail(e: unknown): void {
      inflight = false;
      cursor = null;
      // A disconnected store (the app is going away) has nobody to tell.
      if (!api) return;
      const detail = e instanceof Error ? e.message : String(e);
      set((s) => ({ playing: false, problems: [...s.problems, { code: 'simFailed', detail }] }));
    }

    /** Take a new frame from the worker into the store. */
    function applyView(v: FrameView, extra: Partial<AppState> = {}, cause?: MessageView | null): void {
      const s = get();
      const before = leadersOf(s.view);
      const after = leadersOf(v);
      let announcement = s.announcement;
      for (const [id, term] of after) {
        if (before.get(id) !== term) announcement = { seq: ++announceSeq, leader: id, term };
      }
      if (after.size === 0 && before.size > 0) announcement = { seq: ++announceSeq, leader: 0, term: 0 };
      set({
        view: v,
        cause: cause === undefined ? findCause(s.view, v) : cause,
        head: v.head,
        maxTime: Math.max(s.maxTime, v.time),
        announcement,
        // "Reached the end" describes one frame: moving anywhere else (playing on, a step,
        // a seek, an action) makes it stale.
        untilReached: s.untilReached && s.view !== null && v.frame === s.view.frame,
        ...extra,
      });
      scheduleSideRefresh();
    }

    /** Events and marks follow the frame, throttled while playing. */
    function scheduleSideRefresh(): void {
      const wait = get().playing ? Math.max(0, lastSideRefresh + SIDE_REFRESH_MS - now()) : 0;
      if (sideTimer !== null) {
        if (wait > 0) return;
        clearTimeout(sideTimer);
        sideTimer = null;
      }
      if (wait === 0) {
        void refreshSide();
        return;
      }
      sideTimer = setTimeout(() => {
        sideTimer = null;
        void refreshSide();
      }, wait);
    }

    async function refreshSide(): Promise<void> {
      // One refresh at a time; a request made meanwhile runs once the current one is done.
      if (sideBusy) {
        sideAgain = true;
        return;
      }
      sideBusy = true;
      try {
        do {
          sideAgain = false;
          lastSideRefresh = now();
          const s = get();
          if (!api || !s.view) return;
          const gen = sideGen;
          const frame = s.view.frame;
          const since = marksHead + 1;
          const newMarks = s.head >= since ? await api.marks(since) : [];
          const rows = s.embed
            ? []
            : await api.events(Math.max(0, frame - EVENTS_BEFORE), Math.min(s.head, frame + EVENTS_AFTER));
          // A load or a fork meanwhile invalidates marks from the old branch.
          if (gen !== sideGen) {
            sideAgain = true;
            continue;
          }
          if (newMarks.length > 0) set((st) => ({ marks: [...st.marks, ...newMarks.filter((m) => m.frame >= since)] }));
          // The worker may already be past the store's head (a playback answer in flight):
          // the marks it returned reach that far, so continue after the newest one.
          marksHead = Math.max(marksHead, s.head, ...newMarks.map((m) => m.frame));
          if (!s.embed) set({ events: rows });
        } while (sideAgain);
      } catch (err) {
        fail(err);
      } finally {
        sideBusy = false;
      }
    }

    /**
     * Run one user sequence of worker calls after every earlier one. `last()` tells the
     * sequence whether it is still the newest one asked for (else its view is superseded).
     */
    function serial<T>(fn: (last: () => boolean) => Promise<T>): Promise<T> {
      const mine = ++opsIssued;
      const run = opChain.then(() => fn(() => mine === opsIssued));
      opChain = run.then(
        () => {
          opsDone += 1;
        },
        () => {
          opsDone += 1;
        },
      );
      return run;
    }

    /** The frame a new sequence starts from: where the previous one landed, else the screen's. */
    function baseFrame(): number {
      return cursor ?? get().view?.frame ?? 0;
    }

    /**
     * Seek, showing the message that caused the frame. The session records a bounded
     * number of new frames per call (so the worker stays responsive), so a far target
     * takes several calls; when the run ends first (a violation, a halt, nothing left to
     * do), this lands on the last frame. Shows the result only when `last()` holds.
     */
    async function seekShowingCause(frame: number, last: () => boolean): Promise<void> {
      if (!api) return;
      let target = Math.max(0, Math.floor(frame));
      let prev: FrameView | null = null;
      if (target > 0) {
        let known = -1;
        for (;;) {
          prev = await api.seek(target - 1);
          if (!api) return;
          // Arrived, or this call recorded nothing new: the run cannot go further.
          if (prev.frame >= target - 1 || prev.head <= known) break;
          known = prev.head;
        }
        if (prev.frame < target - 1) {
          target = prev.frame;
          prev = target > 0 ? await api.seek(target - 1) : null;
        }
      }
      let v = await api.seek(target);
      if (v.frame < target && prev !== null) {
        // The run ended at target - 1 (which prev already is): land there.
        const at = v.frame;
        prev = at > 0 ? await api.seek(at - 1) : null;
        v = await api.seek(at);
      }
      cursor = v.frame;
      if (last()) applyView(v, { playhead: v.time }, findCause(prev, v));
    }

    function intent(): number {
      epoch += 1;
      return epoch;
    }

    /**
     * Step by one frame from where the previous sequence landed (not from the frame on
     * screen), so a clicker pressed twice quickly moves two frames.
     */
    async function step(delta: 1 | -1): Promise<void> {
      if (!api || !get().view) return;
      intent();
      set({ playing: false });
      try {
        await serial(async (last) => {
          const target = baseFrame() + delta;
          if (target < 0) return;
          // Nothing can be recorded after a violation or a halt: stay on the last frame.
          const st = get();
          if (delta > 0 && target > st.head && st.view && st.view.frame === st.head && (st.view.violation || st.view.halted)) return;
          await seekShowingCause(target, last);
        });
      } catch (err) {
        fail(err);
      }
    }

    async function loadInternal(raw: unknown, opts: LoadOptions, fallback: boolean): Promise<void> {
      if (!api) return;
      const e = intent();
      set({ status: 'loading', playing: false });
      let res: LoadResult | null;
      try {
        res = await serial(async (last) => {
          if (!api) return null;
          const r = await api.load(raw);
          if (!r.ok) return r;
          // The worker now runs this scenario, whatever was asked meanwhile: take it in.
          loadGen += 1;
          marksHead = -1;
          sideGen += 1;
          cursor = r.view.frame;
          set((s) => ({
            status: 'ready',
            scenario: r.scenario,
            lesson: opts.lesson ?? null,
            pristine: opts.pristine ?? false,
            view: null,
            cause: null,
            head: r.view.head,
            maxTime: r.view.time,
            playhead: r.view.time,
            untilReached: false,
            selected: 0,
            marks: [],
            events: [],
            announcement: null,
            problems: [
              ...s.problems,
              ...(opts.problems ?? []),
              // A valid but unreachable start: say so, the checkers may flag what follows.
              ...r.warnings.map((w): Problem => ({ code: 'impossibleInitial', detail: w.message, field: w.field, args: w.args })),
            ],
          }));
          applyView(r.view);
          if (opts.frame != null && opts.frame > 0) await seekShowingCause(opts.frame, last);
          return r;
        });
      } catch (err) {
        set((s) => ({ status: s.view ? 'ready' : 'failed' }));
        fail(err);
        return;
      }
      if (!res) return;
      if (!res.ok) {
        const problem: Problem = { code: 'badScenario', detail: res.error, field: res.field, fellBack: fallback };
        if (fallback) {
          await get().openLesson(DEFAULT_LESSON, { problems: [...(opts.problems ?? []), problem] });
        } else {
          set((s) => ({ status: s.view ? 'ready' : 'failed', problems: [...s.problems, ...(opts.problems ?? []), problem] }));
        }
        return;
      }
      if (opts.autoplay && e === epoch) get().play();
    }

    async function actInternal(action: UserAction): Promise<void> {
      const s = get();
      if (!api || !s.view) return;
      const wasPlaying = s.playing;
      const atTime = wasPlaying ? Math.max(s.view.time, Math.floor(s.playhead)) : undefined;
      const e = intent();
      const gen = loadGen;
      set({ playing: false });
      try {
        await serial(async (last) => {
          // The scenario it was asked on has been replaced meanwhile.
          if (!api || gen !== loadGen) return;
          const forkFrame = baseFrame();
          // Pin the session to that frame: a playback request may have moved it on.
          await api.seek(forkFrame);
          const v = atTime === undefined ? await api.act(action) : await api.act(action, atTime);
          const scenario = await api.scenario();
          // The worker forked and recorded the action: the store must say so even when a
          // later intent supersedes the view, or the address bar would lose the action.
          cursor = v.frame;
          marksHead = forkFrame;
          sideGen += 1;
          set((st) => ({
            scenario,
            pristine: false,
            head: v.head,
            marks: st.marks.filter((m) => m.frame <= forkFrame),
          }));
          if (last()) applyView(v, { playhead: v.time, playing: wasPlaying && e === epoch }, null);
          else scheduleSideRefresh();
        });
      } catch (err) {
        fail(err);
      }
    }

    return {
      lang: options.lang ?? 'en',
      theme: options.theme ?? 'light',
      largeType: false,
      embed: options.embed ?? false,
      reducedMotion: options.reducedMotion ?? false,
      status: 'idle',
      scenario: null,
      lesson: null,
      pristine: false,
      view: null,
      cause: null,
      head: 0,
      maxTime: 0,
      playing: false,
      speed: options.speed ?? DEFAULT_SPEED,
      playhead: 0,
      untilReached: false,
      selected: 0,
      tab: 'log',
      marks: [],
      events: [],
      problems: [],
      announcement: null,
      toast: null,

      connect(a) {
        api = a;
      },
      disconnect() {
        api = null;
        intent();
        if (sideTimer !== null) clearTimeout(sideTimer);
        sideTimer = null;
        set({ playing: false });
      },

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
          await loadInternal(raw, { ...opts, lesson: name, pristine: true }, name !== DEFAULT_LESSON);
        } catch (err) {
          fail(err);
        }
      },

      async loadScenario(raw, opts = {}) {
        try {
          // A scenario object is never the pristine lesson, even when it names one.
          await loadInternal(raw, { ...opts, pristine: false }, true);
        } catch (err) {
          fail(err);
        }
      },

      play() {
        const s = get();
        if (!s.view || s.view.violation) return;
        intent();
        inflight = false;
        cursor = null;
        set({ playing: true, playhead: s.view.time });
      },
      pause() {
        const s = get();
        intent();
        inflight = false;
        set({ playing: false, playhead: s.view ? s.view.time : s.playhead });
        scheduleSideRefresh();
      },
      togglePlay() {
        if (get().playing) get().pause();
        else get().play();
      },
      stepForward: () => step(1),
      stepBack: () => step(-1),
      async seek(frame) {
        if (!api || !get().view) return;
        intent();
        set({ playing: false });
        try {
          await serial((last) => seekShowingCause(frame, last));
        } catch (err) {
          fail(err);
        }
      },
      async seekTime(timeMs) {
        if (!api || !get().view) return;
        intent();
        set({ playing: false });
        try {
          await serial(async (last) => {
            if (!api) return;
            const v = await api.advanceTo(Math.max(0, Math.floor(timeMs)), MAX_NEW_FRAMES * 5);
            cursor = v.frame;
            if (last()) applyView(v, { playhead: v.time }, null);
          });
        } catch (err) {
          fail(err);
        }
      },
      async first() {
        await get().seek(0);
      },
      async last() {
        await get().seek(get().head);
      },
      setSpeed(speed) {
        set({ speed });
      },

      tick(realDtMs) {
        const s = get();
        if (!s.playing || !api || !s.view) return;
        // A user sequence is moving the session: wait for it rather than interleave.
        if (opsDone < opsIssued) return;
        const until = s.scenario?.until ?? Infinity;
        const dt = Math.min(Math.max(realDtMs, 0), 100);
        let target: number;
        let playhead = s.playhead;
        if (s.speed === 'max') {
          target = s.view.time + MAX_SPEED_STEP_MS;
        } else {
          playhead = s.playhead + dt * s.speed;
          // Keep the playhead within reach of what the worker has sent, so messages never
          // run ahead of the frame that carries them.
          if (s.view.nextTime === null && s.view.frame === s.head && inflight) playhead = Math.min(playhead, s.view.time + 1000);
          target = playhead;
        }
        // Stop once at the scenario's end (at every speed, "max" included): ask for no more
        // than `until`, and remember that this request was capped there.
        const capped = !s.untilReached && target >= until && s.view.time < until;
        if (capped) {
          target = until;
          playhead = Math.min(playhead, until);
        }
        if (s.speed !== 'max' && playhead !== s.playhead) set({ playhead });
        if (inflight) return;
        inflight = true;
        const e = epoch;
        const headBefore = s.head;
        api
          .advanceTo(Math.floor(target), MAX_NEW_FRAMES)
          .then((v) => {
            inflight = false;
            if (e !== epoch) return;
            cursor = null;
            const st = get();
            const extra: Partial<AppState> = {};
            const truncated = v.head - headBefore >= MAX_NEW_FRAMES;
            if (st.speed === 'max') extra.playhead = v.time;
            else if (truncated) extra.playhead = v.time; // the worker is the bottleneck
            // Every frame up to the target is on screen now (the worker was not cut short).
            const complete = v.nextTime !== null ? v.nextTime > target : !truncated;
            if (v.violation) {
              extra.playing = false;
              extra.playhead = v.time;
            } else if (capped && !st.untilReached && complete && v.time <= until) {
              extra.playing = false;
              extra.untilReached = true;
              extra.playhead = v.time;
            } else if (v.frame === st.view?.frame && v.frame === v.head && v.nextTime === null && st.speed === 'max' && v.time < target) {
              // Nothing left to simulate (every node idle): stop rather than spin.
              extra.playing = false;
            }
            applyView(v, extra);
          })
          .catch(fail);
      },

      // Placeholders until the playback slices land (marks, stops, undo, the caption's decision).
      nextMark: () => step(1),
      prevMark: () => step(-1),
      forkNotice: null,
      canUndo: false,
      async undo() {},
      lastDecision: null,
      currentStop: null,

      act: actInternal,
      crash: (node) => actInternal({ do: 'crash', node }),
      restart: (node) => actInternal({ do: 'restart', node }),
      cut: (from, to) => actInternal({ do: 'cut', from, to }),
      mend: (from, to) => actInternal({ do: 'mend', from, to }),
      partition: (groups) => actInternal({ do: 'partition', groups }),
      heal: () => actInternal({ do: 'heal' }),
      request(node) {
        const n = (get().scenario?.script ?? []).filter((a) => a.do === 'request').length + 1;
        const value = `x=${n}`;
        return actInternal(node ? { do: 'request', value, node } : { do: 'request', value });
      },
      async setConfigOption(key, value) {
        const s = get();
        if (!api || !s.scenario) return;
        let current: Scenario = s.scenario;
        try {
          // After any action still on its way, so the reload keeps it.
          current = await serial(() => api!.scenario());
        } catch {
          /* keep the store's copy */
        }
        const config = { ...(current.config ?? {}), [key]: value };
        try {
          await loadInternal({ ...current, config }, { lesson: s.lesson, pristine: false }, false);
        } catch (err) {
          fail(err);
        }
      },

      select(node) {
        // Selecting never toggles off (a second click must not hide the Crash button); 0 deselects.
        const s = get();
        set({ selected: node, tab: node ? 'node' : s.tab === 'node' ? 'log' : s.tab });
      },
      setTab(tab) {
        set({ tab });
        if (tab === 'events') scheduleSideRefresh();
      },
      setLang(lang) {
        set({ lang });
      },
      setTheme(theme) {
        set({ theme });
      },
      toggleTheme() {
        set((s) => ({ theme: s.theme === 'dark' ? 'light' : 'dark' }));
      },
      setLargeType(on) {
        set({ largeType: on });
      },
      dismissProblem(index) {
        set((s) => ({ problems: s.problems.filter((_, i) => i !== index) }));
      },
      addProblem(problem) {
        set((s) => ({ problems: [...s.problems, problem] }));
      },
      showToast(key) {
        set({ toast: { key, seq: ++toastSeq } });
      },
    };
  });
  return store;
}
