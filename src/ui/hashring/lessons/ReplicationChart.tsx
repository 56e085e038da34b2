/**
 * "ZooKeeper distributes data by consistent hashing": the two side by side, measured by the
 * `replication` experiment (src/sim/experiments/replication.ts): a ZAB ensemble's history size
 * per server (every server holds every write) above the ring's keys per node (each key on R of
 * N). Bars out of the same total, so the difference is the bars' lengths.
 */
import type { ReplicationResult } from '../../../sim/experiments/replication';
import type { Lang } from '../../../store/types';
import { useApp } from '../../StoreContext';
import { LESSON_PANEL_DICT } from './panel-i18n';
import { useExperiment } from './useExperiment';

function Bars({ label, rows, total, kind }: { label: string; rows: { id: number; n: number }[]; total: number; kind: string }) {
  return (
    <div className="repl-group" data-kind={kind}>
      <p className="repl-label">{label}</p>
      <table className="repl-bars">
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-id={r.id} data-count={r.n}>
              <th scope="row">n{r.id}</th>
              <td>
                <span className="repl-bar" style={{ width: `${(100 * r.n) / Math.max(total, 1)}%` }} />
              </td>
              <td className="repl-n">
                {r.n}/{total}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ReplicationChart() {
  const lang = useApp((s) => s.lang);
  const t = LESSON_PANEL_DICT[lang];
  const r = useExperiment<ReplicationResult>('replication');
  if (r === undefined) return <p className="lesson-panel-wait" aria-busy="true">{t.replicationLoading}</p>;
  if (r === null) return <p className="lesson-panel-wait">{t.detectorFailed}</p>;
  return <ReplicationFigure r={r} lang={lang} />;
}

/** The bars of one experiment result (pure: the tests render it from a real result). */
export function ReplicationFigure({ r, lang }: { r: ReplicationResult; lang: Lang }) {
  const t = LESSON_PANEL_DICT[lang];
  return (
    <figure className="lesson-chart replication-chart">
      <figcaption className="lesson-chart-title">{t.replicationTitle(r.writes)}</figcaption>
      <Bars kind="zab" label={t.replicationZab(r.nodes)} rows={r.zab.map((z) => ({ id: z.id, n: z.txns }))} total={r.writes} />
      <Bars kind="ring" label={t.replicationRing(r.replicas, r.nodes)} rows={r.ring.map((z) => ({ id: z.id, n: z.keys }))} total={r.writes} />
    </figure>
  );
}
