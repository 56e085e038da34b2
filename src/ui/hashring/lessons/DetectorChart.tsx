/**
 * The detector lesson's chart: for each heartbeat interval, mean detection time (x, log) against
 * false suspicions per node-hour (y, symlog: zero is a value too), one line per heartbeat
 * interval and detector (timeout solid, φ dashed), the points ordered by timeout or threshold.
 * Every point is measured by the `detector` experiment (src/sim/experiments/detector.ts),
 * computed in the worker when the lesson opens. A real figure with a text alternative.
 */
import { scaleLog, scaleSymlog } from 'd3';
import type { DetectorPoint, DetectorResult } from '../../../sim/experiments/detector';
import type { Lang } from '../../../store/types';
import { useApp } from '../../StoreContext';
import { TERM_COLORS } from '../../palette';
import { LESSON_PANEL_DICT } from './panel-i18n';
import { useExperiment } from './useExperiment';

const W = 280;
const H = 190;
const M = { l: 50, r: 16, t: 8, b: 30 };
/** Log x ticks: detection times span 50 ms to seconds. */
const X_TICKS = [50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000];

export interface Series {
  detector: 'timeout' | 'phi';
  heartbeatMs: number;
  points: DetectorPoint[];
}

/** The result as lines: one per (detector, heartbeat interval), points in setting order, undetected ones left out. */
export function detectorSeries(r: DetectorResult): Series[] {
  const out: Series[] = [];
  for (const detector of ['timeout', 'phi'] as const) {
    for (const hb of r.heartbeatsMs) {
      const points = r.points.filter((p) => p.detector === detector && p.heartbeatMs === hb && p.detectMeanMs !== null).sort((a, b) => a.setting - b.setting);
      if (points.length) out.push({ detector, heartbeatMs: hb, points });
    }
  }
  return out;
}

/** The lesson panel: runs the experiment in the worker, then draws it. */
export function DetectorChart() {
  const lang = useApp((s) => s.lang);
  const t = LESSON_PANEL_DICT[lang];
  const r = useExperiment<DetectorResult>('detector');
  if (r === undefined) return <p className="lesson-panel-wait" aria-busy="true">{t.detectorLoading}</p>;
  if (r === null) return <p className="lesson-panel-wait">{t.detectorFailed}</p>;
  return <DetectorFigure r={r} lang={lang} />;
}

/** The chart of one experiment result (pure: the tests render it from a real result). */
export function DetectorFigure({ r, lang }: { r: DetectorResult; lang: Lang }) {
  const t = LESSON_PANEL_DICT[lang];
  const series = detectorSeries(r);
  const all = series.flatMap((s) => s.points);
  const xMin = Math.min(...all.map((p) => p.detectMeanMs!), 100) * 0.8;
  const xMax = Math.max(...all.map((p) => p.detectMeanMs!), 200) * 1.15;
  const yMax = Math.max(...all.map((p) => p.falsePerNodeHour), 1);
  const x = scaleLog().domain([xMin, xMax]).range([M.l, W - M.r]);
  const xTicks = X_TICKS.filter((v) => v >= xMin && v <= xMax);
  const y = scaleSymlog().domain([0, yMax]).constant(1).range([H - M.b, M.t]);
  const yTicks = [0, 1, 10, 100, 1000, 10000].filter((v) => v <= yMax * 1.01);
  const nodeHours = all.length ? all[0].nodeHours.toFixed(2) : '0';
  const hbColor = (hb: number) => TERM_COLORS[r.heartbeatsMs.indexOf(hb) % TERM_COLORS.length];
  return (
    <figure className="lesson-chart detector-chart" data-points={all.length}>
      <figcaption className="lesson-chart-title">{t.detectorTitle}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${t.detectorTitle}: ${t.detectorX}, ${t.detectorY}`}>
        {xTicks.map((v) => (
          <g key={`x${v}`} transform={`translate(${x(v)},${H - M.b})`}>
            <line y2={4} stroke="var(--muted)" />
            <text y={14} textAnchor="middle" className="tick">
              {v}
            </text>
          </g>
        ))}
        {yTicks.map((v) => (
          <g key={`y${v}`} transform={`translate(${M.l},${y(v)})`}>
            <line x2={W - M.l - M.r} stroke="var(--border)" strokeDasharray="2 3" />
            <text x={-4} dy="0.32em" textAnchor="end" className="tick">
              {v}
            </text>
          </g>
        ))}
        <line x1={M.l} x2={W - M.r} y1={H - M.b} y2={H - M.b} stroke="var(--muted)" />
        <line x1={M.l} x2={M.l} y1={M.t} y2={H - M.b} stroke="var(--muted)" />
        <text x={(M.l + W - M.r) / 2} y={H - 3} textAnchor="middle" className="axis">
          {t.detectorX}
        </text>
        <text transform={`translate(11,${(M.t + H - M.b) / 2}) rotate(-90)`} textAnchor="middle" className="axis">
          {t.detectorY}
        </text>
        {series.map((s) => (
          <g key={`${s.detector}${s.heartbeatMs}`} data-series={`${s.detector}-${s.heartbeatMs}`}>
            <polyline
              fill="none"
              stroke={hbColor(s.heartbeatMs)}
              strokeWidth={2}
              strokeDasharray={s.detector === 'phi' ? '5 3' : undefined}
              points={s.points.map((p) => `${x(p.detectMeanMs!)},${y(p.falsePerNodeHour)}`).join(' ')}
            />
            {s.points.map((p) =>
              s.detector === 'phi' ? (
                <rect key={p.setting} x={x(p.detectMeanMs!) - 3} y={y(p.falsePerNodeHour) - 3} width={6} height={6} fill="var(--surface)" stroke={hbColor(s.heartbeatMs)} strokeWidth={1.5} />
              ) : (
                <circle key={p.setting} cx={x(p.detectMeanMs!)} cy={y(p.falsePerNodeHour)} r={3} fill={hbColor(s.heartbeatMs)} />
              ),
            )}
          </g>
        ))}
      </svg>
      <ul className="lesson-chart-legend">
        {series.map((s) => (
          <li key={`${s.detector}${s.heartbeatMs}`}>
            <svg width={22} height={8} aria-hidden="true">
              <line x1={1} x2={21} y1={4} y2={4} stroke={hbColor(s.heartbeatMs)} strokeWidth={2} strokeDasharray={s.detector === 'phi' ? '5 3' : undefined} />
            </svg>
            {t.detectorSeries(s.detector, s.heartbeatMs)}
          </li>
        ))}
      </ul>
      <p className="lesson-chart-note">{t.detectorNetwork(r.network.dropRate, r.network.latencyMinMs, r.network.latencyMaxMs, nodeHours)}</p>
    </figure>
  );
}
