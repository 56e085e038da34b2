/**
 * Election-timer arcs (RaftScope's best idea): a ring around each node that drains from
 * the moment the timer was armed (setAt) to the moment it fires (at). The protocol view
 * says which timer slot, if any, each node shows.
 */
import { useRef } from 'react';
import { arc } from 'd3';
import { useApp } from '../StoreContext';
import type { ProtocolView } from '../views/types';
import { NODE_R, timerLeft, type Point } from './geometry';
import { useFrameClock } from './useFrameClock';

const ARC = arc<{ endAngle: number }>()
  .innerRadius(NODE_R + 4)
  .outerRadius(NODE_R + 8.5)
  .startAngle(0)
  .cornerRadius(2);

export function TimerArcs({ layout, pv }: { layout: Map<number, Point>; pv: ProtocolView }) {
  const nodes = useApp((s) => s.view?.nodes);
  const refs = useRef(new Map<number, SVGPathElement>());
  const ids = [...layout.keys()];

  useFrameClock(
    (t, s) => {
      const v = s.view;
      if (!v) return;
      // Follow the view being drawn, not the ids of the last render: the frame clock runs
      // on every store change, before React re-renders, so a new scenario with fewer nodes
      // (Figure 7's seven → Figure 8's five) arrives here while the old arcs still exist.
      for (const [id, el] of refs.current) {
        const node = v.nodes[id - 1];
        if (node === undefined) {
          el.setAttribute('d', '');
          continue;
        }
        const slot = pv.arcSlot(node);
        const timer = slot === null ? undefined : v.timers[id - 1]?.find((tm) => tm.slot === slot);
        const left = timer ? timerLeft(timer.setAt, timer.at, t) : 0;
        el.setAttribute('d', left > 0 ? (ARC({ endAngle: 2 * Math.PI * left }) ?? '') : '');
      }
    },
    [layout, nodes, pv],
  );

  return (
    <g className="timer-arcs" aria-hidden="true">
      {ids.map((id) => {
        const p = layout.get(id)!;
        const node = nodes?.[id - 1];
        const slot = node === undefined ? null : pv.arcSlot(node);
        return (
          <g key={id} transform={`translate(${p.x},${p.y})`}>
            {slot !== null && <circle r={NODE_R + 6.25} fill="none" stroke="var(--border)" strokeWidth={4.5} opacity={0.45} />}
            <path
              className="timer-arc"
              ref={(el) => {
                if (el) refs.current.set(id, el);
                else refs.current.delete(id);
              }}
            />
          </g>
        );
      })}
    </g>
  );
}
