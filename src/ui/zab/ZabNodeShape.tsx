/**
 * One ZAB server on the stage, centred at (0, 0): a circle with the sid large, the state
 * as colour AND a short label (looking, following, leading), the epoch under it in the
 * epoch's colour (where Raft shows the term), and the phase it is in (election, discovery,
 * sync, broadcast) on the line below. The leader gets a thick ring and ★; a down server is
 * grey with a dashed outline and ✕. The labels are the words of the accessible name, in order.
 */
import type { ZabNodeView } from '../../core/zab/types';
import type { NodeShapeProps } from '../views/types';
import { termColor, termTextColor } from '../palette';
import { underNode } from '../stage/geometry';
import { textEm } from '../raft/RaftNodeShape';
import { langOf, zabDict } from './i18n';

const ROLE_STYLE: Record<string, { fill: string; stroke: string; width: number; dash?: string }> = {
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
  const epochText = info.eraLabel;
  const pillW = Math.max(r * 1.5, textEm(epochText) * text.term + text.term);
  const pillH = text.term * 1.35;
  const y = underNode(r, text);
  const phase = !down && n.phase ? z.phasesShort[n.phase] : '';
  return (
    <g className={`zab-node role-${info.role}`} data-phase={down ? undefined : (n.phase ?? undefined)}>
      <circle r={r} fill={style.fill} stroke={style.stroke} strokeWidth={style.width} strokeDasharray={style.dash} />
      {info.leader && <circle r={r - 5} fill="none" stroke={style.stroke} strokeWidth={1.2} opacity={0.7} />}
      <text className="node-id" style={{ fontSize: text.id }} textAnchor="middle" dominantBaseline="central" opacity={down ? 0.55 : 1}>
        {n.id}
      </text>{' '}
      <text className="node-role" style={{ fontSize: text.label }} y={y.role} textAnchor="middle" dominantBaseline="central">
        {info.roleLabel}
      </text>{' '}
      {(info.leader || down) && (
        <g transform={`translate(${r * 0.92}, ${-r * 0.92})`} aria-hidden="true">
          <circle r={9.5} fill="var(--surface)" stroke={style.stroke} strokeWidth={1.5} />
          <text className={info.leader ? 'node-star' : 'node-down'} textAnchor="middle" dominantBaseline="central">
            {info.leader ? '★' : '✕'}
          </text>
        </g>
      )}
      <g transform={`translate(0, ${y.term})`}>
        <rect x={-pillW / 2} y={-pillH / 2} width={pillW} height={pillH} rx={pillH / 2} fill={termColor(n.currentEpoch)} opacity={down ? 0.6 : 1} />
        <text className="node-term" style={{ fontSize: text.term }} textAnchor="middle" dominantBaseline="central" fill={termTextColor(n.currentEpoch)}>
          {epochText}
        </text>
      </g>
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
