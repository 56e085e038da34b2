/**
 * The client history: each operation a bar on its client's lane from invoke to complete,
 * marked with its result (✓) or error (✗), a pending one open-ended to "now". Over the bars,
 * what the linearizability check found over the history up to this frame (asked of the
 * worker: query `linearization`, core/coord/zookeeper/history-query.ts; never computed on
 * the main thread): each checked op's linearization point as a dot on its bar, a thin line
 * joining consecutive points of one top-level path's order (Porcupine's picture), stale
 * reads as hollow marks, and a failed check in the error colour with the ops no order
 * explains outlined. The verdict (passed / failed / unknown, ops checked, time) shows in the
 * header at the end of the run, or when asked ("Check linearizability"), as an aria-live
 * status. Below the chart the same operations as a list, newest first, for reading and for
 * screen readers.
 */
import { scaleLinear } from 'd3';
import { useEffect, useState } from 'react';
import { LINEARIZATION_QUERY, type LinearizationAnswer, type LinearizationArg } from '../../../core/coord/zookeeper/history-query';
import { fmtInt, fmtTime } from '../../i18n';
import type { FrameView } from '../../../sim/api';
import { useApp } from '../../StoreContext';
import { zkDict, type ZkDict } from './i18n';
import { zkHistoryDict, type ZkHistoryDict } from './history-i18n';
import { historyKey, linePath, linPicture, verdictOf, type LinMark, type LinPicture } from './history-model';
import { historyBars, opArg, shortResult, zkFrame, type HistoryBar } from './model';
import './zk.css';
import './history.css';

const W = 440;
const LABEL_W = 34;
const LANE_H = 26;
const AXIS_H = 18;
/** Rows in the list under the chart. */
const LIST_ROWS = 40;
/** How far past the plot's right edge a label may run (the viewBox keeps a margin). */
const LABEL_PAD = 4;
const MARK_R = 3.2;

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

/** What the list says of a bar's place in the check. */
function listNote(b: HistoryBar, pic: LinPicture, byBar: Map<number, LinMark[]>, names: readonly string[], zh: ZkHistoryDict): string {
  const parts: string[] = [];
  for (const m of byBar.get(b.index) ?? []) parts.push(zh.listPoint(String(m.rank + 1), names[m.partition] ?? ''));
  if (pic.stale.has(b.index)) parts.push(zh.listStale);
  if (pic.culprits.has(b.index)) parts.push(zh.listCulprit);
  return parts.length === 0 ? '' : zh.listLead + parts.join(zh.listSep);
}

/** While playing, the history is re-checked at each change only if the last check took less than this (ms); else once playback stops. */
const LIVE_CHECK_MS = 25;

/**
 * The worker's answer for the shown frame, asked again only when the history changed (an op
 * invoked or completed) or the scenario did — while playing, only when checks are cheap (a
 * long history is checked when playback pauses, so the worker keeps up with the animation);
 * the previous answer stays drawn meanwhile.
 */
function useLinearization(key: string, from: number): LinearizationAnswer | null {
  const query = useApp((s) => s.query);
  const scenario = useApp((s) => s.scenario);
  const playing = useApp((s) => s.playing);
  const [answer, setAnswer] = useState<{ key: string; scenario: unknown; value: LinearizationAnswer | null }>({ key: '', scenario: null, value: null });
  const lastMs = answer.value?.check.ms;
  const ask = !playing || lastMs === undefined || lastMs < LIVE_CHECK_MS;
  useEffect(() => {
    if (!ask) return;
    let live = true;
    const arg: LinearizationArg = { from };
    void query(LINEARIZATION_QUERY, arg).then((v) => {
      if (live) setAnswer({ key, scenario, value: (v ?? null) as LinearizationAnswer | null });
    });
    return () => {
      live = false;
    };
  }, [query, key, from, scenario, ask]);
  return answer.scenario === scenario ? answer.value : null;
}

