/**
 * The timeline: a d3 linear scale on virtual time with the run's marks (★ leader elected,
 * ✕ crash, ⟂ partition, ● commit, ...) and the playhead. Drag or click to scrub; it is a
 * slider for assistive technology (arrow keys step frames, handled globally).
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import { scaleLinear } from 'd3';
import type { Mark } from '../../sim/api';
import { useApp, useAppStore, useT } from '../StoreContext';
import { fmtInt, fmtTime, nodeRef, type Dict } from '../i18n';
import { termColor } from '../palette';
import { drawTime } from '../stage/useFrameClock';

const SYMBOL: Record<Mark['kind'], string> = {
  leader: '★',
  crash: '✕',
  restart: '↻',
  partition: '⟂',
  heal: '⇄',
  cut: '✂',
  mend: '⇄',
  request: '▸',
  timeout: '⏱',
  drop: '⤫',
  commit: '●',
  violation: '⚠',
};

function markTitle(m: Mark, t: Dict): string {
  const n = m.node ? nodeRef(m.node) : '';
  switch (m.kind) {
    case 'leader':
      return t.markTitles.leader(n, String(m.value));
    case 'commit':
      return t.markTitles.commit(n, String(m.value));
    case 'partition':
    case 'heal':
    case 'violation':
      return t.markTitles[m.kind]();
    default:
      return t.markTitles[m.kind](n);
  }
}

const HEIGHT = 34;

export function Timeline() {
  const t = useT();
  const store = useAppStore();
  const lang = useApp((s) => s.lang);
  const marks = useApp((s) => s.marks);
  const until = useApp((s) => s.scenario?.until ?? 10000);
  const maxTime = useApp((s) => s.maxTime);
  const frame = useApp((s) => s.view?.frame ?? 0);
  const time = useApp((s) => s.view?.time ?? 0);
  const head = useApp((s) => s.head);
  const seekTime = useApp((s) => s.seekTime);
  const seek = useApp((s) => s.seek);
  const wrap = useRef<HTMLDivElement>(null);
  const cursor = useRef<SVGGElement>(null);
  const [width, setWidth] = useState(400);

  useLayoutEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(Math.max(80, el.clientWidth)));
    ro.observe(el);
    setWidth(Math.max(80, el.clientWidth));
    return () => ro.disconnect();
  }, []);

  const x = useMemo(
    () => scaleLinear().domain([0, Math.max(until, maxTime, 1)]).range([8, width - 8]).clamp(true),
    [until, maxTime, width],
  );

  // The playhead moves every animation frame: set its position directly.
  useEffect(() => {
    const draw = () => {
      const px = x(drawTime(store.getState()));
      cursor.current?.setAttribute('transform', `translate(${px.toFixed(1)},0)`);
    };
    draw();
    return store.subscribe(draw);
  }, [store, x]);

  const dragging = useRef(false);
  const scrub = (e: PointerEvent<SVGSVGElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    void seekTime(x.invert(e.clientX - rect.left));
  };

  // Marks on rows: elections and faults on top, commits and requests below.
  const rowOf = (m: Mark) => (m.kind === 'commit' || m.kind === 'request' ? 1 : 0);
  // Thin out marks that would overlap (thousands of commits on a long run).
  const shown: Mark[] = [];
  const lastX = [-Infinity, -Infinity];
  for (const m of marks) {
    const px = x(m.time);
    const row = rowOf(m);
    const important = m.kind !== 'commit' && m.kind !== 'request';
    if (!important && px - lastX[row] < 5) continue;
    lastX[row] = px;
    shown.push(m);
  }

  return (
    <div className="timeline" ref={wrap}>
      <svg
        width={width}
        height={HEIGHT}
        role="slider"
        tabIndex={0}
        aria-label={t.timeline}
        aria-valuemin={0}
        aria-valuemax={head}
        aria-valuenow={frame}
        aria-valuetext={t.timelineValue(fmtInt(frame, lang), fmtTime(time, lang))}
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
        <line className="tl-track" x1={x.range()[0]} x2={x.range()[1]} y1={HEIGHT / 2} y2={HEIGHT / 2} />
        <line className="tl-until" x1={x(until)} x2={x(until)} y1={6} y2={HEIGHT - 6} />
        {shown.map((m, i) => (
          <text
            key={`${m.frame}-${m.kind}-${m.node}-${i}`}
            className={`tl-mark tl-${m.kind}`}
            x={x(m.time)}
            y={rowOf(m) === 0 ? 12 : HEIGHT - 5}
            textAnchor="middle"
            fill={m.kind === 'leader' ? termColor(m.value) : undefined}
            onPointerDown={(e) => {
              e.stopPropagation();
              void seek(m.frame);
            }}
          >
            <title>{markTitle(m, t)}</title>
            {SYMBOL[m.kind]}
          </text>
        ))}
        <g ref={cursor} className="tl-cursor" aria-hidden="true">
          <line y1={2} y2={HEIGHT - 2} />
          <circle cy={HEIGHT / 2} r={4.5} />
        </g>
      </svg>
    </div>
  );
}
