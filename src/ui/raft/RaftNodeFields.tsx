/** The Raft state of the selected node, as the worker reports it. */
import type { RaftNodeView } from '../../core/raft/types';
import { useShallow } from 'zustand/react/shallow';
import { useApp, useT } from '../StoreContext';
import { nodeRef } from '../i18n';
import { MessageGlyph } from '../stage/glyphs';
import { useInspectedMessage } from '../stage/inspect';
import { messageName } from '../stage/Messages';
import { useProtocolView } from '../views/context';
import { raftDict } from './i18n';
import { RAFT_GLYPHS } from './glyphs';

/** At most this many of the node's messages in flight are listed (a leader's heartbeats are many). */
const MAX_LISTED = 12;

export function RaftNodeFields({ node }: { node: unknown }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const pv = useProtocolView();
  const r = raftDict(lang);
  const n = node as RaftNodeView;
  // The keyboard's way to a message in flight: the stage's glyphs are mouse targets only.
  const messages = useApp(useShallow((s) => (s.view?.messages ?? []).filter((m) => m.from === n.id || m.to === n.id).slice(0, MAX_LISTED)));
  const [, inspect] = useInspectedMessage();
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
      <p className="note">{r.commitNote}</p>
      {messages.length > 0 && (
        <>
          <h3 className="fields-title">{t.stageMsgList}</h3>
          <ul className="msg-list">
            {messages.map((m) => (
              <li key={m.id}>
                <button type="button" className="btn small" onClick={() => inspect(m)}>
                  <svg width="26" height="20" viewBox="-10 -10 26 20" aria-hidden="true">
                    <MessageGlyph look={m.look} table={RAFT_GLYPHS} />
                  </svg>
                  {pv ? messageName(m, t, pv, lang) : m.look.name}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
