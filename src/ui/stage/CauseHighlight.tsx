/**
 * While stepping, the message that caused the current frame: its lane lit up and its
 * glyph at the point it arrived (or died, with ✗). Shown only when paused, so playback
 * stays calm.
 */
import { EventType, Fate } from '../../sim/api';
import { useApp } from '../StoreContext';
import type { ProtocolView } from '../views/types';
import { MessageGlyph, type GlyphLook } from './glyphs';
import { actorPos, lane, NODE_R, type Point } from './geometry';

export function CauseHighlight({ layout, pv, actors }: { layout: Map<number, Point>; pv: ProtocolView; actors?: Map<number, Point> }) {
  const event = useApp((s) => (s.playing ? null : (s.view?.event ?? null)));
  const cause = useApp((s) => s.cause);
  if (!event || (event.type !== EventType.Deliver && event.type !== EventType.Drop) || !event.peer) return null;
  const from = actorPos(actors ?? layout, event.peer);
  const to = actorPos(actors ?? layout, event.node);
  const rf = layout.has(event.peer) ? NODE_R + 2 : 12;
  const rt = layout.has(event.node) ? NODE_R + 2 : 12;
  const { start, end } = lane(from, to, rf, rt);
  const dropped = event.type === EventType.Drop;
  // Just short of the receiver, so the glyph is not hidden under the node.
  const f = dropped && event.fate !== Fate.NodeDown ? 0.7 : 0.86;
  const at = { x: start.x + (end.x - start.x) * f, y: start.y + (end.y - start.y) * f };
  const look: GlyphLook = cause ? cause.look : { glyph: pv.kindGlyph(event.kind) };
  return (
    <g className="cause" aria-hidden="true">
      <line x1={start.x} y1={start.y} x2={at.x} y2={at.y} className="cause-lane" />
      <g transform={`translate(${at.x},${at.y})`} opacity={dropped ? 0.75 : 1}>
        <circle r={11} className="cause-halo" />
        <MessageGlyph look={look} table={pv.glyphs} />
        {dropped && (
          <text className="cause-x" x={0} y={-14} textAnchor="middle">
            ✗
          </text>
        )}
      </g>
    </g>
  );
}
