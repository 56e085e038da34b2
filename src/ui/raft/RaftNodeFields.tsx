/** The Raft state of the selected node, as the worker reports it. */
import type { RaftNodeView } from '../../core/raft/types';
import { useShallow } from 'zustand/react/shallow';
import { useApp, useT } from '../StoreContext';
import { nodeRef } from '../i18n';
import { MessageGlyph } from '../stage/glyphs';
import { useInspectedMessage } from '../stage/inspect';
import { lookOf, messageName } from '../stage/Messages';

/** At most this many of the node's messages in flight are listed (a leader's heartbeats are many). */
const MAX_LISTED = 12;

export function RaftNodeFields({ node }: { node: unknown }) {
  const t = useT();
  const n = node as RaftNodeView;
  // The keyboard's way to a message in flight: the stage's glyphs are mouse targets only.
  const messages = useApp(useShallow((s) => (s.view?.messages ?? []).filter((m) => m.from === n.id || m.to === n.id).slice(0, MAX_LISTED)));
  const [, inspect] = useInspectedMessage();
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
      {messages.length > 0 && (
        <>
          <h3 className="fields-title">{t.stageMsgList}</h3>
          <ul className="msg-list">
            {messages.map((m) => (
              <li key={m.id}>
                <button type="button" className="btn small" onClick={() => inspect(m)}>
                  <svg width="26" height="20" viewBox="-10 -10 26 20" aria-hidden="true">
                    <MessageGlyph look={lookOf(m)} />
                  </svg>
                  {messageName(m, t)}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
