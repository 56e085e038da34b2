/**
 * The members around the ring: each a focusable group exposing data-node, data-role
 * (member | suspect | down: the router's view), data-alive (the truth), data-keys (keys
 * owned as primary) and data-declared-down once the router declared it — with an accessible
 * name, its id large in its colour, ✕ once declared down, its key count outside, and the
 * router's suspicion as an arc that fills around it. The meters move with the frame clock
 * (no re-render); the roles are the frame's.
 */
import { arc } from 'd3';
import { useRef, type KeyboardEvent } from 'react';
import type { HashringHubView, HashringNodeView, RingLayout, SuspicionView } from '../../../core/hashring/types';
import { contrast } from '../../palette';
import { fmtInt } from '../../i18n';
import { useApp } from '../../StoreContext';
import { useFrameClock } from '../../stage/useFrameClock';
import type { Point } from '../../stage/geometry';
import { fmtDec } from '../narrate';
import { ringDict } from '../i18n';
import { nodeColor, RING_C, RING_NODE_R, suspicionAt, type Detector } from './ringGeometry';

const meterArc = arc<{ level: number; r: number }>()
  .innerRadius((d) => d.r + 3)
  .outerRadius((d) => d.r + 7)
  .startAngle(0)
  .endAngle((d) => d.level * 2 * Math.PI);

/** At this level the router is drawn as suspecting a node (data-role="suspect"). */
export const SUSPECT_LEVEL = 0.5;

export type RingRole = 'member' | 'suspect' | 'down';

/** The router's view of one member at time t. */
export function roleOf(s: SuspicionView | undefined, t: number, d: Detector): RingRole {
  if (!s) return 'member';
  if (s.declaredDown) return 'down';
  return suspicionAt(s, t, d).level >= SUSPECT_LEVEL ? 'suspect' : 'member';
}

function idColor(bg: string): string {
  return contrast(bg, '#111111') >= contrast(bg, '#FFFFFF') ? '#111111' : '#FFFFFF';
}

/**
 * Where the labels outside a node go: radially outwards on the ring's sides; beside the node
 * (to its right) at the top and the bottom, so the drawing is no taller than the ring of
 * nodes and an 800×450 embed can draw it large enough for 14 px labels.
 */
export function outside(p: Point, r: number, labelSize: number): { x: number; y: number; anchor: 'start' | 'middle' | 'end' } {
  const dx = p.x - RING_C.x;
  const dy = p.y - RING_C.y;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  if (Math.abs(ux) < 0.35) return { x: r + 12, y: 0, anchor: 'start' };
  const dist = r + 10 + labelSize * 0.3;
  return { x: ux * dist, y: uy * dist, anchor: ux > 0 ? 'start' : 'end' };
}

function meterText(level: { value: number; limit: number }, d: Detector, lang: 'en' | 'zh'): string {
  const r = ringDict(lang);
  return d.kind === 'phi' ? r.meterPhi(fmtDec(level.value, lang), fmtDec(level.limit, lang)) : r.meterTimeout(fmtInt(level.value, lang), fmtInt(level.limit, lang));
}

interface Props {
  layout: Map<number, Point>;
  hub: HashringHubView;
  ring: RingLayout | null;
  detector: Detector;
  labelSize: number;
  /** The members' circles' radius (memberShape). */
  nodeR?: number;
}

