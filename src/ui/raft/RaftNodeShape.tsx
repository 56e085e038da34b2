/**
 * One Raft node on the stage, centred at (0, 0): a circle with the id large, the role as
 * colour AND a short label, the term under it in the term's colour. The leader gets a
 * thick ring and ★; a down node is grey with a dashed outline and ✕, readable from the
 * back of a lecture hall.
 */
import type { RaftNodeView } from '../../core/raft/types';
import type { NodeShapeProps } from '../views/types';
import { termColor, termTextColor } from '../palette';

const ROLE_STYLE: Record<string, { fill: string; stroke: string; width: number; dash?: string }> = {
  follower: { fill: 'var(--follower)', stroke: 'var(--follower-stroke)', width: 2 },
  candidate: { fill: 'var(--candidate)', stroke: 'var(--candidate-stroke)', width: 2.5 },
  precandidate: { fill: 'var(--candidate)', stroke: 'var(--candidate-stroke)', width: 2.5, dash: '5 3' },
  leader: { fill: 'var(--leader)', stroke: 'var(--leader-stroke)', width: 5 },
  down: { fill: 'var(--down-fill)', stroke: 'var(--down-stroke)', width: 2, dash: '6 4' },
};

export function RaftNodeShape({ node, info, r, t }: NodeShapeProps) {
  const n = node as RaftNodeView;
  const style = ROLE_STYLE[info.role] ?? ROLE_STYLE.follower;
  const down = !info.alive;
  const termText = t.termShort(String(n.term));
  const pillW = Math.max(44, termText.length * 6.2 + 12);
  return (
    <g className={`raft-node role-${info.role}`}>
      <circle r={r} fill={style.fill} stroke={style.stroke} strokeWidth={style.width} strokeDasharray={style.dash} />
      {info.leader && <circle r={r - 5} fill="none" stroke={style.stroke} strokeWidth={1.2} opacity={0.7} />}
      <text className="node-id" y={-3} textAnchor="middle" dominantBaseline="middle" opacity={down ? 0.55 : 1}>
        {n.id}
      </text>
      <text
        className="node-role"
        y={r * 0.5}
        textAnchor="middle"
        dominantBaseline="middle"
        // Long labels ("pre-candidate") are squeezed to fit inside the circle.
        textLength={info.roleLabel.length > 9 ? r * 1.7 : undefined}
        lengthAdjust="spacingAndGlyphs"
      >
        {info.roleLabel}
      </text>
      {(info.leader || down) && (
        // A badge just outside the ring (clear of the timer arc): ★ for the leader, ✕ for down.
        <g transform={`translate(${r * 0.92}, ${-r * 0.92})`} aria-hidden="true">
          <circle r={9.5} fill="var(--surface)" stroke={style.stroke} strokeWidth={1.5} />
          <text className={info.leader ? 'node-star' : 'node-down'} textAnchor="middle" dominantBaseline="central">
            {info.leader ? '★' : '✕'}
          </text>
        </g>
      )}
      <g transform={`translate(0, ${r + 17})`}>
        <rect x={-pillW / 2} y={-8} width={pillW} height={16} rx={8} fill={termColor(n.term)} opacity={down ? 0.6 : 1} />
        <text className="node-term" textAnchor="middle" dominantBaseline="central" fill={termTextColor(n.term)}>
          {termText}
        </text>
      </g>
    </g>
  );
}