export function ZkHistoryTab() {
  const lang = useApp((s) => s.lang);
  const view = useApp((s) => s.view);
  const frame = zkFrame(view?.service);
  const opCount = view?.service?.opCount ?? 0;
  const older = opCount - (frame?.ops.length ?? 0);
  // The end-of-run flag changes with the frame, not only with the history: part of the key.
  const key = frame ? `${historyKey(opCount, frame.ops)}@${view?.frame === view?.head ? 'h' : ''}${view?.nextTime ?? ''}` : '';
  const answer = useLinearization(key, older);
  /** The history key the user asked the verdict for ("Check linearizability"). */
  const [askedAt, setAskedAt] = useState<string | null>(null);
  if (!view || !frame || !view.service) return null;
  const histKey = historyKey(opCount, frame.ops);
  return <ZkHistoryView lang={lang} view={view} answer={answer} asked={askedAt === histKey} onAsk={() => setAskedAt(histKey)} />;
}

export interface ZkHistoryViewProps {
  lang: 'en' | 'zh';
  view: FrameView;
  /** The worker's `linearization` answer for this frame (null: not here yet). */
  answer: LinearizationAnswer | null;
  /** The user asked for the verdict at this history ("Check linearizability"). */
  asked: boolean;
  onAsk(): void;
}

