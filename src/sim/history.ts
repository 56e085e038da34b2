/**
 * The recorded history of a run: one compact row per frame (typed-array columns, grown by
 * doubling), the decisions (notes) each event caused, and keyframes (full simulator
 * snapshots) every KEYFRAME_EVERY frames. Seeking restores the nearest keyframe at or
 * before the target and replays forward; the rows are what the event list and the
 * timeline read, and narration is generated from them.
 */
import { EventType, type EventRow, type NoteRow } from './api';
import type { ScriptAction } from './scenario';
import type { SimSnapshot } from './simulation';

export const KEYFRAME_EVERY = 1024;

function grow<T extends Float64Array | Int32Array | Uint32Array | Uint16Array | Uint8Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  let n = a.length * 2;
  while (n < need) n *= 2;
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}

export class History {
  /** Frames recorded: rows exist for frames 1..head. */
  head = 0;
  private time = new Float64Array(1024);
  private type = new Uint8Array(1024);
  private node = new Uint16Array(1024);
  private peer = new Uint16Array(1024);
  private kind = new Uint16Array(1024);
  private fate = new Uint8Array(1024);
  /** Index into `actions` for action frames, else -1. */
  private action = new Int32Array(1024);
  /** Notes of frame f are [noteStart[f], noteStart[f + 1]) (noteStart[head + 1] = noteCount). */
  private noteStart = new Uint32Array(1024);
  private noteCount = 0;
  private nCode = new Uint16Array(4096);
  private nNode = new Uint16Array(4096);
  // Float64, so a note can carry a zxid (epoch << 32 | counter) exactly.
  private nA = new Float64Array(4096);
  private nB = new Float64Array(4096);
  private nC = new Float64Array(4096);
  private nD = new Float64Array(4096);
  private actions: ScriptAction[] = [];
  /** keyframes[i] is the state after frame i * KEYFRAME_EVERY. */
  keyframes: SimSnapshot[] = [];

  begin(frame: number, t: number, type: EventType, node: number, peer: number, kind: number, fate: number, action: ScriptAction | null): void {
    if (frame !== this.head + 1) throw new Error(`history: frame ${frame} recorded after ${this.head}`);
    const need = frame + 2;
    if (need > this.time.length) {
      this.time = grow(this.time, need);
      this.type = grow(this.type, need);
      this.node = grow(this.node, need);
      this.peer = grow(this.peer, need);
      this.kind = grow(this.kind, need);
      this.fate = grow(this.fate, need);
      this.action = grow(this.action, need);
      this.noteStart = grow(this.noteStart, need);
    }
    this.head = frame;
    this.time[frame] = t;
    this.type[frame] = type;
    this.node[frame] = node;
    this.peer[frame] = peer;
    this.kind[frame] = kind;
    this.fate[frame] = fate;
    if (action !== null) {
      this.action[frame] = this.actions.length;
      this.actions.push(action);
    } else {
      this.action[frame] = -1;
    }
    this.noteStart[frame] = this.noteCount;
    this.noteStart[frame + 1] = this.noteCount;
  }

  note(code: number, node: number, a: number, b: number, c: number, d: number): void {
    const i = this.noteCount++;
    if (i >= this.nCode.length) {
      const need = i + 1;
      this.nCode = grow(this.nCode, need);
      this.nNode = grow(this.nNode, need);
      this.nA = grow(this.nA, need);
      this.nB = grow(this.nB, need);
      this.nC = grow(this.nC, need);
      this.nD = grow(this.nD, need);
    }
    this.nCode[i] = code;
    this.nNode[i] = node;
    this.nA[i] = a;
    this.nB[i] = b;
    this.nC[i] = c;
    this.nD[i] = d;
    this.noteStart[this.head + 1] = this.noteCount;
  }

  keyframe(s: SimSnapshot): void {
    if (s.frame !== this.keyframes.length * KEYFRAME_EVERY) throw new Error(`history: keyframe at ${s.frame} out of order`);
    this.keyframes.push(s);
  }

  /** The keyframe to restore to reach `frame`. */
  keyframeFor(frame: number): SimSnapshot {
    return this.keyframes[Math.min(Math.floor(frame / KEYFRAME_EVERY), this.keyframes.length - 1)];
  }

