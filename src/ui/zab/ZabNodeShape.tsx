/**
 * One ZAB server on the stage, centred at (0, 0): a circle with the sid large, the state
 * as colour AND a short label (looking, following, leading), the epoch under it in the
 * epoch's colour (where Raft shows the term), and the phase it is in (election, discovery,
 * sync, broadcast) on the line below. The leader gets a thick ring and ★; a down server is
 * grey with a dashed outline and ✕. The labels are the words of the accessible name, in order.
 */
import type { ZabNodeView } from '../../core/zab/types';
import type { NodeShapeProps } from '../views/types';
import { underNode } from '../stage/geometry';
import { NodeBody, type NodeStyle } from '../stage/NodeBody';
import { langOf, zabDict } from './i18n';

const ROLE_STYLE: Record<string, NodeStyle> = {
  looking: { fill: 'var(--candidate)', stroke: 'var(--candidate-stroke)', width: 2.5 },
  following: { fill: 'var(--follower)', stroke: 'var(--follower-stroke)', width: 2 },
  leading: { fill: 'var(--leader)', stroke: 'var(--leader-stroke)', width: 5 },
  down: { fill: 'var(--down-fill)', stroke: 'var(--down-stroke)', width: 2, dash: '6 4' },
};

export function ZabNodeShape({ node, info, r, t, text }: NodeShapeProps) {
  const n = node as ZabNodeView;
  const z = zabDict(langOf(t));
  const style = ROLE_STYLE[info.role] ?? ROLE_STYLE.looking;
  const down = !info.alive;
  const y = underNode(r, text);
  const phase = !down && n.phase ? z.phasesShort[n.phase] : '';
  return (
    <g className={`zab-node role-${info.role}`} data-phase={down ? undefined : (n.phase ?? undefined)}>
      <NodeBody id={n.id} info={info} r={r} text={text} style={style} era={n.currentEpoch} />
      {phase && (
        <>
          {' '}
          <text className="node-votes node-phase" style={{ fontSize: text.label }} y={y.votes} textAnchor="middle" dominantBaseline="central">
            {phase}
          </text>
        </>
      )}
    </g>
  );
}
