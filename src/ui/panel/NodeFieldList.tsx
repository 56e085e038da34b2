/**
 * The selected node's inspector, as every protocol lays it out: its state rows (the
 * protocol's own labels and values), a note, and the node's messages in flight as buttons
 * that open the message inspector — the keyboard's way to a message, since the stage's
 * glyphs are mouse targets only.
 */
import { useShallow } from 'zustand/react/shallow';
import { useApp, useT } from '../StoreContext';
import { MessageGlyph, type GlyphSpec } from '../stage/glyphs';
import { useInspectedMessage } from '../stage/inspect';
import { messageName } from '../stage/Messages';
import { useProtocolView } from '../views/context';

/** At most this many of the node's messages in flight are listed (a leader's heartbeats or PINGs are many). */
const MAX_LISTED = 12;

export function NodeFieldList({
  nodeId,
  rows,
  note,
  glyphs,
}: {
  nodeId: number;
  rows: readonly (readonly [string, string])[];
  note: string;
  /** The protocol's glyph table (its view's `glyphs`). */
  glyphs: Readonly<Record<string, GlyphSpec>>;
}) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const pv = useProtocolView();
  const messages = useApp(useShallow((s) => (s.view?.messages ?? []).filter((m) => m.from === nodeId || m.to === nodeId).slice(0, MAX_LISTED)));
  const [, inspect] = useInspectedMessage();
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
      <p className="note">{note}</p>
      {messages.length > 0 && (
        <>
          <h3 className="fields-title">{t.stageMsgList}</h3>
          <ul className="msg-list">
            {messages.map((m) => (
              <li key={m.id}>
                <button type="button" className="btn small" onClick={() => inspect(m)}>
                  <svg width="26" height="20" viewBox="-10 -10 26 20" aria-hidden="true">
                    <MessageGlyph look={m.look} table={glyphs} />
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
