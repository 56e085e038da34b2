/**
 * The Log tab (and, in an embed, the state view beside the stage): each node's log as a
 * row of cells in term colours with the term number inside, committed entries solid and
 * uncommitted ones hollow, a bar after the commit index, and the leader's nextIndex /
 * matchIndex for every follower.
 *
 * Every index the worker sends is a column (its window, ~256 entries); the grid scrolls
 * sideways and keeps the newest index in view while the log grows, unless the reader has
 * scrolled back to look at older entries. Each cell exposes data-entry="NODE:INDEX" and
 * data-term (the page's contract).
 */
import { useLayoutEffect, useRef, type CSSProperties } from 'react';
import { useApp, useT } from '../StoreContext';
import type { RaftNodeView } from '../../core/raft/types';
import { nodeRef } from '../i18n';
import { termColor, termTextColor } from '../palette';
import { raftDict } from './i18n';
import { raftLeads } from './leader';
import './log.css';

/** Columns shown at least, so an empty cluster still reads as a grid. */
const MIN_COLUMNS = 8;

/** The indexes to draw: from the oldest one any node's window still holds to the newest. */
export function logColumns(nodes: readonly Pick<RaftNodeView, 'logStart' | 'lastIndex' | 'logTerms'>[]): { first: number; last: number } {
  const maxLast = Math.max(0, ...nodes.map((n) => n.lastIndex));
  const starts = nodes.filter((n) => n.logTerms.length > 0).map((n) => n.logStart);
  const first = Math.max(1, starts.length ? Math.min(...starts) : 1);
  return { first, last: Math.max(first + MIN_COLUMNS - 1, maxLast) };
}

export function RaftLog() {
  const t = useT();
  const r = raftDict(useApp((s) => s.lang));
  const view = useApp((s) => s.view);
  const selected = useApp((s) => s.selected);
  const select = useApp((s) => s.select);
  const scroller = useRef<HTMLDivElement>(null);
  /** Whether the reader was at the right end before this render (then the newest stays in view). */
  const pinned = useRef(true);
  const nodes = (view?.nodes ?? []) as RaftNodeView[];
  const { first, last } = logColumns(nodes);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && pinned.current) el.scrollLeft = el.scrollWidth;
  }, [last, first]);

  if (!view) return null;
  const cols: number[] = [];
  for (let i = first; i <= last; i++) cols.push(i);
  // The newest alive leader's bookkeeping; the worker sends it only for leaders.
  const leader = nodes
    .filter((n) => raftLeads(n) !== null)
    .sort((a, b) => (raftLeads(b) ?? 0) - (raftLeads(a) ?? 0))[0];

  return (
    <div className="raft-log">
      <div
        className="log-scroll"
        ref={scroller}
        tabIndex={0}
        role="group"
        aria-label={r.logTab}
        onScroll={(e) => {
          const el = e.currentTarget;
          pinned.current = el.scrollLeft + el.clientWidth >= el.scrollWidth - 4;
        }}
      >
        <table className="log-grid">
          <caption className="sr-only">{r.logTab}</caption>
          <thead>
            <tr>
              <th scope="col" className="log-rowhead log-sticky">
                {r.logIndex}
              </th>
              {cols.map((i) => (
                <th key={i} scope="col" className="log-idx">
                  {i}
                </th>
              ))}
              <th scope="col" className="log-nm">
                {leader ? (
                  <>
                    {t.stageLogNextMatch}
                    {t.stageLogNextMatchSub !== t.stageLogNextMatch && <span className="log-nm-sub">{t.stageLogNextMatchSub}</span>}
                  </>
                ) : (
                  ''
                )}
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
                  <th scope="row" className="log-rowhead log-sticky">
                    {/* The visible "n1" is the name (a screen reader hears what is shown); ★ / ✕ repeat the row's state. */}
                    <button type="button" className="linklike log-node" onClick={() => select(n.id)} title={t.tabNodeN(String(n.id))} aria-pressed={selected === n.id}>
                      {nodeRef(n.id)}
                      <span aria-hidden="true">{isLeader ? ' ★' : n.alive ? '' : ' ✕'}</span>
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
                        data-entry={has ? `${n.id}:${i}` : undefined}
                        data-term={has ? term : undefined}
                        data-committed={has ? String(committed) : undefined}
                        title={has ? `${r.logCellTitle(String(i), String(term), n.logValues[k] ?? '')} · ${committed ? r.logCommitted : r.logNotCommitted}` : undefined}
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
                    {next !== undefined ? `${next} / ${match}` : isLeader ? `${r.logCommit} ${n.commitIndex}` : ''}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="note">{r.logLegend}</p>
    </div>
  );
}
