/**
 * RaftScope's classic: a message in flight, opened by a click on its glyph (or from the
 * selected node's list), shows its fields as the protocol names them (term, prevLogIndex,
 * prevLogTerm, entries, commit...) and offers Drop, which records a `drop` action naming
 * the message by its link and send order, so the URL reproduces it.
 */
import { useApp, useT } from '../StoreContext';
import { fmtTime } from '../i18n';
import { Popover } from '../shell/Popover';
import { fieldValue } from './fieldValue';
import { glyphName, MessageGlyph } from './glyphs';
import { useInspectedMessage } from './inspect';
import { messageName } from './Messages';
import type { ProtocolView } from '../views/types';

export function MessageInspector({ pv }: { pv: ProtocolView }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const act = useApp((s) => s.act);
  const [msg, inspect] = useInspectedMessage();
  // Still in flight at the frame shown? (Stepping on delivers it; stepping back may un-send it.)
  const live = useApp((s) => (msg ? (s.view?.messages.find((m) => m.id === msg.id) ?? null) : null));
  if (!msg) return null;
  const m = live ?? msg;
  const fields = Object.entries(m.look.fields ?? {});
  const close = () => inspect(null);
  return (
    <Popover label={messageName(m, t, pv, lang)} onClose={close} className="msg-inspector">
      <h2 className="popover-title msg-inspector-title">
        <svg width="30" height="24" viewBox="-11 -12 30 24" aria-hidden="true">
          <MessageGlyph look={m.look} table={pv.glyphs} />
        </svg>
        <span>{m.look.name}</span>
      </h2>
      <p className="msg-inspector-name" data-glyph={glyphName(m.look, pv.glyphs)}>
        {messageName(m, t, pv, lang)}
      </p>
      <dl className="fields msg-fields" data-testid="message-fields">
        {fields.map(([k, v]) => (
          <div key={k} className="field" data-field={k}>
            <dt>{k}</dt>
            <dd>{fieldValue(k, v, t)}</dd>
          </div>
        ))}
        <div className="field">
          <dt>{t.stageMsgSent}</dt>
          <dd>{fmtTime(m.sentAt, lang)}</dd>
        </div>
        <div className="field">
          <dt>{t.stageMsgArrives}</dt>
          <dd>{fmtTime(m.at, lang)}</dd>
        </div>
      </dl>
      {fields.length === 0 && <p className="note">{t.stageMsgNoFields}</p>}
      <p className="note">
        {t.stageMsgNth(String(m.nth))}
        {m.lost ? ` ${t.stageMsgWillBeLost}` : ''}
        {live ? '' : ` ${t.stageMsgGone}`}
      </p>
      <div className="msg-inspector-actions">
        <button
          type="button"
          className="btn small danger"
          // A message is named by its send order on the link (1-based); without one it cannot be dropped.
          disabled={!live || m.nth < 1}
          title={t.stageMsgDropHelp}
          onClick={() => {
            close();
            void act({ do: 'drop', from: m.from, to: m.to, nth: m.nth });
          }}
        >
          <span aria-hidden="true">✂ </span>
          {t.stageMsgDrop}
        </button>
        <button type="button" className="btn small" onClick={close}>
          {t.close}
        </button>
      </div>
    </Popover>
  );
}
