/**
 * Messages in flight, gliding along their lanes by virtual time. React renders one <g>
 * per message when the frame changes; the frame clock moves them in between. A message
 * that will not arrive (random loss, a cut link, a partition, a dead receiver) fades out
 * where it dies.
 */
import { useRef } from 'react';
import type { MessageView, NetworkView } from '../../sim/api';
import { HUB_ID } from '../../core/protocol';
import { useApp, useT } from '../StoreContext';
import { nodeRef, type Dict, type Lang } from '../i18n';
import type { ProtocolView } from '../views/types';
import { glyphName, isVote, MessageGlyph } from './glyphs';
import { actorPos, doomedOpacity, lane, linkDown, NODE_R, progress, type Point } from './geometry';
import { useInspectedMessage } from './inspect';
import { useFrameClock } from './useFrameClock';

const CLIENT_R = 12;

function radiusOf(id: number, layout: Map<number, Point>): number {
  return layout.has(id) ? NODE_R + 2 : CLIENT_R;
}

function doomed(m: MessageView, net: NetworkView, alive: boolean[], layout: Map<number, Point>): boolean {
  if (m.lost) return true;
  if (layout.has(m.from) && layout.has(m.to) && linkDown(net, m.from, m.to)) return true;
  return layout.has(m.to) && alive[m.to - 1] === false;
}

function actorRef(id: number, t: Dict, pv: ProtocolView, lang: Lang): string {
  if (id === HUB_ID && pv.hubName) return pv.hubName(lang);
  return id > 1000 ? t.clientName(String(id - 1000)) : nodeRef(id);
}

/** What a message is, in words: "RequestVoteReply from n1 to n3, term 2, granted ✓" (the era in the protocol's words). */
export function messageName(m: MessageView, t: Dict, pv: ProtocolView, lang: Lang): string {
  const parts = [t.stageMsgName(m.look.name, actorRef(m.from, t, pv, lang), actorRef(m.to, t, pv, lang))];
  // A protocol without generations (the hash ring) says nothing for one.
  if (pv.eras !== false) parts.push(pv.dict(lang).eraShort(String(m.look.era)));
  if (m.look.count) parts.push(`×${m.look.count}`);
  if (m.look.verdict !== undefined) {
    const vote = isVote(m.look, pv.glyphs);
    parts.push(m.look.verdict ? (vote ? t.stageMsgGranted : t.stageMsgAccepted) : vote ? t.stageMsgDenied : t.stageMsgRejected);
  }
  return parts.join(t.stageNameSep);
}

/** `actors`: where actors other than the nodes sit (a service's clients); without it they sit in the middle. */
export function Messages({ layout, markSize, pv, actors }: { layout: Map<number, Point>; markSize: number; pv: ProtocolView; actors?: Map<number, Point> }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const [inspected, inspect] = useInspectedMessage();
  const view = useApp((s) => s.view);
  const refs = useRef(new Map<number, SVGGElement>());
  const messages = view?.messages ?? [];

  useFrameClock(
    (t, s) => {
      const v = s.view;
      if (!v) return;
      for (const m of v.messages) {
        const el = refs.current.get(m.id);
        if (!el) continue;
        const { start, end } = lane(actorPos(actors ?? layout, m.from), actorPos(actors ?? layout, m.to), radiusOf(m.from, layout), radiusOf(m.to, layout));
        const f = progress(m, t);
        const x = start.x + (end.x - start.x) * f;
        const y = start.y + (end.y - start.y) * f;
        el.setAttribute('transform', `translate(${x.toFixed(2)},${y.toFixed(2)})`);
        el.setAttribute('opacity', doomed(m, v.network, v.alive, layout) ? doomedOpacity(f).toFixed(3) : '1');
      }
    },
    [layout, messages, actors],
  );

  return (
    <g className="messages">
      {messages.map((m) => (
        // Click to inspect (pauses). Not a tab stop: dozens of moving targets would bury the
        // nodes; the keyboard reaches them from the selected node's inspector instead.
        <g
          key={m.id}
          className={`msg ${inspected?.id === m.id ? 'inspected' : ''}`}
          data-glyph={glyphName(m.look, pv.glyphs)}
          data-msg={`${m.from}-${m.to}-${m.nth}`}
          ref={(el) => {
            if (el) refs.current.set(m.id, el);
            else refs.current.delete(m.id);
          }}
          onClick={(e) => {
            e.stopPropagation();
            inspect(m);
          }}
        >
          <title>{messageName(m, t, pv, lang)}</title>
          <circle className="msg-hit" r={11} />
          {inspected?.id === m.id && <circle className="msg-ring" r={11} />}
          <MessageGlyph look={m.look} table={pv.glyphs} markSize={markSize} />
        </g>
      ))}
    </g>
  );
}
