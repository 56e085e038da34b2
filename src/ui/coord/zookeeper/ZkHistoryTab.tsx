/**
 * The client history: each operation a bar on its client's lane from invoke to complete,
 * marked with its result (✓) or error (✗), a pending one open-ended to "now". Below the
 * chart the same operations as a list, newest first, for reading and for screen readers.
 */
import { scaleLinear } from 'd3';
import { fmtTime } from '../../i18n';
import { useApp } from '../../StoreContext';
import { zkDict, type ZkDict } from './i18n';
import { historyBars, opArg, shortResult, zkFrame, type HistoryBar } from './model';
import './zk.css';

const W = 440;
const LABEL_W = 34;
const LANE_H = 26;
const AXIS_H = 18;
/** Rows in the list under the chart. */
const LIST_ROWS = 40;
/** How far past the plot's right edge a label may run (the viewBox keeps a margin). */
const LABEL_PAD = 4;

/** About how wide a label is at the bars' 10.5 px type. */
function textWidth(s: string): number {
  return s.length * 5.9;
}

/** Free space after a bar before the next bar on its lane starts (or the plot's end). */
function labelRoom(bars: readonly HistoryBar[], b: HistoryBar, plotW: number): number {
  let next = plotW + LABEL_PAD;
  for (const o of bars) if (o.lane === b.lane && o.index !== b.index && o.x0 >= b.x1 && o.x0 < next) next = o.x0;
  return next - b.x1 - 2;
}

function barName(b: HistoryBar, z: ZkDict, lang: 'en' | 'zh'): string {
  const r = b.rec;
  const to = b.open ? z.pending : fmtTime(r.complete!, lang);
  const result = b.open ? '' : r.ok ? z.okResult(shortResult(r)) : z.errResult(r.error ?? '');
  return z.barName(String(r.client), r.op, opArg(r), fmtTime(r.invoke, lang), to, result);
}

export function ZkHistoryTab() {
  const lang = useApp((s) => s.lang);
  const view = useApp((s) => s.view);
  const frame = zkFrame(view?.service);
  if (!view || !frame || !view.service) return null;
  const z = zkDict(lang);
  const lanes = Math.max(1, frame.clients.length);
  const plotW = W - LABEL_W - 6;
  const h = historyBars(frame.ops, view.time, plotW);
  const x = scaleLinear().domain([h.t0, h.t1]).range([0, plotW]);
  const height = lanes * LANE_H + AXIS_H;
  const older = view.service.opCount - frame.ops.length;

  return (
    <div className="zk-history-tab" data-testid="zk-history">
      <svg className="zk-history" viewBox={`0 0 ${W} ${height}`} role="img" aria-label={z.historyTitle}>
        {Array.from({ length: lanes }, (_, i) => (
          <g key={i} className="zk-lane" transform={`translate(0,${i * LANE_H})`}>
            <rect className="zk-lane-bg" x={LABEL_W} y={1} width={plotW} height={LANE_H - 2} />
            <text className="zk-lane-label" x={4} y={LANE_H / 2} dominantBaseline="central">
              c{i + 1}
            </text>
          </g>
        ))}
        <g transform={`translate(${LABEL_W},0)`}>
          {x.ticks(5).map((t) => (
            <g key={t} className="zk-tick" transform={`translate(${x(t)},0)`}>
              <line y1={0} y2={lanes * LANE_H} />
              <text y={lanes * LANE_H + AXIS_H / 2 + 2} textAnchor="middle" dominantBaseline="central">
                {fmtTime(t, lang).replace(/\.000 s$/, ' s')}
              </text>
            </g>
          ))}
          {h.bars.map((b) => {
            const y = b.lane * LANE_H + 4;
            const w = Math.max(0, b.x1 - b.x0);
            const mark = b.open ? '…' : b.ok ? '✓' : '✗';
            const full = `${mark} ${b.rec.op}${b.open ? '' : ` ${shortResult(b.rec)}`}`;
            // The label inside the bar when it fits, else after it up to the lane's next bar, else the mark alone (the title has it all).
            const room = labelRoom(h.bars, b, plotW);
            const inside = w > textWidth(full) + 6;
            const label = inside || room >= textWidth(full) + 4 ? full : room >= textWidth(mark) + 3 ? mark : '';
            return (
              <g
                key={b.index}
                className={`zk-bar ${b.open ? 'open' : b.ok ? 'ok' : 'err'}`}
                data-op={b.rec.op}
                data-client={b.rec.client}
                data-ok={String(b.ok)}
                data-open={String(b.open)}
                data-error={b.rec.error ?? ''}
              >
                <title>{barName(b, z, lang)}</title>
                <rect x={b.x0} y={y} width={w} height={LANE_H - 8} rx={b.open ? 0 : 3} />
                {b.open && <path className="zk-open-end" d={`M${b.x1 - 6},${y} l6,${(LANE_H - 8) / 2} l-6,${(LANE_H - 8) / 2}`} />}
                <text x={inside ? b.x0 + 3 : b.x1 + 2} y={y + (LANE_H - 8) / 2} dominantBaseline="central" className={inside ? 'in' : 'out'}>
                  {label}
                </text>
              </g>
            );
          })}
          <line className="zk-now" x1={plotW} x2={plotW} y1={0} y2={lanes * LANE_H} />
        </g>
      </svg>
      <p className="note">{z.historyCaption}</p>
      {frame.ops.length === 0 ? (
        <p className="note">{z.noOps}</p>
      ) : (
        <ol className="zk-op-list" aria-label={z.historyTitle} tabIndex={0}>
          {h.bars
            .slice(-LIST_ROWS)
            .reverse()
            .map((b) => (
              <li key={b.index} className={b.open ? 'open' : b.ok ? 'ok' : 'err'}>
                {barName(b, z, lang)}
              </li>
            ))}
        </ol>
      )}
      {older > 0 && <p className="note">{z.older(String(older))}</p>}
    </div>
  );
}
