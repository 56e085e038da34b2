/** For hand-made NoteRows: a code's positional arguments by the names its NoteSpec gives them, as the session decodes them. */
import { SIM_NOTES } from '../../../src/core/protocol';
import { raftProtocol } from '../../../src/core/raft/protocol';

const FIELDS = new Map([...SIM_NOTES, ...raftProtocol.notes].map((n) => [n.code, n.fields]));

export function namedFields(code: number, args: readonly number[]): Record<string, number> {
  const out: Record<string, number> = {};
  FIELDS.get(code)?.forEach((name, i) => (out[name] = args[i] ?? 0));
  return out;
}
