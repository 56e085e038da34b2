/**
 * What every slice of the app store shares (see appStore.ts for how they fit together):
 * the worker handle, the serial chain of user sequences, the intent epoch, the cursor,
 * and taking a frame from the worker into the store (`applyView`, with the side data —
 * events, marks, the caption's last decision — that follows it).
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
import type { StoreApi } from 'zustand/vanilla';
import type { EventRow, FrameView, MessageView } from '../sim/api';
import type { AsyncSimApi } from '../worker/client';
import type { AppOptions, AppState } from './appStore';
import { lessonMeta } from './lessons';

/** How many recent frames the event list shows around the current one. */
export const EVENTS_BEFORE = 60;
export const EVENTS_AFTER = 20;
/** New frames the worker may record per playback request (keeps it responsive). */
export const MAX_NEW_FRAMES = 4000;
/** Side data (events, marks, last decision) refresh at most this often while playing, in real ms. */
const SIDE_REFRESH_MS = 250;
/** How far back (frames) the caption looks for the last decision. */
const DECISION_LOOK_BACK = 2000;

type Set = StoreApi<AppState>['setState'];
type Get = StoreApi<AppState>['getState'];

/** The message delivered or dropped at `view`'s event, found among `prev`'s messages in flight. */
export function findCause(prev: FrameView | null, view: FrameView): MessageView | null {
  const ev = view.event;
  if (!prev || !ev || ev.peer === 0 || prev.frame !== view.frame - 1) return null;
  return prev.messages.find((m) => m.from === ev.peer && m.to === ev.node && m.at === ev.time) ?? null;
}

/**
 * Alive leaders in a view as id → era, as the protocol says (AppOptions.leads: the view's
 * own reading of its nodes; the store knows no role names). Without it, no node leads.
 */
function leadersOf(view: FrameView | null, leads: AppOptions['leads']): Map<number, number> {
  const out = new Map<number, number>();
  if (!view || !leads) return out;
  view.nodes.forEach((n, i) => {
    const era = leads(view.protocol, n);
    if (era !== null) out.set(i + 1, era);
  });
  return out;
}

/** The lesson stops (virtual ms) that hold for the shown scenario: none after the future diverged. */
export function activeStops(s: Pick<AppState, 'lesson'>, stopsBefore: number): number[] {
  return (lessonMeta(s.lesson)?.stops ?? []).filter((t) => t < stopsBefore);
}

/**
 * The stop a view sits on: the last frame at or before the stop's time. `bound` is a time
 * the next frame is known to come after (its time, or the playhead when every frame up to
 * it is on screen); without one the head frame might not be the last before the stop.
 */
export function stopAt(view: FrameView | null, stops: readonly number[], bound: number | null): number | null {
  if (!view || bound === null) return null;
  for (let i = stops.length - 1; i >= 0; i--) {
    if (view.time <= stops[i] && bound > stops[i]) return i;
  }
  return null;
}

export interface Core {
  set: Set;
  get: Get;
  options: AppOptions;
  api: AsyncSimApi | null;
  /** Bumped by every user intent; see the header. */
  epoch: number;
  /** A playback request is on its way to the worker. */
  inflight: boolean;
  /** Where the last user sequence landed while its view may not be on screen yet; see the header. */
  cursor: number | null;
  /** Bumped by each load: an action asked for on an earlier scenario is not applied to a later one. */
  loadGen: number;
  /** Bumped by loads and forks: side data fetched before belongs to another branch. */
  sideGen: number;
  /** The newest frame whose marks the store has. */
  marksHead: number;
  /** Lesson stops at or after this virtual time no longer hold (the user changed that future). */
  stopsBefore: number;
  intent(): number;
  serial<T>(fn: (last: () => boolean) => Promise<T>): Promise<T>;
  /** A user sequence is running or queued (playback waits for it). */
  busy(): boolean;
  /** The frame a new sequence starts from: where the previous one landed, else the screen's. */
  baseFrame(): number;
  fail(e: unknown): void;
  /** Take a new frame from the worker into the store (and refresh what follows it). */
  applyView(v: FrameView, extra?: Partial<AppState>, cause?: MessageView | null): void;
  scheduleSideRefresh(): void;
  /** Seek, showing the message that caused the frame; see seekShowingCause below. */
  seekShowingCause(frame: number, last: () => boolean, extra?: Partial<AppState>): Promise<FrameView | null>;
  /**
   * At the head the next frame's time is unknown, so whether the view sits on a lesson stop
   * is too: when a stop may be at hand, record one frame more and return the view again.
   */
  peekPastStop(v: FrameView): Promise<FrameView>;
  /** The lesson stop `view` sits on, for that view with the given playing state and playhead. */
  stopIndex(view: FrameView | null, playing: boolean, playhead: number): number | null;
  stopSideRefresh(): void;
  /** Real-time clock for throttling. */
  now(): number;
}

