/**
 * The nodes: each a focusable button-like group exposing data-node / data-role /
 * data-alive (the page's contract) and an accessible name ("Node 3, leader, term 4").
 * Click or Enter selects; the protocol view draws the inside.
 */
import type { KeyboardEvent } from 'react';
import { useApp, useT } from '../StoreContext';
import type { ProtocolView } from '../views/types';
import { NODE_R, type Point, type StageText } from './geometry';

function dataAttrs(data: Record<string, number | string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(data ?? {})) out[`data-${k}`] = String(v);
  return out;
}

export function Nodes({ layout, pv, text }: { layout: Map<number, Point>; pv: ProtocolView; text: StageText }) {
  const t = useT();
  const nodes = useApp((s) => s.view?.nodes);
  const acting = useApp((s) => (s.playing ? 0 : (s.view?.event?.node ?? 0)));
  const event = useApp((s) => (s.playing ? null : (s.view?.event ?? null)));
  const lang = useApp((s) => s.lang);
  const selected = useApp((s) => s.selected);
  const select = useApp((s) => s.select);
  if (!nodes) return null;

  const onKey = (id: number) => (e: KeyboardEvent<SVGGElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      select(id);
    }
  };

  return (
    <g className="nodes">
      {nodes.map((node, i) => {
        const info = pv.nodeInfo(node, t, lang, nodes.length);
        const id = info.id || i + 1;
        const p = layout.get(id);
        if (!p) return null;
        return (
          <g
            key={id}
            className={`node ${selected === id ? 'selected' : ''} ${acting === id ? 'acting' : ''}`}
            data-node={id}
            data-role={info.role}
            data-alive={String(info.alive)}
            {...dataAttrs(info.data)}
            transform={`translate(${p.x},${p.y})`}
            tabIndex={0}
            role="button"
            aria-label={info.name}
            aria-pressed={selected === id}
            onClick={() => select(id)}
            onKeyDown={onKey(id)}
          >
            {/* Hover text: the node, and while stepping the decision it just made and why. */}
            <title>{acting === id && event ? `${info.name}\n${pv.narrate(event, lang)}` : info.name}</title>
            <circle className="node-hit" r={NODE_R + 10} />
            <circle className="focus-ring" r={NODE_R + 14} />
            {selected === id && <circle className="select-ring" r={NODE_R + 11} />}
            {acting === id && <circle className="acting-ring" r={NODE_R + 11} />}
            <pv.NodeShape node={node} info={info} r={NODE_R} t={t} text={text} />
          </g>
        );
      })}
    </g>
  );
}
