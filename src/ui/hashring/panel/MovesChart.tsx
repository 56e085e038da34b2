/**
 * What each ring change moved, against the ideal: a bar pair per change (moved, solid in the
 * node's colour; ideal, an outline) for the latest changes, and below it every change as a
 * table row — its time, action, node, moved, the ideal 1/N (or 1/(N+1)) share, and which nodes
 * the moved keys left and reached, with counts.
 */
import { scaleBand, scaleLinear } from 'd3';
import { CHANGE_ACTION_NAMES, type ChangeStat } from '../../../core/hashring/types';
import { fmtInt, fmtTime, nodeRef, type Lang } from '../../i18n';
import { HeadRow, YTicks } from './chartParts';
import { nodeColour } from './colours';
import { ringPanelDict } from './i18n';
import { fmtDec } from './model';

export const MOVES_W = 460;
export const MOVES_H = 130;
const M = { top: 12, right: 8, bottom: 22, left: 46 };
/** The chart shows the latest this many changes (the table lists them all). */
export const MOVES_SHOWN = 10;
const BAND_MAX = 72;

/** The symbol before a change's node: + joined, − removed, ✕ declared down, ↻ rejoined (never colour alone). */
export const ACTION_SYMBOL: Record<string, string> = { add: '+', remove: '−', crash: '✕', restart: '↻' };

export function actionName(code: number): string {
  return CHANGE_ACTION_NAMES[code] ?? 'add';
}

/** "n3 9,800, n1 12" — a from / to record, largest first, ties by id. */
export function flowText(rec: Record<number, number>, lang: Lang): string {
  return Object.entries(rec)
    .map(([id, c]) => [Number(id), c] as const)
    .filter(([, c]) => c > 0)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .map(([id, c]) => `${nodeRef(id)} ${fmtInt(c, lang)}`)
    .join(', ');
}

export function MovesChart({ changes, lang }: { changes: readonly ChangeStat[]; lang: Lang }) {
  const d = ringPanelDict(lang);
  if (changes.length === 0) {
    return (
      <section className="ring-section" data-chart="moves">
        <h3 className="ring-fig-title">{d.movesTitle}</h3>
        <p className="note">{d.movesNone}</p>
      </section>
    );
  }
  const shown = changes.slice(-MOVES_SHOWN);
  // A pair is at most BAND_MAX wide: one change is not a wall of colour.
  const right = Math.min(MOVES_W - M.right, M.left + shown.length * BAND_MAX);
  const x = scaleBand<string>()
    .domain(shown.map((c) => String(c.version)))
    .range([M.left, right])
    .paddingInner(0.3)
    .paddingOuter(0.1);
  const top = Math.max(1, ...shown.map((c) => Math.max(c.moved, c.ideal))) * 1.08;
  const y = scaleLinear().domain([0, top]).nice(3).range([MOVES_H - M.bottom, M.top]);
  const half = x.bandwidth() / 2;
  return (
    <section className="ring-section" data-chart="moves">
      <h3 className="ring-fig-title">{d.movesTitle}</h3>
      <p className="note ring-fig-note">{d.movesCaption}</p>
      <svg className="ring-chart" viewBox={`0 0 ${MOVES_W} ${MOVES_H}`} role="img" aria-label={d.movesTitle}>
        <YTicks y={y} count={3} left={M.left} right={MOVES_W - M.right} format={(t) => fmtInt(t, lang)} />
        {shown.map((c) => {
          const name = actionName(c.action);
          const x0 = x(String(c.version)) ?? 0;
          return (
            <g key={c.version} data-change={c.version} data-moved={c.moved} data-ideal={Math.round(c.ideal)}>
              <title>{d.movesBarTitle(d.actions[name], nodeRef(c.node), fmtInt(c.moved, lang), fmtInt(Math.round(c.ideal), lang))}</title>
              <rect className="ring-moved" x={x0} width={half} y={y(c.moved)} height={Math.max(0, y(0) - y(c.moved))} fill={nodeColour(c.node)} />
              <rect className="ring-ideal" x={x0 + half} width={half - 1} y={y(c.ideal)} height={Math.max(0, y(0) - y(c.ideal))} />
              <text className="ring-bar-label" x={x0 + half} y={MOVES_H - M.bottom + 13} textAnchor="middle">
                {`${ACTION_SYMBOL[name]}${nodeRef(c.node)}`}
              </text>
            </g>
          );
        })}
        <line className="ring-axis" x1={M.left} x2={MOVES_W - M.right} y1={y(0)} y2={y(0)} />
      </svg>
      <p className="ring-legend" aria-hidden="true">
        <span className="ring-key ring-key-moved" style={{ background: nodeColour(shown[shown.length - 1].node) }} /> {d.moved} <span className="ring-key ring-key-ideal" /> {d.ideal}
      </p>
      <div className="ring-scroll" tabIndex={0} role="group" aria-label={d.movesTitle}>
        <table className="ring-table" data-table="moves">
          <HeadRow
            cols={[
              [d.colTime, false],
              [d.colAction, false],
              [d.colMoved, true],
              [d.colIdeal, true],
              [d.colFromTo, false],
            ]}
          />
          <tbody>
            {[...changes].reverse().map((c) => {
              const name = actionName(c.action);
              const ratio = c.ideal > 0 ? c.moved / c.ideal : 0;
              return (
                <tr key={c.version} data-change-row={c.version} data-action={name}>
                  <td className="num">{fmtTime(c.time, lang)}</td>
                  <th scope="row">
                    <span aria-hidden="true">{ACTION_SYMBOL[name]}</span> {d.actions[name]} {nodeRef(c.node)}
                  </th>
                  <td className="num" data-cell="moved">
                    {fmtInt(c.moved, lang)}
                    {c.ideal > 0 && <span className="ring-ratio"> ({d.movedRatio(fmtDec(ratio, 2, lang))})</span>}
                  </td>
                  <td className="num" data-cell="ideal">
                    {fmtInt(Math.round(c.ideal), lang)}
                  </td>
                  <td className="ring-flow">{c.moved > 0 ? d.fromTo(flowText(c.from, lang), flowText(c.to, lang)) : d.none}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
