/** The ZAB state of the selected server, as the worker reports it. */
import { useShallow } from 'zustand/react/shallow';
import type { ZabNodeView } from '../../core/zab/types';
import { zxidHex } from '../../core/zab/types';
import { useApp, useT } from '../StoreContext';
import { nodeRef } from '../i18n';
import { MessageGlyph } from '../stage/glyphs';
import { useInspectedMessage } from '../stage/inspect';
import { messageName } from '../stage/Messages';
import { useProtocolView } from '../views/context';
import { ZAB_GLYPH_TABLE } from './glyphs';
import { zabDict } from './i18n';

/** At most this many of the server's messages in flight are listed (a leader's PINGs are many). */
const MAX_LISTED = 12;

export function ZabNodeFields({ node }: { node: unknown }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const z = zabDict(lang);
  const pv = useProtocolView();
  const n = node as ZabNodeView;
  const messages = useApp(useShallow((s) => (s.view?.messages ?? []).filter((m) => m.from === n.id || m.to === n.id).slice(0, MAX_LISTED)));
  const [, inspect] = useInspectedMessage();
  const rows: [string, string][] = [
    [z.fieldState, z.states[n.role]],
    [z.fieldPhase, n.phase ? z.phases[n.phase] : t.none],
    [z.fieldAcceptedEpoch, String(n.acceptedEpoch)],
    [z.fieldCurrentEpoch, String(n.currentEpoch)],
    [z.fieldLastZxid, zxidHex(n.lastZxid)],
    [z.fieldCommitted, zxidHex(n.committedZxid)],
    [z.fieldRound, String(n.round)],
    [z.fieldVote, z.voteValue(nodeRef(n.vote.leader), zxidHex(n.vote.zxid), String(n.vote.epoch))],
    [z.fieldLeader, n.leader ? nodeRef(n.leader) : t.none],
  ];
  if (n.waitingFor) rows.push([z.fieldWaiting, z.waiting[n.waitingFor]]);
  if (n.learners.length) {
    rows.push([
      z.fieldLearners,
      n.learners.map((l) => z.learnerValue(nodeRef(l.sid), z.learnerStage[l.stage], l.sync ? l.sync.toUpperCase() : '', zxidHex(l.ackedZxid))).join('; '),
    ]);
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
      <p className="note">{z.timingNote}</p>
      {messages.length > 0 && (
        <>
          <h3 className="fields-title">{t.stageMsgList}</h3>
          <ul className="msg-list">
            {messages.map((m) => (
              <li key={m.id}>
                <button type="button" className="btn small" onClick={() => inspect(m)}>
                  <svg width="26" height="20" viewBox="-10 -10 26 20" aria-hidden="true">
                    <MessageGlyph look={m.look} table={ZAB_GLYPH_TABLE} />
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
