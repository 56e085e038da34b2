/**
 * Timer arcs (RaftScope's best idea): a ring around each node that drains from the moment
 * the timer was armed (setAt) to the moment it fires (at). The protocol view says which
 * timers each node shows (ProtocolView.arcs: Raft's election timeout; ZAB's notification
 * back-off and sync deadline), innermost first, one ring each.
 */
import { useRef } from 'react';
import { arc } from 'd3';
import { useApp } from '../StoreContext';
import type { ProtocolView } from '../views/types';
import { NODE_R, timerLeft, type Point } from './geometry';
import { useFrameClock } from './useFrameClock';

/** How many rings a node can carry (more would crowd the node's labels). */
const MAX_ARCS = 3;
/** Ring i sits this much further out than ring i - 1. */
const RING_STEP = 6;

const ARCS = Array.from({ length: MAX_ARCS }, (_, i) =>
  arc<{ endAngle: number }>()
    .innerRadius(NODE_R + 4 + i * RING_STEP)
    .outerRadius(NODE_R + 8.5 + i * RING_STEP)
    .startAngle(0)
    .cornerRadius(2),
);

export function TimerArcs({ layout, pv }: { layout: Map<number, Point>; pv: ProtocolView }) {
  const nodes = useApp((s) => s.view?.nodes);
  const refs = useRef(new Map<string, SVGPathElement>());
  const ids = [...layout.keys()];

  useFrameClock(
    (t, s) => {
      const v = s.view;
      if (!v) return;
      // Follow the view being drawn, not the ids of the last render: the frame clock runs
      // on every store change, before React re-renders, so a new scenario with fewer nodes
      // (Figure 7's seven → Figure 8's five) arrives here while the old arcs still exist.
      for (const [key, el] of refs.current) {
        const [id, ring] = key.split(':').map(Number);
        const node = v.nodes[id - 1];
        const spec = node === undefined ? undefined : pv.arcs(node)[ring];
        const timer = spec ? v.timers[id - 1]?.find((tm) => tm.slot === spec.slot) : undefined;
        const left = timer ? timerLeft(timer.setAt, timer.at, t) : 0;
        el.setAttribute('d', left > 0 ? (ARCS[ring]({ endAngle: 2 * Math.PI * left }) ?? '') : '');
      }
    },
    [layout, nodes, pv],
  );

  return (
    <g className="timer-arcs" aria-hidden="true">
      {ids.map((id) => {
        const p = layout.get(id)!;
        const node = nodes?.[id - 1];
        const arcs = node === undefined ? [] : pv.arcs(node).slice(0, MAX_ARCS);
        return (
          <g key={id} transform={`translate(${p.x},${p.y})`}>
            {arcs.map((a, ring) => (
              <g key={`${ring}-${a.kind}`} data-arc={a.kind}>
                <circle r={NODE_R + 6.25 + ring * RING_STEP} fill="none" stroke="var(--border)" strokeWidth={4.5} opacity={0.45} />
                <path
                  className="timer-arc"
                  ref={(el) => {
                    const key = `${id}:${ring}`;
                    if (el) refs.current.set(key, el);
                    else refs.current.delete(key);
                  }}
                />
              </g>
            ))}
          </g>
        );
      })}
    </g>
  );
}
