/**
 * Embed-host slice: whether this instance is an embed (a slide's iframe), and what a
 * host page is told about it over postMessage (`hostSnapshot`: `ready` with the protocol
 * and frame count, then `frame` with frame, time and playing). The messages themselves
 * are sent and received by the UI; this only keeps the data they carry in one place.
 */
import type { AppState } from '../appStore';
import type { Core } from '../core';

export interface EmbedSlice {
  embed: boolean;
}

/** What the embed reports to its host: `ready` once a scenario is on screen, then each frame. */
export interface HostSnapshot {
  ready: boolean;
  protocol: string | null;
  /** Frames recorded so far (the head + 1 frames 0..head). */
  frames: number;
  frame: number;
  time: number;
  playing: boolean;
}

export function hostSnapshot(s: AppState): HostSnapshot {
  return {
    ready: s.status === 'ready' && s.view !== null,
    protocol: s.view?.protocol ?? null,
    frames: s.view ? s.head + 1 : 0,
    frame: s.view?.frame ?? 0,
    time: s.view?.time ?? 0,
    playing: s.playing,
  };
}

export function embedSlice({ options }: Core): EmbedSlice {
  return { embed: options.embed ?? false };
}
