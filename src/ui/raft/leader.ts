/** Who leads, as Raft says it: an alive node in role leader, leading its term. */
import type { RaftNodeView } from '../../core/raft/types';

/** The term `node` leads, or null when it does not lead. */
export function raftLeads(node: unknown): number | null {
  const n = node as RaftNodeView;
  return n.alive && n.role === 'leader' ? n.term : null;
}
