/**
 * The timeline: a d3 linear scale on virtual time with the run's marks (★ leader elected,
 * ✕ crash, ⟂ partition, ● commit, ...), the scripted actions still ahead (hollow until
 * reached), the lesson's stops (◆ on the track) and the playhead. Marks closer than their
 * width merge into one whose title lists them (./marks.ts), so none overlap. Drag or click
 * to scrub; click a mark to go there. It is a slider for assistive technology (arrow keys
 * step frames, handled globally).
 */
import { useLayoutEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import { scaleLinear } from 'd3';
import type { Mark } from '../../sim/api';
import type { ScriptAction } from '../../sim/scenario';
import { lessonMeta, isLesson } from '../../store/lessons';
import { lessonText } from '../lessons';
import { useApp, useAppStore, useT } from '../StoreContext';
import { clientRef, dict, fmtInt, fmtTime, nodeRef, type Dict, type Lang } from '../i18n';
import { termColor } from '../palette';
import { drawTime } from '../stage/useFrameClock';
import { layoutMarks, timelineEnd, timelineItems, type MarkGroup, type Row, type TimelineItem } from './marks';
import { useProtocolView } from '../views/context';
import type { MarkSpec, ProtocolDict, ProtocolView } from '../views/types';
import './timeline.css';

/** The simulator's own marks, the same for every protocol; a protocol's view declares its own (ProtocolView.marks). */
const SYMBOL: Record<string, string> = {
  crash: '✕',
  restart: '↻',
  partition: '⟂',
  heal: '⇄',
  cut: '✂',
  mend: '⇄',
  request: '▸',
  timeout: '◔',
  drop: '⤫',
  add: '⊕',
  remove: '⊖',
  violation: '⚠',
  stop: '',
};

const HEIGHT = 40;
/** Each row's centre line (top: elections and faults; middle: the track and stops; bottom: commits and requests). */
const ROW_Y: Record<Row, number> = { 0: 7, 1: 20, 2: 33 };
/**
 * A mark's box: marks in a row are at least MARK_W + 1 px apart, so boxes never overlap;
 * rows are far enough apart that a glyph's text box (≈ 1.17 em tall: 14 px for the 12 px
 * star) stays clear of the stops' 10 px boxes on the track.
 */
const MARK_W = 14;
/** The playhead's drawing: its dot (r 4.5, 1.5 stroke) with room to spare. */
const CURSOR_W = 12;
const MARK_H: Record<Row, number> = { 0: 12, 1: 10, 2: 12 };
/** Large type (projectors) draws the timeline and its marks this much larger. */
const LARGE = 1.3;
/** How many members a merged mark's title lists. */
const TITLE_LINES = 8;

function markTitle(m: Mark, t: Dict, own: ProtocolDict['markTitles'] | undefined): string {
  const n = m.node ? nodeRef(m.node) : '';
  // The protocol's own kinds are titled by its dictionary ("n3 became leader of term 4").
  const mine = own && Object.prototype.hasOwnProperty.call(own, m.kind) ? own[m.kind] : undefined;
  if (mine) return mine(n, String(m.value));
  switch (m.kind) {
    case 'partition':
    case 'heal':
    case 'violation':
      return t.markTitles[m.kind as 'partition' | 'heal' | 'violation']();
    default:
      return t.markTitles[m.kind as Exclude<keyof Dict['markTitles'], 'partition' | 'heal' | 'violation'>]?.(n) ?? m.kind;
  }
}

function actionTitle(a: ScriptAction, t: Dict, lang: Lang): string {
  const f = t.chromeFutureTitles;
  let what: string;
  switch (a.do) {
    case 'crash':
    case 'restart':
    case 'timeout':
    case 'add':
    case 'remove':
      what = f[a.do](nodeRef(a.node));
      break;
    case 'partition':
    case 'heal':
      what = f[a.do]();
      break;
    case 'cut':
    case 'mend':
      if (a.client !== undefined) what = f[a.do === 'cut' ? 'cutClient' : 'mendClient'](clientRef(a.client), a.node ? nodeRef(a.node) : '');
      else what = f[a.do](nodeRef(a.from), nodeRef(a.to));
      break;
    case 'request':
      what = f.request(a.value, a.node ? nodeRef(a.node) : '');
      break;
    case 'drop':
      what = f.drop(nodeRef(a.from), nodeRef(a.to), fmtInt(a.nth, lang));
      break;
    case 'client':
      // A service client's op, by the service API's own (untranslated) name, e.g. "create".
      what = a.op;
      break;
  }
  return t.chromeMarkFuture(what, fmtTime(a.at, lang));
}

function itemTitle(item: TimelineItem, t: Dict, lang: Lang, lesson: string | null, pv: ProtocolView | null): string {
  const src = item.source;
  if ('mark' in src) return markTitle(src.mark, t, pv?.dict(lang).markTitles);
  if ('action' in src) return actionTitle(src.action, t, lang);
  const sentence = isLesson(lesson) ? (lessonText(lesson, lang).stops[src.stop] ?? '') : '';
  return t.chromeStopTitle(fmtInt(src.stop + 1, lang), sentence);
}

function groupTitle(g: MarkGroup, t: Dict, lang: Lang, lesson: string | null, pv: ProtocolView | null): string {
  if (g.items.length === 1) return itemTitle(g.lead, t, lang, lesson, pv);
  const lines = [t.chromeMergedTitle(fmtInt(g.items.length, lang))];
  for (const item of g.items.slice(0, TITLE_LINES)) lines.push(itemTitle(item, t, lang, lesson, pv));
  if (g.items.length > TITLE_LINES) lines.push(t.chromeMergedMore(fmtInt(g.items.length - TITLE_LINES, lang)));
  return lines.join('\n');
}

function MarkGlyph({ item, specs }: { item: TimelineItem; specs: Readonly<Record<string, MarkSpec>> }) {
  if (item.kind === 'stop') {
    return <path className="tl-stop-shape" d="M0,-4.4 L5,0 L0,4.4 L-5,0 Z" />;
  }
  const src = item.source;
  const own = Object.prototype.hasOwnProperty.call(specs, item.kind) ? specs[item.kind] : undefined;
  // A protocol's mark may be coloured by the era in its value (Raft's ★: the term's colour).
  const era = own?.eraColour && 'mark' in src ? src.mark.value : null;
  return (
    <text className="tl-glyph" textAnchor="middle" dominantBaseline="central" fill={era !== null && !item.future ? termColor(era) : undefined}>
      {own ? own.symbol : (SYMBOL[item.kind] ?? '•')}
    </text>
  );
}

const NO_MARKS: Readonly<Record<string, MarkSpec>> = {};

export function Timeline() {
  const t = useT();
  const pv = useProtocolView();
  const specs = pv?.marks ?? NO_MARKS;
  const store = useAppStore();
  const lang = useApp((s) => s.lang);
  const marks = useApp((s) => s.marks);
  const script = useApp((s) => s.scenario?.script);
  const scenario = useApp((s) => s.scenario);
  const until = useApp((s) => s.scenario?.until ?? 10000);
  const lesson = useApp((s) => s.lesson);
  const k = useApp((s) => (s.largeType ? LARGE : 1));
  const maxTime = useApp((s) => s.maxTime);
  const seekTime = useApp((s) => s.seekTime);
  const seek = useApp((s) => s.seek);
  const wrap = useRef<HTMLDivElement>(null);
  const cursor = useRef<SVGSVGElement>(null);
  const slider = useRef<SVGSVGElement>(null);
  const [width, setWidth] = useState(400);
  const stops = lessonMeta(lesson)?.stops ?? NO_STOPS;
  const actions = script ?? NO_ACTIONS;

  useLayoutEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(Math.max(80, el.clientWidth)));
    ro.observe(el);
    setWidth(Math.max(80, el.clientWidth));
    return () => ro.disconnect();
  }, []);

  // A number: the scale (and the layout) are rebuilt only when the domain really grows —
  // in steps, and never shrinking for the same scenario (marks do not jump while playing).
  // (The end drawn so far is state, brought up to date during render, as React allows.)
  const [drawn, setDrawn] = useState<{ scenario: unknown; lesson: string | null; end: number }>({ scenario: null, lesson: null, end: 0 });
  const same = drawn.scenario === scenario && drawn.lesson === lesson;
  const floor = same ? drawn.end : 0;
  const end = useMemo(() => timelineEnd(until, maxTime, actions, stops, floor), [until, maxTime, actions, stops, floor]);
  if (!same || end !== drawn.end) setDrawn({ scenario, lesson, end });
  const x = useMemo(() => scaleLinear().domain([0, end]).range([(k * MARK_W) / 2 + 1, width - (k * MARK_W) / 2 - 1]).clamp(true), [end, width, k]);

  // The playhead moves every animation frame: set its position directly. So are the slider's
  // values (the frame shown, of the frames recorded) written as they change, not by
  // re-rendering the timeline and its marks at every frame.
  useLayoutEffect(() => {
    let said = '';
    const draw = () => {
      const s = store.getState();
      const px = x(drawTime(s));
      if (cursor.current) cursor.current.style.transform = `translateX(${px.toFixed(1)}px)`;
      const el = slider.current;
      const frame = s.view?.frame ?? 0;
      const now = `${frame}|${s.head}|${s.view?.time ?? 0}|${s.lang}`;
      if (!el || now === said) return;
      said = now;
      el.setAttribute('aria-valuemax', String(s.head));
      el.setAttribute('aria-valuenow', String(frame));
      el.setAttribute('aria-valuetext', dict(s.lang).timelineValue(fmtInt(frame, s.lang), fmtTime(s.view?.time ?? 0, s.lang)));
    };
    draw();
    return store.subscribe(draw);
  }, [store, x]);

  // A stop counts as reached once the run has been seen that far; recomputed only when
  // that changes which stops are reached, not on every frame.
  const reachedStops = stops.filter((s) => s <= maxTime).length;
  const groups = useMemo(() => {
    const reached = reachedStops > 0 ? stops[reachedStops - 1] : -1;
    const [lo, hi] = x.range();
    return layoutMarks(timelineItems(marks, actions, stops, reached, specs), x, k * MARK_W + 1, [lo, hi]);
  }, [marks, actions, stops, reachedStops, x, k, specs]);

  const dragging = useRef(false);
  const scrub = (e: PointerEvent<SVGSVGElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const px = e.clientX - rect.left;
    // The domain may end before `until` (it reaches only a little past the run): the right
    // end of the track still goes to the scenario's end.
    if (px >= x.range()[1] - 1 && end < until) void seekTime(until);
    else void seekTime(x.invert(px));
  };
  const go = (item: TimelineItem) => {
    if (item.frame !== null) void seek(item.frame);
    else void seekTime(item.time);
  };

  return (
    <div className="timeline" ref={wrap}>
      <svg
        width={width}
        height={k * HEIGHT}
        role="slider"
        tabIndex={0}
        aria-label={t.timeline}
        aria-valuemin={0}
        ref={slider}
        onPointerDown={(e) => {
          dragging.current = true;
          e.currentTarget.setPointerCapture(e.pointerId);
          scrub(e);
        }}
        onPointerMove={(e) => {
          if (dragging.current) scrub(e);
        }}
        onPointerUp={() => {
          dragging.current = false;
        }}
      >
        <line className="tl-track" x1={x.range()[0]} x2={x.range()[1]} y1={k * ROW_Y[1]} y2={k * ROW_Y[1]} />
        {until <= end && <line className="tl-until" x1={x(until)} x2={x(until)} y1={k * (ROW_Y[1] - 9)} y2={k * (ROW_Y[1] + 9)} />}
        {groups.map((g) => {
          const item = g.lead;
          const merged = g.items.length > 1;
          return (
            <g
              key={`${g.row}-${g.items[0].time}-${g.items[0].frame ?? 'f'}-${g.items[0].kind}`}
              className={`tl-mark tl-${item.kind} ${item.future ? 'tl-future' : 'tl-past'} ${merged ? 'tl-merged' : ''}`}
              data-mark={item.kind}
              data-future={item.future}
              data-count={g.items.length}
              data-time={item.time}
              transform={`translate(${g.x.toFixed(1)},${k * ROW_Y[g.row]})${k === 1 ? '' : ` scale(${k})`}`}
              onPointerDown={(e) => {
                e.stopPropagation();
                go(g.items[0]);
              }}
            >
              <title>{groupTitle(g, t, lang, lesson, pv)}</title>
              <rect className="tl-hit" x={-MARK_W / 2} y={-MARK_H[g.row] / 2} width={MARK_W} height={MARK_H[g.row]} rx={3} />
              <MarkGlyph item={item} specs={specs} />
            </g>
          );
        })}
      </svg>
      {/* The playhead is its own small drawing over the track, moved by a CSS transform on a
          layer of its own: moving it at every frame repaints nothing and re-layers nothing
          (inside the track's SVG it cost the page ~0.6 ms per frame). */}
      <svg
        ref={cursor}
        className="tl-cursor"
        aria-hidden="true"
        width={k * CURSOR_W}
        height={k * HEIGHT}
        viewBox={`${(-k * CURSOR_W) / 2} 0 ${k * CURSOR_W} ${k * HEIGHT}`}
        style={{ left: (-k * CURSOR_W) / 2 }}
      >
        <line y1={2} y2={k * HEIGHT - 2} />
        <circle cy={k * ROW_Y[1]} r={k * 4.5} />
      </svg>
    </div>
  );
}

const NO_STOPS: readonly number[] = [];
const NO_ACTIONS: readonly ScriptAction[] = [];