/** The tab's drawing, from the frame and the worker's answer (no store, no effects: rendered as is in tests). */
export function ZkHistoryView({ lang, view, answer, asked, onAsk }: ZkHistoryViewProps) {
  const frame = zkFrame(view.service);
  if (!frame || !view.service) return null;
  const opCount = view.service.opCount;
  const older = opCount - frame.ops.length;
  const z = zkDict(lang);
  const zh = zkHistoryDict(lang);
  const lanes = Math.max(1, frame.clients.length);
  const plotW = W - LABEL_W - 6;
  const h = historyBars(frame.ops, view.time, plotW);
  const x = scaleLinear().domain([h.t0, h.t1]).range([0, plotW]);
  const height = lanes * LANE_H + AXIS_H;
  const check = answer?.check ?? null;
  const pic = linPicture(check, frame.ops, older, h);
  const names = check?.partitions.map((p) => p.name) ?? [];
  const byBar = new Map<number, LinMark[]>();
  for (const m of pic.marks) byBar.set(m.bar, [...(byBar.get(m.bar) ?? []), m]);
  const laneY = (lane: number) => lane * LANE_H + LANE_H / 2;
  const shown = check !== null && (answer!.end || asked);
  const verdict = check === null ? null : verdictOf(check);
  const ms = check?.ms === undefined ? '' : zh.ms(check.ms < 10 ? check.ms.toFixed(1) : fmtInt(Math.round(check.ms), lang));
  const opLabel = (op: number) => {
    const r = frame.ops[op - older];
    return r === undefined ? `#${op}` : zh.opName(String(r.client), r.op, opArg(r));
  };
  let status = '';
  if (shown && check !== null) {
    const checked = fmtInt(check.checked, lang);
    const total = fmtInt(check.total, lang);
    const where = answer!.end ? zh.endOfRun : zh.upTo(fmtTime(answer!.time, lang));
    status =
      (verdict === 'passed'
        ? zh.resultPassed(checked, total, fmtInt(check.steps, lang), ms)
        : verdict === 'failed'
          ? zh.resultFailed(checked, total, check.failed?.partition ?? '/', ms)
          : zh.resultUnknown(checked, total, fmtInt(check.budget, lang), check.ranOutIn ?? '/')) +
      ' ' +
      where;
  }

  return (
    <div className="zk-history-tab" data-testid="zk-history">
      <div className="zk-lin-head">
        <p className={`zk-lin-status ${shown && verdict ? verdict : ''}`} role="status" aria-live="polite" data-verdict={shown && verdict ? verdict : ''}>
          {shown && verdict && <strong className="zk-lin-verdict">{verdict === 'passed' ? zh.passed : verdict === 'failed' ? zh.failedWord : zh.unknownWord}</strong>}
          {shown && verdict && ' · '}
          {status}
        </p>
        {!shown && (
          <button type="button" className="zk-lin-check" disabled={check === null} onClick={onAsk}>
            {check === null ? zh.checking : zh.checkButton}
          </button>
        )}
      </div>
      <svg className={`zk-history${verdict === 'failed' ? ' lin-failed' : ''}`} viewBox={`0 0 ${W} ${height}`} role="img" aria-label={z.historyTitle}>
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
            const culprit = pic.culprits.has(b.index);
            return (
              <g
                key={b.index}
                className={`zk-bar ${b.open ? 'open' : b.ok ? 'ok' : 'err'}${culprit ? ' culprit' : ''}${pic.stale.has(b.index) ? ' stale' : ''}`}
                data-op={b.rec.op}
                data-client={b.rec.client}
                data-ok={String(b.ok)}
                data-open={String(b.open)}
                data-error={b.rec.error ?? ''}
                data-culprit={culprit ? 'true' : undefined}
                data-stale={pic.stale.has(b.index) ? 'true' : undefined}
              >
                <title>{barName(b, z, lang) + (culprit ? ` — ${zh.listCulprit}` : '')}</title>
                <rect x={b.x0} y={y} width={w} height={LANE_H - 8} rx={b.open ? 0 : 3} />
                {b.open && <path className="zk-open-end" d={`M${b.x1 - 6},${y} l6,${(LANE_H - 8) / 2} l-6,${(LANE_H - 8) / 2}`} />}
                <text x={inside ? b.x0 + 3 : b.x1 + 2} y={y + (LANE_H - 8) / 2} dominantBaseline="central" className={inside ? 'in' : 'out'}>
                  {label}
                </text>
              </g>
            );
          })}
          <g className="zk-lin">
            {pic.lines.map((l) => (
              <path key={l.partition} className={`zk-lin-line p${l.partition % 4}${l.failed ? ' failed' : ''}`} d={linePath(l, laneY)} data-partition={l.name} />
            ))}
            {pic.marks.map((m) => {
              const title = m.stale
                ? zh.staleTitle(opLabel(m.op), (pic.stale.get(m.bar) ?? []).map(opLabel).join(', '))
                : zh.markTitle(opLabel(m.op), String(m.rank + 1), names[m.partition] ?? '', fmtTime(m.t, lang));
              return (
                <circle
                  key={`${m.op}-${m.partition}`}
                  className={`zk-lin-mark p${m.partition % 4}${m.stale ? ' stale' : ''}${m.failed ? ' failed' : ''}`}
                  cx={m.x}
                  cy={laneY(m.lane)}
                  r={MARK_R}
                  data-op-id={m.op}
                  data-rank={m.rank}
                  data-partition={names[m.partition] ?? ''}
                  data-stale={m.stale ? 'true' : undefined}
                >
                  <title>{title}</title>
                </circle>
              );
            })}
          </g>
          <line className="zk-now" x1={plotW} x2={plotW} y1={0} y2={lanes * LANE_H} />
        </g>
      </svg>
      {check !== null && check.failed !== null && (
        <p className="note zk-lin-failed" data-testid="zk-lin-failed">
          {zh.failedSentence(check.failed.partition, check.failed.culprits.map(opLabel).join(', ') || check.failed.partition)}
        </p>
      )}
      {check !== null && check.stale.length > 0 && <p className="note zk-lin-stale">{zh.staleSentence(fmtInt(check.stale.length, lang))}</p>}
      <p className="note">
        {z.historyCaption} {check !== null && check.checked > 0 ? zh.legend : check !== null && frame.ops.length > 0 ? zh.noChecked : ''}
      </p>
      {frame.ops.length === 0 ? (
        <p className="note">{z.noOps}</p>
      ) : (
        <ol className="zk-op-list" aria-label={z.historyTitle} tabIndex={0}>
          {h.bars
            .slice(-LIST_ROWS)
            .reverse()
            .map((b) => (
              <li key={b.index} className={`${b.open ? 'open' : b.ok ? 'ok' : 'err'}${pic.culprits.has(b.index) ? ' culprit' : ''}`}>
                {barName(b, z, lang)}
                {listNote(b, pic, byBar, names, zh)}
              </li>
            ))}
        </ol>
      )}
      {older > 0 && <p className="note">{z.older(String(older))}</p>}
    </div>
  );
}
