/**
 * What every cluster protocol's node shape draws, centred at (0, 0): the circle in the role's
 * style, the leader's inner ring, the id large, the role label under it, the ★ / ✕ badge, and
 * the era (Raft's term, ZAB's epoch) on a pill in the era's colour. A protocol's shape adds
 * its own line below (Raft's tally, ZAB's phase) and wraps it in its own <g>. The labels are
 * separate words in the order the accessible name says them.
 */
import type { NodeInfo, NodeShapeProps } from '../views/types';
import { termColor, termTextColor } from '../palette';
import { underNode } from './geometry';

export interface NodeStyle {
  fill: string;
  stroke: string;
  width: number;
  dash?: string;
}

/** Rough width of a label in units of its font size (CJK glyphs are square, Latin ones about half). */
export function textEm(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.6;
  return w;
}

export function NodeBody({ id, info, r, text, style, era }: { id: number; info: NodeInfo; r: number; text: NodeShapeProps['text']; style: NodeStyle; era: number }) {
  const down = !info.alive;
  const eraText = info.eraLabel;
  const pillW = Math.max(r * 1.5, textEm(eraText) * text.term + text.term);
  const pillH = text.term * 1.35;
  const y = underNode(r, text);
  return (
    <>
      <circle r={r} fill={style.fill} stroke={style.stroke} strokeWidth={style.width} strokeDasharray={style.dash} />
      {info.leader && <circle r={r - 5} fill="none" stroke={style.stroke} strokeWidth={1.2} opacity={0.7} />}
      <text className="node-id" style={{ fontSize: text.id }} textAnchor="middle" dominantBaseline="central" opacity={down ? 0.55 : 1}>
        {id}
      </text>{' '}
      <text className="node-role" style={{ fontSize: text.label }} y={y.role} textAnchor="middle" dominantBaseline="central">
        {info.roleLabel}
      </text>{' '}
      {(info.leader || down) && (
        // A badge just outside the ring (clear of the timer arc): ★ for the leader, ✕ for down.
        <g transform={`translate(${r * 0.92}, ${-r * 0.92})`} aria-hidden="true">
          <circle r={9.5} fill="var(--surface)" stroke={style.stroke} strokeWidth={1.5} />
          <text className={info.leader ? 'node-star' : 'node-down'} textAnchor="middle" dominantBaseline="central">
            {info.leader ? '★' : '✕'}
          </text>
        </g>
      )}
      <g transform={`translate(0, ${y.term})`}>
        <rect x={-pillW / 2} y={-pillH / 2} width={pillW} height={pillH} rx={pillH / 2} fill={termColor(era)} opacity={down ? 0.6 : 1} />
        <text className="node-term" style={{ fontSize: text.term }} textAnchor="middle" dominantBaseline="central" fill={termTextColor(era)}>
          {eraText}
        </text>
      </g>
    </>
  );
}
