/**
 * One app instance's state: a vanilla zustand store (several embeds on one page each get
 * their own), holding what the worker last sent plus playback and view settings. Actions
 * talk to the simulation only through AsyncSimApi; nothing here computes protocol state.
 *
 * How it fits together: `createAppStore` makes one `Core` (core.ts) — the worker handle,
 * the serial chain of user sequences, the intent epoch, the cursor, and `applyView`, which
 * takes a frame from the worker into the frame state below (view, cause, head, marks,
 * events, the caption's last decision, the current lesson stop). Each slice in ./slices is
 * a function of that core returning its part of the state with the actions that change it:
 *
 *   preferences  language, theme, large type, reduced motion
 *   selection    the selected node and the side panel's tab
 *   feedback     problems, the toast, the leader announcement
 *   embed        the embed flag and what the postMessage host is told (hostSnapshot)
 *   playback     play/pause/tick, speed, steps (with a glide), seeks, next/prev mark
 *   history      load a lesson or scenario, act (fork), undo, branches, config reloads
 *
 * Slices read each other's state through `get()` but change it only through their own
 * actions or `core` (e.g. history's load resets the playhead through one `set`). Each is
 * tested on its own in tests/unit/store/.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { EventRow, FrameView, Mark, MessageView } from '../sim/api';
import type { AsyncSimApi } from '../worker/client';
import { createCore } from './core';
import { embedSlice, type EmbedSlice } from './slices/embed';
import { feedbackSlice, type FeedbackSlice } from './slices/feedback';
import { historySlice, type HistorySlice } from './slices/history';
import { playbackSlice, type PlaybackSlice } from './slices/playback';
import { preferencesSlice, type PreferencesSlice } from './slices/preferences';
import { selectionSlice, type SelectionSlice } from './slices/selection';
import type { Lang, Problem, Speed, Theme } from './types';

export { EVENTS_AFTER, EVENTS_BEFORE, findCause } from './core';
export { hostSnapshot, type HostSnapshot } from './slices/embed';
export { type Branch, type ForkNotice } from './slices/history';

export { DEFAULT_LESSON } from './lessons';

export interface AppOptions {
  lang?: Lang;
  theme?: Theme;
  largeType?: boolean;
  embed?: boolean;
  /** The speed before anything is loaded (a lesson then starts at its own, unless LoadOptions.speed says otherwise). */
  speed?: Speed;
  reducedMotion?: boolean;
  /** Reads a bundled scenario's JSON; rejects when there is none by that name. */
  fetchLesson?: (name: string) => Promise<unknown>;
  /**
   * The era a node of `protocol` leads (its term, its epoch), or null when it does not lead:
   * the protocol's view answers (src/ui/views/registry.ts viewLeads). Leader changes are
   * announced from it; without it nothing is announced.
   */
  leads?: (protocol: string, node: unknown) => number | null;
}

export interface LoadOptions {
  /** The bundled lesson the scenario is (or came from, when `pristine` is false). */
  lesson?: string | null;
  /** The scenario is exactly the bundled lesson (only openLesson says so). */
  pristine?: boolean;
  /** Frame to open at (from the URL). */
  frame?: number | null;
  autoplay?: boolean;
  /** Speed to play at (from the URL); else the lesson's default (LESSON_META), else the current one. */
  speed?: Speed | null;
  /** Problems found before loading (URL parameters), shown together with any load problem. */
  problems?: Problem[];
}

/** What the worker last sent, kept by core.applyView. */
export interface FrameState {
  view: FrameView | null;
  /** The message whose delivery or drop made the current frame, as it was in flight (for highlighting). */
  cause: MessageView | null;
  head: number;
  /** Latest virtual time seen (for the timeline's domain). */
  maxTime: number;
  marks: Mark[];
  events: EventRow[];
  /** The newest event at or before the view worth reading (a decision, not a heartbeat), for the caption. */
  lastDecision: EventRow | null;
  /** Index of the lesson stop the view is at (its sentence: dictionary lessonStops), else null. */
  currentStop: number | null;
}

export interface ConnectionSlice {
  connect(api: AsyncSimApi): void;
  disconnect(): void;
  /**
   * A protocol-specific read at the shown frame (SimApi.query: the hash ring's layout, a key
   * lookup). Null when there is no simulation, the protocol has no such query, or it failed.
   */
  query(name: string, arg?: unknown): Promise<unknown>;
}

export type AppState = FrameState & ConnectionSlice & PreferencesSlice & SelectionSlice & FeedbackSlice & EmbedSlice & PlaybackSlice & HistorySlice;

export type AppStore = StoreApi<AppState>;

export function createAppStore(options: AppOptions = {}): AppStore {
  return createStore<AppState>()((set, get) => {
    const core = createCore(set, get, options);
    const frame: FrameState = { view: null, cause: null, head: 0, maxTime: 0, marks: [], events: [], lastDecision: null, currentStop: null };
    const connection: ConnectionSlice = {
      connect(a) {
        core.api = a;
      },
      disconnect() {
        core.api = null;
        core.intent();
        core.stopSideRefresh();
        set({ playing: false, playTo: null, glide: null });
      },
      async query(name, arg) {
        const api = core.api;
        const v = get().view;
        if (!api || !v) return null;
        try {
          return await api.query(v.frame, name, arg);
        } catch {
          return null;
        }
      },
    };
    return {
      ...frame,
      ...connection,
      ...preferencesSlice(core),
      ...selectionSlice(core),
      ...feedbackSlice(core),
      ...embedSlice(core),
      ...playbackSlice(core),
      ...historySlice(core),
    };
  });
}
