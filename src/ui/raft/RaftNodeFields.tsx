/** The Raft state of the selected node, as the worker reports it. */
import type { RaftNodeView } from '../../core/raft/types';
import { useT } from '../StoreContext';
import { nodeRef } from '../i18n';

export function RaftNodeFields({ node }: { node: unknown }) {
  const t = useT();
  const n = node as RaftNodeView;
  const ref = (id: number) => (id ? nodeRef(id) : t.none);
  const rows: [string, string][] = [
    [t.fieldAlive, n.alive ? t.alive : t.down],
    [t.fieldRole, t.roles[n.role as keyof typeof t.roles] ?? n.role],
    [t.fieldTerm, String(n.term)],
    [t.fieldVotedFor, ref(n.votedFor)],
    [t.fieldLeader, ref(n.leader)],
    [t.fieldCommit, String(n.commitIndex)],
    [t.fieldLastIndex, String(n.lastIndex)],
  ];
  if (n.role === 'candidate' || n.role === 'precandidate') {
    rows.push([t.fieldVotes, n.votes.length ? n.votes.map(nodeRef).join(', ') : t.none]);
  }
  return (
    <>
      <dl className="fields">
        {rows.map(([k, v]) => (
          <div key={k} className="field">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <p className="note">{t.commitNote}</p>
    </>
  );
}
