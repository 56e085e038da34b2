/**
 * CV of keys per node against virtual nodes per node, on a log x axis: the CV measured on this
 * ring's nodes and keys (points) beside √((N−1)/(N·v+1)) (a dashed line), and the scenario's
 * current vnodes marked — so moving the vnodes control shows where on the curve the ring sits.
 */
import { line, scaleLinear, scaleLog } from 'd3';
import type { CvCurve } from '../../../core/hashring/types';
import { fmtInt, type Lang } from '../../i18n';
import { YTicks } from './chartParts';
import { ringPanelDict } from './i18n';
import { fmtDec } from './model';

export const CV_W = 460;
export const CV_H = 160;
const M = { top: 22, right: 12, bottom: 32, left: 46 };

export function cvLayout(curve: CvCurve) {
  const vs = curve.vnodes.filter((v) => v > 0);
  const lo = Math.min(1, ...vs);
  const hi = Math.max(10, ...vs);
  const x = scaleLog().domain([lo, hi]).range([M.left, CV_W - M.right]).clamp(true);
  const top = Math.max(0.05, ...curve.measured, ...curve.formula) * 1.02;
  const y = scaleLinear().domain([0, top]).nice(4).range([CV_H - M.bottom, M.top]);
  const path =
    line<number>()
      .x((_, i) => x(curve.vnodes[i]))
      .y((f) => y(f))(curve.formula) ?? '';
  return { x, y, path };
}

export function CvChart({ curve, vnodes, lang }: { curve: CvCurve; vnodes: number | null; lang: Lang }) {
  const d = ringPanelDict(lang);
  const { x, y, path } = cvLayout(curve);
  const decades = x.ticks().filter((t) => Math.log10(t) % 1 === 0);
  const xNow = vnodes != null && vnodes > 0 ? x(vnodes) : null;
  return (
    <figure className="ring-fig" data-chart="cv-curve">
      <figcaption className="ring-fig-head">
        <span className="ring-fig-title">{d.cvTitle}</span>
      </figcaption>
      <p className="note ring-fig-note">{d.cvCaption(fmtInt(curve.nodes, lang), fmtInt(curve.keys, lang))}</p>
      <svg className="ring-chart" viewBox={`0 0 ${CV_W} ${CV_H}`} role="img" aria-label={d.cvTitle}>
        <YTicks y={y} count={4} left={M.left} right={CV_W - M.right} format={(t) => fmtDec(t, 2, lang)} />
        {decades.map((t) => (
          <g key={t} className="ring-tick">
            <line x1={x(t)} x2={x(t)} y1={CV_H - M.bottom} y2={CV_H - M.bottom + 4} />
            <text x={x(t)} y={CV_H - M.bottom + 14} textAnchor="middle">
              {fmtInt(t, lang)}
            </text>
          </g>
        ))}
        <line className="ring-axis" x1={M.left} x2={CV_W - M.right} y1={y(0)} y2={y(0)} />
        <text className="ring-axis-label" x={(M.left + CV_W - M.right) / 2} y={CV_H - 3} textAnchor="middle">
          {d.axisVnodes}
        </text>
        <text className="ring-axis-label" x={4} y={10}>
          {d.cv}
        </text>
        {xNow !== null && (
          <g className="ring-now" data-vnodes-now={vnodes ?? undefined}>
            <line x1={xNow} x2={xNow} y1={M.top} y2={CV_H - M.bottom} />
            <text x={xNow + (xNow > CV_W - 90 ? -4 : 4)} y={M.top + 8} textAnchor={xNow > CV_W - 90 ? 'end' : 'start'}>
              {d.current(fmtInt(vnodes ?? 0, lang))}
            </text>
          </g>
        )}
        <path className="ring-formula" d={path} />
        {curve.vnodes.map((v, i) => (
          <g key={v} className="ring-point" data-vnodes={v} data-cv={curve.measured[i]}>
            <title>{d.pointTitle(fmtInt(v, lang), fmtDec(curve.measured[i], 3, lang), fmtDec(curve.formula[i], 3, lang))}</title>
            <circle cx={x(v)} cy={y(curve.measured[i])} r={3.5} />
          </g>
        ))}
      </svg>
      <p className="ring-legend" aria-hidden="true">
        <span className="ring-key ring-key-point" /> {d.measured} <span className="ring-key ring-key-formula" /> {d.formula}
      </p>
    </figure>
  );
}
