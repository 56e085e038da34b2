/**
 * One Raft node on the stage, centred at (0, 0): a circle with the id large, the role as
 * colour AND a short label, the term under it in the term's colour, and a campaigning
 * node's tally ("2/3 votes"). The leader gets a thick ring and ★; a down node is grey with
 * a dashed outline and ✕, readable from the back of a lecture hall.
 *
 * The labels sit under the circle, not inside it: at the sizes an 800×450 embed needs
 * (≥ 14 px on screen) "pre-candidate" or "预候选人" cannot fit in a 60-unit circle. The
 * texts are separate words in the order the accessible name says them, so the name
 * ("Node 3, candidate, term 4, 2/3 votes") contains everything drawn.
 */
import type { RaftNodeView } from '../../core/raft/types';
import type { NodeShapeProps } from '../views/types';
import { termColor, termTextColor } from '../palette';
import { underNode } from '../stage/geometry';

const ROLE_STYLE: Record<string, { fill: string; stroke: string; width: number; dash?: string }> = {
  follower: { fill: 'var(--follower)', stroke: 'var(--follower-stroke)', width: 2 },
  candidate: { fill: 'var(--candidate)', stroke: 'var(--candidate-stroke)', width: 2.5 },
  precandidate: { fill: 'var(--candidate)', stroke: 'var(--candidate-stroke)', width: 2.5, dash: '5 3' },
  leader: { fill: 'var(--leader)', stroke: 'var(--leader-stroke)', width: 5 },
  down: { fill: 'var(--down-fill)', stroke: 'var(--down-stroke)', width: 2, dash: '6 4' },
};

/** Rough width of a label in units of its font size (CJK glyphs are square, Latin ones about half). */
export function textEm(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.6;
  return w;
}

export function RaftNodeShape({ node, info, r, text }: NodeShapeProps) {
  const n = node as RaftNodeView;
  const style = ROLE_STYLE[info.role] ?? ROLE_STYLE.follower;
  const down = !info.alive;
  const termText = info.eraLabel;
  const pillW = Math.max(r * 1.5, textEm(termText) * text.term + text.term);
  const pillH = text.term * 1.35;
  const y = underNode(r, text);
  return (
    <g className={`raft-node role-${info.role}`}>
      <circle r={r} fill={style.fill} stroke={style.stroke} strokeWidth={style.width} strokeDasharray={style.dash} />
      {info.leader && <circle r={r - 5} fill="none" stroke={style.stroke} strokeWidth={1.2} opacity={0.7} />}
      <text className="node-id" style={{ fontSize: text.id }} textAnchor="middle" dominantBaseline="central" opacity={down ? 0.55 : 1}>
        {n.id}
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
        <rect x={-pillW / 2} y={-pillH / 2} width={pillW} height={pillH} rx={pillH / 2} fill={termColor(n.term)} opacity={down ? 0.6 : 1} />
        <text className="node-term" style={{ fontSize: text.term }} textAnchor="middle" dominantBaseline="central" fill={termTextColor(n.term)}>
          {termText}
        </text>
      </g>
      {info.votes && (
        <>
          {' '}
          <text className="node-votes" data-votes={n.votes.length} style={{ fontSize: text.label }} y={y.votes} textAnchor="middle" dominantBaseline="central">
            {info.votes}
          </text>
        </>
      )}
    </g>
  );
}