export function createCore(set: Set, get: Get, options: AppOptions): Core {
  let lastSideRefresh = -Infinity;
  let sideTimer: ReturnType<typeof setTimeout> | null = null;
  let sideBusy = false;
  let sideAgain = false;
  let announceSeq = 0;
  /** User sequences asked for (issued) and finished (done); see serial(). */
  let opsIssued = 0;
  let opsDone = 0;
  let opChain: Promise<unknown> = Promise.resolve();

  const core: Core = {
    set,
    get,
    options,
    api: null,
    epoch: 0,
    inflight: false,
    cursor: null,
    loadGen: 0,
    sideGen: 0,
    marksHead: -1,
    stopsBefore: Infinity,
    now: () => (typeof performance !== 'undefined' ? performance.now() : Date.now()),

    intent() {
      core.epoch += 1;
      return core.epoch;
    },

    serial<T>(fn: (last: () => boolean) => Promise<T>): Promise<T> {
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
    },

    busy: () => opsDone < opsIssued,

    baseFrame() {
      return core.cursor ?? get().view?.frame ?? 0;
    },

    fail(e) {
      core.inflight = false;
      core.cursor = null;
      // A disconnected store (the app is going away) has nobody to tell.
      if (!core.api) return;
      const detail = e instanceof Error ? e.message : String(e);
      set((s) => ({ playing: false, playTo: null, problems: [...s.problems, { code: 'simFailed', detail }] }));
    },

    stopIndex(view, playing, playhead) {
      const s = get();
      const stops = activeStops(s, core.stopsBefore);
      if (stops.length === 0 || !view) return null;
      // At the head the next frame's time is unknown, unless the run cannot go on (a
      // violation, a halt) or playback has put every frame up to the playhead on screen.
      const bound = view.nextTime ?? (view.violation || view.halted ? Infinity : playing ? playhead : null);
      return stopAt(view, stops, bound);
    },

    applyView(v, extra = {}, cause) {
      const s = get();
      const before = leadersOf(s.view, options.leads);
      const after = leadersOf(v, options.leads);
      let announcement = s.announcement;
      for (const [id, era] of after) {
        if (before.get(id) !== era) announcement = { seq: ++announceSeq, leader: id, era };
      }
      if (after.size === 0 && before.size > 0) announcement = { seq: ++announceSeq, leader: 0, era: 0 };
      // The caption's decision: this frame's event when it is one, else the last one known
      // until the side refresh finds the newest (never a decision from after the frame).
      let lastDecision: EventRow | null = s.lastDecision;
      if (v.event?.notable) lastDecision = v.event;
      else if (lastDecision && lastDecision.frame > v.frame) lastDecision = null;
      const playing = extra.playing ?? s.playing;
      const playhead = extra.playhead ?? s.playhead;
      set({
        view: v,
        cause: cause === undefined ? findCause(s.view, v) : cause,
        head: v.head,
        maxTime: Math.max(s.maxTime, v.time),
        announcement,
        lastDecision,
        currentStop: core.stopIndex(v, playing, playhead),
        // "Reached the end" describes one frame: moving anywhere else (playing on, a step,
        // a seek, an action) makes it stale.
        untilReached: s.untilReached && s.view !== null && v.frame === s.view.frame,
        ...extra,
      });
      core.scheduleSideRefresh();
    },

    scheduleSideRefresh() {
      const wait = get().playing ? Math.max(0, lastSideRefresh + SIDE_REFRESH_MS - core.now()) : 0;
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
    },

    stopSideRefresh() {
      if (sideTimer !== null) clearTimeout(sideTimer);
      sideTimer = null;
    },

    /**
     * The session records a bounded number of new frames per call (so the worker stays
     * responsive), so a far target takes several calls; when the run ends first (a
     * violation, a halt, nothing left to do), this lands on the last frame. Shows the
     * result only when `last()` holds; returns the frame it landed on.
     */
    async seekShowingCause(frame, last, extra = {}) {
      const api = core.api;
      if (!api) return null;
      let target = Math.max(0, Math.floor(frame));
      let prev: FrameView | null = null;
      if (target > 0) {
        let known = -1;
        for (;;) {
          prev = await api.seek(target - 1);
          if (!core.api) return null;
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
      v = await core.peekPastStop(v);
      core.cursor = v.frame;
      if (last()) core.applyView(v, { playhead: v.time, glide: null, ...extra }, findCause(prev, v));
      return v;
    },

    async peekPastStop(v) {
      const api = core.api;
      if (!api || v.frame !== v.head || v.nextTime !== null || v.violation || v.halted) return v;
      const stops = activeStops(get(), core.stopsBefore);
      if (!stops.some((t) => t >= v.time)) return v;
      await api.seek(v.frame + 1);
      return api.seek(v.frame);
    },
  };

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
        lastSideRefresh = core.now();
        const s = get();
        const api = core.api;
        if (!api || !s.view) return;
        const gen = core.sideGen;
        const frame = s.view.frame;
        const since = core.marksHead + 1;
        const newMarks = s.head >= since ? await api.marks(since) : [];
        const rows = s.embed ? [] : await api.events(Math.max(0, frame - EVENTS_BEFORE), Math.min(s.head, frame + EVENTS_AFTER));
        // The caption's decision: from the rows when they reach it, else a bounded look-back.
        let decision: EventRow | null = null;
        for (let i = rows.length - 1; i >= 0 && decision === null; i--) if (rows[i].frame <= frame && rows[i].notable) decision = rows[i];
        if (decision === null) decision = await api.lastNotable(frame, DECISION_LOOK_BACK);
        // A load or a fork meanwhile invalidates marks from the old branch.
        if (gen !== core.sideGen) {
          sideAgain = true;
          continue;
        }
        if (newMarks.length > 0) set((st) => ({ marks: [...st.marks, ...newMarks.filter((m) => m.frame >= since)] }));
        // The worker may already be past the store's head (a playback answer in flight):
        // the marks it returned reach that far, so continue after the newest one.
        core.marksHead = Math.max(core.marksHead, s.head, ...newMarks.map((m) => m.frame));
        const patch: Partial<AppState> = {};
        if (!s.embed) patch.events = rows;
        // Only if the view is still that frame (playback may have moved on meanwhile).
        if (get().view?.frame === frame) patch.lastDecision = decision;
        set(patch);
      } while (sideAgain);
    } catch (err) {
      core.fail(err);
    } finally {
      sideBusy = false;
    }
  }

  return core;
}
