/**
 * The four schemes on the same nodes and keys: CV, max/mean, and the last ring change replayed
 * under each (moved against the ideal, with a bar for the ratio). Jump hash can only shed its
 * last bucket cheaply; when the last change took a node out of the middle its row shows the
 * cost, and the note says why.
 */
import type { Scheme, SchemeComparison } from '../../../core/hashring/types';
import { fmtInt, type Lang } from '../../i18n';
import { HeadRow } from './chartParts';
import { ringPanelDict } from './i18n';
import { fmtDec } from './model';

/** The ratio bar's full width stands for this many times the ideal. */
const RATIO_FULL = 4;

/** Moved / ideal of a comparison's last change (null before any change or with nothing to move). */
export function movedRatio(c: SchemeComparison): number | null {
  const l = c.lastChange;
  if (!l || !(l.ideal > 0)) return null;
  return l.moved / l.ideal;
}

/** Jump's note is shown when jump moved clearly more than the ideal on the last change. */
export function jumpCostShown(rows: readonly SchemeComparison[]): boolean {
  const j = rows.find((r) => r.scheme === 'jump');
  const r = j ? movedRatio(j) : null;
  return r !== null && r > 1.5;
}

export function SchemeTable({ rows, current, lang }: { rows: readonly SchemeComparison[]; current: Scheme | null; lang: Lang }) {
  const d = ringPanelDict(lang);
  return (
    <section className="ring-section" data-chart="compare">
      <h3 className="ring-fig-title">{d.compareTitle}</h3>
      <p className="note ring-fig-note">{d.compareCaption}</p>
      <div className="ring-scroll" tabIndex={0} role="group" aria-label={d.compareTitle}>
        <table className="ring-table" data-table="compare">
          <HeadRow
            cols={[
              [d.colScheme, false],
              [d.cv, true],
              [d.maxOverMean, true],
              [d.colLastMoved, true],
              [d.colIdeal, true],
              [d.colVsIdeal, false],
            ]}
          />
          <tbody>
            {rows.map((r) => {
              const ratio = movedRatio(r);
              const inUse = r.scheme === current;
              return (
                <tr key={r.scheme} data-scheme={r.scheme} data-current={inUse ? 'true' : undefined} className={inUse ? 'current' : undefined}>
                  <th scope="row">
                    {d.schemesShort[r.scheme]}
                    {inUse && <span className="ring-badge"> ({d.current_})</span>}
                  </th>
                  <td className="num" data-cell="cv">
                    {fmtDec(r.stats.cv, 3, lang)}
                  </td>
                  <td className="num" data-cell="max-over-mean">
                    {fmtDec(r.stats.maxOverMean, 2, lang)}
                  </td>
                  <td className="num" data-cell="moved">
                    {r.lastChange ? fmtInt(r.lastChange.moved, lang) : d.none}
                  </td>
                  <td className="num" data-cell="ideal">
                    {r.lastChange ? fmtInt(Math.round(r.lastChange.ideal), lang) : d.none}
                  </td>
                  <td className="ring-ratio-cell">
                    {ratio === null ? (
                      <span className="note">{r.lastChange ? d.none : d.noChange}</span>
                    ) : (
                      <>
                        <span className="ring-ratio-bar" aria-hidden="true">
                          <span className={ratio > 1.5 ? 'over' : ''} style={{ width: `${Math.min(100, (ratio / RATIO_FULL) * 100)}%` }} />
                          <span className="ring-ratio-one" style={{ left: `${100 / RATIO_FULL}%` }} />
                        </span>
                        <span data-cell="ratio">{d.ratioShort(fmtDec(ratio, 2, lang))}</span>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {jumpCostShown(rows) && <p className="note ring-jump-note">{d.jumpNote}</p>}
    </section>
  );
}
