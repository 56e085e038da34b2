/**
 * The host API's wire format (../../../shared/DESIGN.md, "Slides: the embed and its host"):
 * what a page embedding Quorumscope in an iframe may send it over postMessage, and what the
 * embed answers. Pure: no DOM, no store; the hook in ./useHostApi.ts does the talking.
 *
 * Every message is a plain object with `source: "quorumscope"` and a `type`.
 *
 *   Host → embed   play | pause | step {by: 1|-1, default 1} | seek {frame: integer ≥ 0}
 *                  | next-mark | prev-mark | lesson {name: a bundled lesson}
 *                  | load {scenario: a scenario object} | lang {lang: "en"|"zh"}
 *   Embed → host   ready {protocol, frames}   once a scenario is loaded (again after each
 *                                            `lesson` / `load`); frames = recorded so far
 *                  frame {frame, time, playing} whenever the shown frame (or playing) changes,
 *                                            at most one per animation frame
 *                  error {message}            a known type with malformed fields
 *
 * Anything else (another source, an unknown type, not an object — e.g. reveal.js's own
 * "slide:start" strings) is ignored without an answer, so several libraries can share the
 * channel.
 */
import { isPlainObject } from '../../core/protocol';
import { MAX_FRAMES } from '../../sim/limits';
import { LESSONS } from '../lessons';
import type { Lang } from '../../store/types';

export const HOST_SOURCE = 'quorumscope';
/** A seek beyond this is refused (as a link's frame is): the session records no further (MAX_FRAMES). */
export const MAX_HOST_FRAME = MAX_FRAMES;

export type HostCommand =
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step'; by: 1 | -1 }
  | { type: 'seek'; frame: number }
  | { type: 'next-mark' }
  | { type: 'prev-mark' }
  | { type: 'lesson'; name: string }
  | { type: 'load'; scenario: Record<string, unknown> }
  | { type: 'lang'; lang: Lang };

export type HostCommandType = HostCommand['type'];

export const HOST_COMMAND_TYPES: readonly HostCommandType[] = ['play', 'pause', 'step', 'seek', 'next-mark', 'prev-mark', 'lesson', 'load', 'lang'];

export type EmbedMessage =
  | { source: typeof HOST_SOURCE; type: 'ready'; protocol: string; frames: number }
  | { source: typeof HOST_SOURCE; type: 'frame'; frame: number; time: number; playing: boolean }
  | { source: typeof HOST_SOURCE; type: 'error'; message: string };

export type Parsed =
  | { kind: 'ignore' }
  | { kind: 'error'; message: string }
  | { kind: 'command'; command: HostCommand };


function isCommandType(t: unknown): t is HostCommandType {
  return typeof t === 'string' && (HOST_COMMAND_TYPES as readonly string[]).includes(t);
}

function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (v === undefined) return 'nothing';
  try {
    const s = JSON.stringify(v);
    return s === undefined ? String(v) : s.length > 40 ? `${s.slice(0, 40)}…` : s;
  } catch {
    return String(v);
  }
}

/** Read one message from the host: a command, an error to answer with, or nothing for us. */
export function parseHostMessage(data: unknown): Parsed {
  if (!isPlainObject(data) || data.source !== HOST_SOURCE || !isCommandType(data.type)) return { kind: 'ignore' };
  const bad = (field: string, expected: string): Parsed => ({
    kind: 'error',
    message: `${data.type}: "${field}" must be ${expected}, got ${show(data[field])}`,
  });
  switch (data.type) {
    case 'play':
    case 'pause':
    case 'next-mark':
    case 'prev-mark':
      return { kind: 'command', command: { type: data.type } };
    case 'step': {
      if (data.by === undefined) return { kind: 'command', command: { type: 'step', by: 1 } };
      if (data.by === 1 || data.by === -1) return { kind: 'command', command: { type: 'step', by: data.by } };
      return bad('by', '1 or -1');
    }
    case 'seek': {
      const f = data.frame;
      if (typeof f === 'number' && Number.isSafeInteger(f) && f >= 0 && f <= MAX_HOST_FRAME) return { kind: 'command', command: { type: 'seek', frame: f } };
      return bad('frame', `an integer from 0 to ${MAX_HOST_FRAME}`);
    }
    case 'lesson': {
      const n = data.name;
      if (typeof n === 'string' && (LESSONS as readonly string[]).includes(n)) return { kind: 'command', command: { type: 'lesson', name: n } };
      // Not the whole list: with every protocol's lessons it would drown the answer.
      return bad('name', `the name of one of the ${LESSONS.length} bundled lessons (public/scenarios/NAME.json), e.g. ${LESSONS[0]}`);
    }
    case 'load': {
      if (isPlainObject(data.scenario)) return { kind: 'command', command: { type: 'load', scenario: data.scenario } };
      return bad('scenario', 'a scenario object');
    }
    case 'lang': {
      if (data.lang === 'en' || data.lang === 'zh') return { kind: 'command', command: { type: 'lang', lang: data.lang } };
      return bad('lang', '"en" or "zh"');
    }
  }
}

export function readyMessage(protocol: string, frames: number): EmbedMessage {
  return { source: HOST_SOURCE, type: 'ready', protocol, frames };
}

export function frameMessage(frame: number, time: number, playing: boolean): EmbedMessage {
  return { source: HOST_SOURCE, type: 'frame', frame, time, playing };
}

export function errorMessage(message: string): EmbedMessage {
  return { source: HOST_SOURCE, type: 'error', message };
}

/** For hosts (the example deck): read a message from an embed, or null when it is not one. */
export function parseEmbedMessage(data: unknown): EmbedMessage | null {
  if (!isPlainObject(data) || data.source !== HOST_SOURCE) return null;
  switch (data.type) {
    case 'ready':
      return typeof data.protocol === 'string' && typeof data.frames === 'number' ? readyMessage(data.protocol, data.frames) : null;
    case 'frame':
      return typeof data.frame === 'number' && typeof data.time === 'number' && typeof data.playing === 'boolean'
        ? frameMessage(data.frame, data.time, data.playing)
        : null;
    case 'error':
      return typeof data.message === 'string' ? errorMessage(data.message) : null;
    default:
      return null;
  }
}

/** A command as the host sends it (the deck builds its messages with this). */
export function hostMessage(command: HostCommand): HostCommand & { source: typeof HOST_SOURCE } {
  return { source: HOST_SOURCE, ...command };
}
