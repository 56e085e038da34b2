/**
 * The key the panel's lookup chose: its position marked on the ring, a line to each of its
 * R owners (solid to the primary, dashed to the other replicas) and each owner's rank.
 */
import type { KeyLookup } from '../../../core/hashring/types';
import { fmtInt } from '../../i18n';
import { useApp } from '../../StoreContext';
import type { Point } from '../../stage/geometry';
import { ringDict } from '../i18n';
import { angleOf, at, KEY_R0, RING_NODE_R, RING_R } from './ringGeometry';

export function SelectedKey({ found, layout, labelSize, nodeR = RING_NODE_R }: { found: KeyLookup; layout: Map<number, Point>; labelSize: number; nodeR?: number }) {
  const lang = useApp((s) => s.lang);
  const r = ringDict(lang);
  const a = angleOf(found.hash);
  const mark = at(a, RING_R);
  const inner = at(a, KEY_R0 - 6);
  const tip = at(a, RING_R + 9);
  return (
    <g className="ring-key" data-key={found.key} data-owners={found.owners.join(',')} aria-label={r.selectedKey(found.key, fmtInt(found.hash, lang))} role="img">
      <line className="ring-key-ray" x1={inner.x} y1={inner.y} x2={tip.x} y2={tip.y} />
      {found.owners.map((id, i) => {
        const p = layout.get(id);
        if (!p) return null;
        const dx = p.x - mark.x;
        const dy = p.y - mark.y;
        const len = Math.hypot(dx, dy) || 1;
        const end = { x: p.x - (dx / len) * (nodeR + 2), y: p.y - (dy / len) * (nodeR + 2) };
        const mid = { x: mark.x + dx * 0.55, y: mark.y + dy * 0.55 };
        return (
          <g key={id} data-rank={i + 1} data-owner={id}>
            <line className={`ring-key-line ${i === 0 ? 'primary' : ''}`} x1={mark.x} y1={mark.y} x2={end.x} y2={end.y} />
            <text className="ring-key-rank" x={mid.x} y={mid.y} textAnchor="middle" dominantBaseline="central" style={{ fontSize: labelSize * 0.9 }}>
              <title>{r.rank(String(i + 1))}</title>
              {r.rankShort(String(i + 1))}
            </text>
          </g>
        );
      })}
      <circle className="ring-key-mark" cx={mark.x} cy={mark.y} r={6} />
      <text className="ring-key-name" x={inner.x} y={inner.y} textAnchor="middle" dominantBaseline="central" style={{ fontSize: labelSize * 0.85 }}>
        {found.key}
      </text>
    </g>
  );
}
