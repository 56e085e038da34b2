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
import { underNode } from '../stage/geometry';
import { NodeBody, type NodeStyle } from '../stage/NodeBody';

const ROLE_STYLE: Record<string, NodeStyle> = {
  follower: { fill: 'var(--follower)', stroke: 'var(--follower-stroke)', width: 2 },
  candidate: { fill: 'var(--candidate)', stroke: 'var(--candidate-stroke)', width: 2.5 },
  precandidate: { fill: 'var(--candidate)', stroke: 'var(--candidate-stroke)', width: 2.5, dash: '5 3' },
  leader: { fill: 'var(--leader)', stroke: 'var(--leader-stroke)', width: 5 },
  down: { fill: 'var(--down-fill)', stroke: 'var(--down-stroke)', width: 2, dash: '6 4' },
};

export function RaftNodeShape({ node, info, r, text }: NodeShapeProps) {
  const n = node as RaftNodeView;
  const style = ROLE_STYLE[info.role] ?? ROLE_STYLE.follower;
  const y = underNode(r, text);
  return (
    <g className={`raft-node role-${info.role}`}>
      <NodeBody id={n.id} info={info} r={r} text={text} style={style} era={n.term} />
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