export function RingNodes({ layout, hub, ring, detector, labelSize, nodeR = RING_NODE_R }: Props) {
  const nodes = useApp((s) => s.view?.nodes as HashringNodeView[] | undefined);
  const time = useApp((s) => s.view?.time ?? 0);
  const lang = useApp((s) => s.lang);
  const selected = useApp((s) => s.selected);
  const select = useApp((s) => s.select);
  const meters = useRef(new Map<number, { arc: SVGPathElement | null; text: SVGTextElement | null }>());
  const r = ringDict(lang);
  const suspicion = new Map(hub.suspicion.map((s) => [s.id, s]));
  const keys = new Map((ring?.stats.perNode ?? []).map((p) => [p.id, p.keys]));

  useFrameClock(
    (t, s) => {
      const h = s.view?.hub as HashringHubView | null | undefined;
      if (!h) return;
      for (const sv of h.suspicion) {
        const m = meters.current.get(sv.id);
        if (!m) continue;
        const lv = suspicionAt(sv, t, detector);
        m.arc?.setAttribute('d', sv.declaredDown ? '' : (meterArc({ level: lv.level, r: nodeR }) ?? ''));
        m.arc?.setAttribute('class', `ring-meter ${lv.level >= 0.75 ? 'hot' : lv.level >= SUSPECT_LEVEL ? 'warm' : ''}`);
        if (m.text) m.text.textContent = !sv.declaredDown && lv.level >= 0.25 ? meterText(lv, detector, s.lang) : '';
      }
    },
    [detector, hub, nodeR],
  );

  if (!nodes) return null;
  const onKey = (id: number) => (e: KeyboardEvent<SVGGElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      e.stopPropagation();
      select(id);
    }
  };

  return (
    <g className="ring-nodes">
      {hub.members.map((id) => {
        const n = nodes[id - 1];
        const p = layout.get(id);
        if (!n || !p || n.state !== 'member') return null;
        const sv = suspicion.get(id);
        const role = roleOf(sv, time, detector);
        const count = keys.get(id) ?? 0;
        const name = r.nodeStageName(String(id), r.roles[role], fmtInt(count, lang), n.alive);
        const color = nodeColor(id);
        const down = role === 'down';
        const lab = outside(p, nodeR, labelSize);
        const lv = sv ? suspicionAt(sv, time, detector) : null;
        return (
          <g
            key={id}
            className={`node ring-node role-${role} ${n.alive ? '' : 'crashed'} ${selected === id ? 'selected' : ''}`}
            data-node={id}
            data-role={role}
            data-alive={String(n.alive)}
            data-keys={count}
            data-declared-down={sv?.declaredDown ? 'true' : undefined}
            transform={`translate(${p.x},${p.y})`}
            tabIndex={0}
            role="button"
            aria-label={name}
            aria-pressed={selected === id}
            onClick={() => select(id)}
            onKeyDown={onKey(id)}
          >
            <title>{name}</title>
            <circle className="node-hit" r={nodeR + 9} />
            <circle className="focus-ring" r={nodeR + 11} />
            {selected === id && <circle className="select-ring" r={nodeR + 9} />}
            {!down && <circle className="ring-meter-track" r={nodeR + 5} />}
            <path
              ref={(el) => {
                const m = meters.current.get(id) ?? { arc: null, text: null };
                m.arc = el;
                meters.current.set(id, m);
              }}
              className="ring-meter"
              d={lv && !down ? (meterArc({ level: lv.level, r: nodeR }) ?? '') : ''}
            />
            <circle
              r={nodeR}
              className="ring-node-disc"
              fill={down ? 'var(--down-fill)' : color}
              stroke={down ? 'var(--down-stroke)' : 'var(--text)'}
              strokeWidth={down ? 2 : 1.5}
              strokeDasharray={down || !n.alive ? '5 3' : undefined}
              opacity={!down && !n.alive ? 0.55 : 1}
            />
            <text className="node-id" style={{ fontSize: Math.min(labelSize * 1.25, nodeR * 1.15) }} textAnchor="middle" dominantBaseline="central" fill={down ? 'var(--text)' : idColor(color)}>
              {id}
            </text>{' '}
            {down && (
              <g className="ring-down-mark" transform={`translate(${nodeR * 0.8}, ${-nodeR * 0.8})`} aria-hidden="true">
                <circle r={labelSize * 0.5 + 2} fill="var(--surface)" stroke="var(--down-stroke)" strokeWidth={1.5} />
                <text className="node-down" textAnchor="middle" dominantBaseline="central" style={{ fontSize: labelSize * 0.75 }}>
                  ✕
                </text>
              </g>
            )}
            <text className="node-role ring-node-keys" x={lab.x} y={lab.y} textAnchor={lab.anchor} dominantBaseline="central" style={{ fontSize: labelSize }}>
              {down ? r.roles.down : n.alive ? fmtInt(count, lang) : r.crashedShort}
            </text>{' '}
            <text
              ref={(el) => {
                const m = meters.current.get(id) ?? { arc: null, text: null };
                m.text = el;
                meters.current.set(id, m);
              }}
              className="node-role ring-node-meter"
              aria-hidden="true"
              x={lab.x}
              y={lab.y + labelSize * 1.1}
              textAnchor={lab.anchor}
              dominantBaseline="central"
              style={{ fontSize: labelSize }}
            />
          </g>
        );
      })}
    </g>
  );
}

/** The heartbeat lanes: a faint line from each member to the router. */
export function Spokes({ layout, members }: { layout: Map<number, Point>; members: readonly number[] }) {
  return (
    <g className="ring-spokes" aria-hidden="true">
      {members.map((id) => {
        const p = layout.get(id);
        return p ? <line key={id} x1={p.x} y1={p.y} x2={RING_C.x} y2={RING_C.y} data-spoke={id} /> : null;
      })}
    </g>
  );
}

