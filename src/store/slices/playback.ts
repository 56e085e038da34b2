/**
 * Playback slice: the playhead and how it moves — play/pause, the per-animation-frame
 * `tick`, speed, single steps (with a short glide from the previous frame's time to the
 * new frame's, so a message visibly lands), seeks, and stepping by meaning: `nextMark`
 * plays at the current speed to the next mark or lesson stop and pauses exactly on it,
 * `prevMark` goes back to the previous one. For slow protocols (ZooKeeper notices a dead
 * leader after 10 s of PINGs) `nextDecision` steps to the next notable frame — a decision,
 * not routine traffic (EventRow.notable) — and the `skipQuiet` option fast-forwards the
 * playhead through stretches where nothing notable happens.
 */
import type { EventRow, FrameView } from '../../sim/api';
import type { AsyncSimApi } from '../../worker/client';
import type { AppState } from '../appStore';
import { activeStops, MAX_NEW_FRAMES, type Core } from '../core';
import { DEFAULT_SPEED, type Speed } from '../types';

/** Virtual ms asked for per animation frame at "max" speed. */
const MAX_SPEED_STEP_MS = 5000;
/** A step forward glides over this much real time, at least and at most. */
export const GLIDE_MIN_MS = 400;
export const GLIDE_MAX_MS = 700;
/**
 * Playing to the next mark never takes longer than this in real time: a long quiet
 * stretch (heartbeats until a scripted crash) is crossed faster than the speed asks,
 * so a presenter's click is answered within seconds.
 */
export const MAX_MARK_WALL_MS = 6000;
/** Frames the worker may record looking for the next mark (≈ tens of ms of work). */
const MARK_SEARCH_FRAMES = 200_000;
/** Event rows asked for per call while looking for the next decision (the session answers at most 1,000). */
const NOTABLE_CHUNK = 1000;
/** Frames looked through for the next decision at most (a quiet stretch longer than this is crossed in parts). */
export const NOTABLE_SEARCH_FRAMES = 50_000;
/**
 * Skipping quiet stretches: a stretch with nothing notable that would take longer than
 * QUIET_MIN_WALL_MS of real time at the current speed is jumped over, landing
 * QUIET_LEAD_WALL_MS (real time) before the next decision, so the class sees it coming.
 */
export const QUIET_MIN_WALL_MS = 1500;
export const QUIET_LEAD_WALL_MS = 600;

/**
 * The first notable event row after frame `after`, at or before `untilMs`, recording ahead
 * as needed (at most `maxFrames` frames past `after`); null when there is none in reach.
 * It moves the session's frame: the caller seeks where it means to be next.
 */
export async function findNotable(api: AsyncSimApi, after: number, maxFrames: number, untilMs = Infinity): Promise<EventRow | null> {
  let from = after + 1;
  const end = after + maxFrames;
  while (from <= end) {
    const to = Math.min(end, from + NOTABLE_CHUNK - 1);
    const v = await api.seek(to);
    const rows = await api.events(from, Math.min(to, v.head));
    for (const r of rows) {
      if (r.time > untilMs) return null;
      if (r.notable) return r;
    }
    // The run cannot go further (ended, violated, halted): nothing more to find.
    if (v.head < to) return null;
    from = to + 1;
  }
  return null;
}

export interface PlaybackSlice {
  playing: boolean;
  speed: Speed;
  /** The speed the open lesson starts at (else DEFAULT_SPEED): the URL omits a speed equal to it. */
  defaultSpeed: Speed;
  /**
   * Virtual time of the playhead: between view.time and the next frame while playing;
   * from the previous frame's time up to view.time while a step glides; else view.time.
   */
  playhead: number;
  /**
   * Playback has stopped at scenario.until and the view is still that frame; Play
   * continues past it. Any other frame reaching the screen clears it.
   */
  untilReached: boolean;
  /** Playing to a mark (nextMark): the frame to pause on, its time, and the least rate that gets there in time. */
  playTo: { frame: number; time: number; minRate: number } | null;
  /** A step forward gliding from the previous frame's time (`from`) to view.time (`to`). */
  glide: { from: number; to: number; durationMs: number } | null;
  /** Playing fast-forwards through stretches where nothing notable happens (only heartbeats/PINGs flowing). */
  skipQuiet: boolean;

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
  /** Advance playback (or a glide) by `realDtMs` of wall-clock time (called once per animation frame). */
  tick(realDtMs: number): void;
  /**
   * Play to the next mark (election won, crash, partition, heal, commit, every scripted
   * action, a lesson stop, the scenario's end) and pause exactly there.
   */
  nextMark(): Promise<void>;
  /** Go to the previous mark or lesson stop (paused); frame 0 when there is none. */
  prevMark(): Promise<void>;
  /**
   * Step (paused) to the next notable frame: a decision — a vote, an election, a commit, a
   * fault — not routine traffic. Stays put when none lies ahead before the scenario's end.
   */
  nextDecision(): Promise<void>;
  setSkipQuiet(on: boolean): void;
}

