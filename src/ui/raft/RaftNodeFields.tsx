/** The Raft state of the selected node, as the worker reports it. */
import type { RaftNodeView } from '../../core/raft/types';
import { useApp, useT } from '../StoreContext';
import { nodeRef } from '../i18n';
import { NodeFieldList } from '../panel/NodeFieldList';
import { raftDict } from './i18n';
import { RAFT_GLYPHS } from './glyphs';

export function RaftNodeFields({ node }: { node: unknown }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const r = raftDict(lang);
  const n = node as RaftNodeView;
  const ref = (id: number) => (id ? nodeRef(id) : t.none);
  const rows: [string, string][] = [
    [r.fieldAlive, n.alive ? t.alive : t.down],
    [r.fieldRole, r.roles[n.role as keyof typeof r.roles] ?? n.role],
    [r.fieldTerm, String(n.term)],
    [r.fieldVotedFor, ref(n.votedFor)],
    [r.fieldLeader, ref(n.leader)],
    [r.fieldCommit, String(n.commitIndex)],
    [r.fieldLastIndex, String(n.lastIndex)],
  ];
  if (n.role === 'candidate' || n.role === 'precandidate') {
    rows.push([r.fieldVotes, n.votes.length ? n.votes.map(nodeRef).join(', ') : t.none]);
  }
  return <NodeFieldList nodeId={n.id} rows={rows} note={r.commitNote} glyphs={RAFT_GLYPHS} />;
}