  timeOf(frame: number): number {
    return frame <= 0 ? 0 : this.time[Math.min(frame, this.head)];
  }

  /** The last frame whose time is <= t (0 when none). */
  frameAtTime(t: number): number {
    let lo = 0;
    let hi = this.head;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.time[mid] <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * Frame f's event; `notable` says which note codes are decisions worth reading (the
   * protocol's), `fieldsOf` the names of a code's arguments (its NoteSpec's fields).
   */
  row(f: number, notable: (code: number) => boolean = () => true, fieldsOf: (code: number) => readonly string[] | undefined = () => undefined): EventRow {
    const notes: NoteRow[] = [];
    for (let i = this.noteStart[f]; i < this.noteStart[f + 1]; i++) {
      const code = this.nCode[i];
      const args = [this.nA[i], this.nB[i], this.nC[i], this.nD[i]];
      const named: Record<string, number> = {};
      fieldsOf(code)?.forEach((name, k) => (named[name] = args[k]));
      notes.push({ code, node: this.nNode[i], a: args[0], b: args[1], c: args[2], d: args[3], f: named });
    }
    const ai = this.action[f];
    return {
      frame: f,
      time: this.time[f],
      type: this.type[f] as EventType,
      node: this.node[f],
      peer: this.peer[f],
      kind: this.kind[f],
      fate: this.fate[f],
      action: ai >= 0 ? this.actions[ai] : null,
      notes,
      // Faults and script actions always are; otherwise a frame is as notable as its notes.
      notable: ai >= 0 || this.type[f] === EventType.Drop || notes.some((n) => notable(n.code)),
    };
  }

  /** The script action applied at frame f, if it was an action frame. */
  actionAt(f: number): ScriptAction | null {
    const ai = this.action[f];
    return ai >= 0 ? this.actions[ai] : null;
  }

  /** Visit the notes of frame f without allocating. */
  forEachNote(f: number, visit: (code: number, node: number, a: number, b: number, c: number, d: number) => void): void {
    for (let i = this.noteStart[f]; i < this.noteStart[f + 1]; i++) visit(this.nCode[i], this.nNode[i], this.nA[i], this.nB[i], this.nC[i], this.nD[i]);
  }

  /** Drop every frame after `frame` (a fork). */
  truncate(frame: number): void {
    if (frame >= this.head) return;
    const firstDroppedAction = this.firstActionAfter(frame);
    if (firstDroppedAction >= 0) this.actions.length = firstDroppedAction;
    this.noteCount = this.noteStart[frame + 1];
    this.head = frame;
    this.keyframes.length = Math.floor(frame / KEYFRAME_EVERY) + 1;
  }

  private firstActionAfter(frame: number): number {
    for (let f = frame + 1; f <= this.head; f++) if (this.action[f] >= 0) return this.action[f];
    return -1;
  }

  /** FNV-1a over every recorded column: equal hashes = identical traces. */
  hash(): string {
    let h = 0x811c9dc5;
    const mix = (v: number) => {
      h ^= v | 0;
      h = Math.imul(h, 0x01000193);
      h ^= (v / 4294967296) | 0;
      h = Math.imul(h, 0x01000193);
    };
    for (let f = 1; f <= this.head; f++) {
      mix(this.time[f]);
      mix(this.type[f]);
      mix(this.node[f]);
      mix(this.peer[f]);
      mix(this.kind[f]);
      mix(this.fate[f]);
      for (let i = this.noteStart[f]; i < this.noteStart[f + 1]; i++) {
        mix(this.nCode[i]);
        mix(this.nNode[i]);
        mix(this.nA[i]);
        mix(this.nB[i]);
        mix(this.nC[i]);
        mix(this.nD[i]);
      }
    }
    return (h >>> 0).toString(16).padStart(8, '0');
  }

  /** Approximate bytes held by the columns (keyframes not included). */
  bytes(): number {
    return this.time.byteLength + this.type.byteLength + this.node.byteLength + this.peer.byteLength + this.kind.byteLength +
      this.fate.byteLength + this.action.byteLength + this.noteStart.byteLength + this.nCode.byteLength + this.nNode.byteLength +
      this.nA.byteLength * 4;
  }
}
