/** A note recorded by a test harness, with its protocol name and named fields (from the protocol's NoteSpecs). */
import type { NoteSpec } from '../../../src/core/protocol';

export interface NoteRec {
  time: number;
  node: number;
  name: string;
  f: Record<string, number>;
}

/** A recorder of positional notes into NoteRecs, for one protocol's note table. */
export function noteRecorder(notes: Record<string, NoteSpec>): (time: number, node: number, code: number, args: number[]) => NoteRec {
  const specs = new Map<number, NoteSpec>(Object.values(notes).map((s) => [s.code, s]));
  return (time, node, code, args) => {
    const s = specs.get(code);
    const f: Record<string, number> = {};
    s?.fields.forEach((k, i) => (f[k] = args[i]));
    return { time, node, name: s?.name ?? String(code), f };
  };
}
