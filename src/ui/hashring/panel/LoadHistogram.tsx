/**
 * Keys per node as primary: one bar per node of the ring in the node's colour and with its
 * name, the mean as a dashed line, the bounded scheme's cap as a dotted one; CV and max/mean
 * written out beside it (the numbers a reader compares, not only bar heights).
 */
import { scaleBand, scaleLinear } from 'd3';
import type { LoadStats } from '../../../core/hashring/types';
import { fmtInt, nodeRef, type Lang } from '../../i18n';
import { YTicks } from './chartParts';
import { nodeColour } from './colours';
import { ringPanelDict } from './i18n';
import { fmtDec } from './model';

export const HIST_W = 460;
export const HIST_H = 168;
const M = { top: 24, right: 70, bottom: 22, left: 46 };

/** Bar geometry (exported for the tests): x, width and height per node, and the y of a value. */
export function histogramLayout(stats: LoadStats) {
  const ids = stats.perNode.map((p) => String(p.id));
  const top = Math.max(1, stats.cap, ...stats.perNode.map((p) => p.keys), stats.mean) * 1.08;
  const x = scaleBand<string>().domain(ids).range([M.left, HIST_W - M.right]).paddingInner(0.18).paddingOuter(0.08);
  const y = scaleLinear().domain([0, top]).nice(4).range([HIST_H - M.bottom, M.top]);
  return { x, y, bars: stats.perNode.map((p) => ({ id: p.id, keys: p.keys, x: x(String(p.id)) ?? 0, w: x.bandwidth(), y: y(p.keys), h: y(0) - y(p.keys) })) };
}

export function LoadHistogram({ stats, lang, selected = 0 }: { stats: LoadStats; lang: Lang; selected?: number }) {
  const d = ringPanelDict(lang);
  const { y, bars } = histogramLayout(stats);
  const many = bars.length > 12;
  const total = stats.perNode.reduce((a, p) => a + p.keys, 0);
  const yMean = y(stats.mean);
  const yCap = stats.cap > 0 ? y(stats.cap) : null;
  const summary = `${d.loadTitle}: ${d.cv} ${fmtDec(stats.cv, 3, lang)}, ${d.maxOverMean} ${fmtDec(stats.maxOverMean, 2, lang)}`;
  return (
    <figure className="ring-fig" data-chart="load">
      <figcaption className="ring-fig-head">
        <span className="ring-fig-title">{d.loadTitle}</span>
        <span className="ring-stats">
          <span className="ring-stat" title={d.cvHelp} data-stat="cv">
            {d.cv} <strong>{fmtDec(stats.cv, 3, lang)}</strong>
          </span>
          <span className="ring-stat" data-stat="max-over-mean">
            {d.maxOverMean} <strong>{fmtDec(stats.maxOverMean, 2, lang)}</strong>
          </span>
        </span>
      </figcaption>
      <p className="note ring-fig-note">{d.loadCaption(fmtInt(total, lang), fmtInt(stats.perNode.length, lang))}</p>
      <svg className="ring-chart" viewBox={`0 0 ${HIST_W} ${HIST_H}`} role="img" aria-label={summary}>
        <YTicks y={y} count={4} left={M.left} right={HIST_W - M.right} format={(t) => fmtInt(t, lang)} />
        {bars.map((b) => (
          <g key={b.id} data-bar-node={b.id} data-keys={b.keys} className={b.id === selected ? 'ring-bar selected' : 'ring-bar'}>
            <title>{d.barTitle(nodeRef(b.id), fmtInt(b.keys, lang), stats.mean > 0 ? `${fmtDec((b.keys / stats.mean) * 100, 0, lang)} %` : '—')}</title>
            <rect x={b.x} y={b.y} width={b.w} height={Math.max(0, b.h)} fill={nodeColour(b.id)} />
            <text className="ring-bar-label" x={b.x + b.w / 2} y={HIST_H - M.bottom + 13} textAnchor="middle">
              {many ? String(b.id) : nodeRef(b.id)}
            </text>
          </g>
        ))}
        <line className="ring-axis" x1={M.left} x2={HIST_W - M.right} y1={y(0)} y2={y(0)} />
        <g className="ring-mean" data-line="mean">
          <line x1={M.left} x2={HIST_W - M.right} y1={yMean} y2={yMean} />
          <text x={HIST_W - M.right + 4} y={yMean} dy="0.32em">
            {d.mean(fmtInt(Math.round(stats.mean), lang))}
          </text>
        </g>
        {yCap !== null && (
          <g className="ring-cap" data-line="cap">
            <line x1={M.left} x2={HIST_W - M.right} y1={yCap} y2={yCap} />
            <text x={HIST_W - M.right + 4} y={yCap} dy={Math.abs(yCap - yMean) < 12 ? '-0.6em' : '0.32em'}>
              {d.cap(fmtInt(stats.cap, lang))}
            </text>
          </g>
        )}
        <text className="ring-axis-label" x={4} y={10}>
          {d.axisKeys}
        </text>
      </svg>
    </figure>
  );
}
