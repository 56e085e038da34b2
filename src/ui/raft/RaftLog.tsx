/**
 * The Log tab: each node's log as a row of cells in term colours with the term number
 * inside, committed entries solid and uncommitted ones faint, a bar after the commit
 * index, and the leader's nextIndex / matchIndex for every follower.
 */
import type { CSSProperties } from 'react';
import { useApp, useT } from '../StoreContext';
import type { RaftNodeView } from '../../core/raft/types';
import { nodeRef } from '../i18n';
import { termColor, termTextColor } from '../palette';

/** How many of the newest log indices the grid shows. */
const COLUMNS = 14;

export function RaftLog() {
  const t = useT();
  const view = useApp((s) => s.view);
  const selected = useApp((s) => s.selected);
  const select = useApp((s) => s.select);
  if (!view) return null;
  const nodes = view.nodes as RaftNodeView[];
  const maxLast = Math.max(0, ...nodes.map((n) => n.lastIndex));
  const first = Math.max(1, maxLast - COLUMNS + 1);
  const cols: number[] = [];
  for (let i = first; i <= Math.max(first + COLUMNS - 1, maxLast); i++) cols.push(i);
  // The newest alive leader's bookkeeping; the worker sends it only for leaders.
  const leader = nodes
    .filter((n) => n.alive && n.role === 'leader')
    .sort((a, b) => b.term - a.term)[0];

  return (
    <div className="raft-log">
      <table className="log-grid">
        <caption className="sr-only">{t.tabLog}</caption>
        <thead>
          <tr>
            <th scope="col" className="log-rowhead">
              {t.logIndex}
            </th>
            {cols.map((i) => (
              <th key={i} scope="col" className="log-idx">
                {i}
              </th>
            ))}
            <th scope="col" className="log-nm">
              {leader ? `${t.logNext} / ${t.logMatch}` : ''}
            </th>
          </tr>
        </thead>
        <tbody>
          {nodes.map((n) => {
            const isLeader = leader?.id === n.id;
            const next = leader && !isLeader ? leader.nextIndex[n.id] : undefined;
            const match = leader && !isLeader ? leader.matchIndex[n.id] : undefined;
            return (
              <tr key={n.id} className={`${n.alive ? '' : 'down'} ${selected === n.id ? 'selected' : ''}`}>
                <th scope="row" className="log-rowhead">
                  <button type="button" className="linklike" onClick={() => select(n.id)} aria-label={t.tabNodeN(String(n.id))}>
                    {nodeRef(n.id)}
                    {isLeader ? ' ★' : n.alive ? '' : ' ✕'}
                  </button>
                </th>
                {cols.map((i) => {
                  const k = i - n.logStart;
                  const has = i <= n.lastIndex && k >= 0 && k < n.logTerms.length;
                  const term = has ? n.logTerms[k] : 0;
                  const committed = i <= n.commitIndex;
                  const classes = ['log-cell'];
                  if (has) classes.push(committed ? 'committed' : 'uncommitted');
                  if (i === n.commitIndex) classes.push('commit-edge');
                  if (next === i) classes.push('next-mark');
                  return (
                    <td
                      key={i}
                      className={classes.join(' ')}
                      title={has ? `${t.logCellTitle(String(i), String(term), n.logValues[k] ?? '')} · ${committed ? t.logCommitted : t.logNotCommitted}` : undefined}
                      style={
                        has
                          ? ({ background: termColor(term), color: termTextColor(term), '--cell-term': termColor(term) } as CSSProperties)
                          : undefined
                      }
                    >
                      {has ? term : ''}
                    </td>
                  );
                })}
                <td className="log-nm">
                  {next !== undefined ? `${next} / ${match}` : isLeader ? `${t.logCommit} ${n.commitIndex}` : ''}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="note">{t.logLegend}</p>
    </div>
  );
}