/** The stops a mark search uses: the lesson's (while they hold) and the scenario's end. */
function markStops(s: AppState, core: Core): number[] {
  const stops = activeStops(s, core.stopsBefore);
  const until = s.scenario?.until;
  return typeof until === 'number' && Number.isFinite(until) ? [...stops, until] : stops;
}

export function playbackSlice(core: Core): PlaybackSlice {
  /** The frame Play was last pressed on (see the `until` rule in tick). */
  let playFrom = -1;
  const { set, get } = core;
  /**
   * Skipping quiet stretches: the next decision after frame `after`, looked up while playing
   * (null: none in reach; undefined: not known yet). Valid for the intent epoch it was asked in.
   */
  let ahead: { epoch: number; after: number; next: { frame: number; time: number } | null | undefined; pending: boolean } = {
    epoch: -1,
    after: -1,
    next: undefined,
    pending: false,
  };

  /** Start looking for the next decision after the shown frame, unless the answer in hand still holds. */
  function lookAhead(s: AppState, api: AsyncSimApi): void {
    const view = s.view!;
    if (ahead.pending) return;
    const fresh = ahead.epoch === core.epoch;
    if (fresh && ahead.next && view.frame < ahead.next.frame) return;
    if (fresh && ahead.next === null && view.frame === ahead.after) return;
    const epoch = core.epoch;
    ahead = { epoch, after: view.frame, next: undefined, pending: true };
    findNotable(api, view.frame, NOTABLE_SEARCH_FRAMES, s.scenario?.until ?? Infinity)
      .then((row) => {
        if (ahead.epoch !== epoch) return;
        ahead = { epoch, after: view.frame, next: row ? { frame: row.frame, time: row.time } : null, pending: false };
      })
      .catch((err) => {
        ahead.pending = false;
        core.fail(err);
      });
  }

  /**
   * Where the playhead jumps to skip the quiet stretch ahead, or null to play on: just
   * before the next decision, never past a lesson stop still ahead.
   */
  function quietJump(s: AppState, playhead: number, rate: number): number | null {
    const next = ahead.epoch === core.epoch ? ahead.next : undefined;
    if (!next || !s.view || s.view.frame >= next.frame) return null;
    let land = next.time - QUIET_LEAD_WALL_MS * rate;
    for (const stop of activeStops(s, core.stopsBefore)) if (stop > playhead) land = Math.min(land, stop - QUIET_LEAD_WALL_MS * rate);
    return (land - playhead) / rate > QUIET_MIN_WALL_MS - QUIET_LEAD_WALL_MS ? land : null;
  }

  /** Stop playing and show exactly `frame` (the end of a play-to-mark). */
  function land(frame: number): void {
    core.intent();
    core.inflight = false;
    set({ playing: false, playTo: null });
    core.serial((last) => core.seekShowingCause(frame, last)).catch(core.fail);
  }

  /**
   * Step by one frame from where the previous sequence landed (not from the frame on
   * screen), so a clicker pressed twice quickly moves two frames.
   */
  async function step(delta: 1 | -1): Promise<void> {
    if (!core.api || !get().view) return;
    core.intent();
    set({ playing: false, playTo: null });
    try {
      await core.serial(async (last) => {
        const target = core.baseFrame() + delta;
        if (target < 0) return;
        // Nothing can be recorded after a violation or a halt: stay on the last frame.
        const st = get();
        if (delta > 0 && target > st.head && st.view && st.view.frame === st.head && (st.view.violation || st.view.halted)) return;
        const before = st.view;
        const from = before && st.glide ? Math.min(st.playhead, before.time) : before?.time;
        const v = await core.seekShowingCause(target, last);
        if (v && last() && delta > 0) startGlide(before, from, v);
      });
    } catch (err) {
      core.fail(err);
    }
  }

  /** Glide the playhead from the previous frame's time to the new one's (not with reduced motion). */
  function startGlide(before: FrameView | null, from: number | undefined, v: FrameView): void {
    const s = get();
    if (s.reducedMotion || !before || from === undefined || v.frame !== before.frame + 1 || !(v.time > from)) return;
    const rate = s.speed === 'max' ? Infinity : s.speed;
    const durationMs = Math.min(GLIDE_MAX_MS, Math.max(GLIDE_MIN_MS, (v.time - from) / rate));
    set({ glide: { from, to: v.time, durationMs }, playhead: from });
  }

  function tickGlide(s: AppState, dt: number): void {
    const g = s.glide!;
    const p = s.playhead + ((g.to - g.from) * dt) / g.durationMs;
    if (p >= g.to || !s.view || s.view.time !== g.to) set({ glide: null, playhead: s.view?.time ?? g.to });
    else set({ playhead: p });
  }

  return {
    playing: false,
    speed: core.options.speed ?? DEFAULT_SPEED,
    defaultSpeed: DEFAULT_SPEED,
    playhead: 0,
    untilReached: false,
    playTo: null,
    glide: null,
    skipQuiet: false,

    play() {
      const s = get();
      if (!s.view || s.view.violation) return;
      core.intent();
      core.inflight = false;
      core.cursor = null;
      playFrom = s.view.frame;
      set({ playing: true, playhead: s.view.time, playTo: null, glide: null });
    },
    pause() {
      const s = get();
      core.intent();
      core.inflight = false;
      set({ playing: false, playTo: null, playhead: s.view ? s.view.time : s.playhead, currentStop: core.stopIndex(s.view, false, 0) });
      core.scheduleSideRefresh();
    },
    togglePlay() {
      if (get().playing) get().pause();
      else get().play();
    },
    stepForward: () => step(1),
    stepBack: () => step(-1),
    async seek(frame) {
      if (!core.api || !get().view) return;
      core.intent();
      set({ playing: false, playTo: null });
      try {
        await core.serial((last) => core.seekShowingCause(frame, last));
      } catch (err) {
        core.fail(err);
      }
    },
    async seekTime(timeMs) {
      if (!core.api || !get().view) return;
      core.intent();
      set({ playing: false, playTo: null });
      try {
        await core.serial(async (last) => {
          if (!core.api) return;
          const at = await core.api.advanceTo(Math.max(0, Math.floor(timeMs)), MAX_NEW_FRAMES * 5);
          // Landing on the newest frame: record one more, so whether it is a stop is known.
          const v = await core.peekPastStop(at);
          core.cursor = v.frame;
          if (last()) core.applyView(v, { playhead: v.time, glide: null }, null);
        });
      } catch (err) {
        core.fail(err);
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
      // Playing to a mark at "max": there at once.
      const s = get();
      if (speed === 'max' && s.playing && s.playTo) land(s.playTo.frame);
    },

    tick(realDtMs) {
      const s = get();
      const dt = Math.min(Math.max(realDtMs, 0), 100);
      if (s.glide && !s.playing) {
        tickGlide(s, dt);
        return;
      }
      const api = core.api;
      if (!s.playing || !api || !s.view) return;
      // A user sequence is moving the session: wait for it rather than interleave.
      if (core.busy()) return;
      const until = s.scenario?.until ?? Infinity;
      const rate = s.speed === 'max' ? 'max' : Math.max(s.speed, s.playTo?.minRate ?? 0);
      let target: number;
      let playhead = s.playhead;
      if (rate === 'max') {
        target = s.view.time + MAX_SPEED_STEP_MS;
      } else {
        playhead = s.playhead + dt * rate;
        if (s.skipQuiet && !s.playTo) {
          lookAhead(s, api);
          const jump = quietJump(s, playhead, rate);
          if (jump !== null && jump > playhead) playhead = jump;
        }
        // Keep the playhead within reach of what the worker has sent, so messages never
        // run ahead of the frame that carries them.
        if (s.view.nextTime === null && s.view.frame === s.head && core.inflight) playhead = Math.min(playhead, s.view.time + 1000);
        target = playhead;
      }
      if (s.playTo) {
        // Playing to a mark: pause exactly on its frame (frames at its time may follow it).
        if (rate === 'max' || Math.floor(target) >= s.playTo.time) {
          land(s.playTo.frame);
          return;
        }
      }
      // Stop once at the scenario's end (at every speed, "max" included): ask for no more
      // than `until`, and remember that this request was capped there.
      const capped = !s.untilReached && target >= until && s.view.time < until;
      if (capped) {
        target = until;
        playhead = Math.min(playhead, until);
      }
      if (rate !== 'max' && playhead !== s.playhead) set({ playhead, currentStop: core.stopIndex(s.view, true, playhead) });
      if (core.inflight) return;
      core.inflight = true;
      const e = core.epoch;
      const headBefore = s.head;
      api
        .advanceTo(Math.floor(target), MAX_NEW_FRAMES)
        .then((v) => {
          core.inflight = false;
          if (e !== core.epoch) return;
          core.cursor = null;
          const st = get();
          const extra: Partial<AppState> = {};
          const truncated = v.head - headBefore >= MAX_NEW_FRAMES;
          if (st.speed === 'max') extra.playhead = v.time;
          else if (truncated) extra.playhead = v.time; // the worker is the bottleneck
          // Every frame up to the target is on screen now (the worker was not cut short).
          const complete = v.nextTime !== null ? v.nextTime > target : !truncated;
          if (v.violation) {
            extra.playing = false;
            extra.playTo = null;
            extra.playhead = v.time;
          } else if (capped && !st.untilReached && complete && v.time <= until && v.frame === playFrom) {
            // Play was pressed on the last frame before `until` (e.g. "next mark" landed on
            // the end): the end is already reached, so go on past it rather than stop at once.
            extra.untilReached = true;
          } else if (capped && !st.untilReached && complete && v.time <= until) {
            extra.playing = false;
            extra.playTo = null;
            extra.untilReached = true;
            extra.playhead = v.time;
          } else if (v.frame === st.view?.frame && v.frame === v.head && v.nextTime === null && st.speed === 'max' && v.time < target) {
            // Nothing left to simulate (every node idle): stop rather than spin.
            extra.playing = false;
          }
          core.applyView(v, extra);
        })
        .catch(core.fail);
    },

    async nextMark() {
      const s0 = get();
      const api = core.api;
      if (!api || !s0.view) return;
      const e = core.intent();
      core.inflight = false;
      const pending = s0.playTo;
      set({ playing: false, playTo: null });
      try {
        await core.serial(async (last) => {
          let from = core.baseFrame();
          // Pressed again while playing to a mark: be there now, then go on to the next.
          if (pending && pending.frame > from) {
            await core.seekShowingCause(pending.frame, last);
            from = pending.frame;
          }
          const st = get();
          const target = await api.nextMarkFrame(from, markStops(st, core), MARK_SEARCH_FRAMES);
          // None ahead (the run ended, or nothing within reach, e.g. heartbeats past the
          // scenario's end): stay, rather than jump far ahead to wherever the search stopped.
          if (target === null) return;
          const tv = await api.seek(target);
          const fv = await api.seek(from);
          if (!last() || e !== core.epoch) {
            core.cursor = from;
            return;
          }
          const gap = tv.time - fv.time;
          if (st.speed === 'max' || gap <= 0) {
            await core.seekShowingCause(target, last);
            return;
          }
          core.cursor = null;
          core.inflight = false;
          const patch: Partial<AppState> = { playing: true, playhead: fv.time, glide: null, playTo: { frame: target, time: tv.time, minRate: gap / MAX_MARK_WALL_MS } };
          if (get().view?.frame !== fv.frame) core.applyView(fv, patch, null);
          else set(patch);
        });
      } catch (err) {
        core.fail(err);
      }
    },

    async nextDecision() {
      const api = core.api;
      if (!api || !get().view) return;
      core.intent();
      core.inflight = false;
      set({ playing: false, playTo: null });
      try {
        await core.serial(async (last) => {
          const from = core.baseFrame();
          const row = await findNotable(api, from, NOTABLE_SEARCH_FRAMES, get().scenario?.until ?? Infinity);
          await core.seekShowingCause(row ? row.frame : from, last);
        });
      } catch (err) {
        core.fail(err);
      }
    },

    setSkipQuiet(on) {
      set({ skipQuiet: on });
    },

    async prevMark() {
      const api = core.api;
      if (!api || !get().view) return;
      core.intent();
      set({ playing: false, playTo: null });
      try {
        await core.serial(async (last) => {
          const from = core.baseFrame();
          const f = await api.prevMarkFrame(from, markStops(get(), core));
          await core.seekShowingCause(f ?? 0, last);
        });
      } catch (err) {
        core.fail(err);
      }
    },
  };
}
