/**
 * The members around the ring: each a focusable group exposing data-node, data-role
 * (member | suspect | down: the router's view), data-alive (the truth), data-keys (keys
 * owned as primary) and data-declared-down once the router declared it — with an accessible
 * name, its id large in its colour, ✕ once declared down, its key count outside, and the
 * router's suspicion as an arc that fills around it. The meters move with the frame clock
 * (no re-render); the roles are the frame's.
 */
import { arc } from 'd3';
import { memo, useRef, type KeyboardEvent } from 'react';
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

/** A member's meter as drawn: its elements, and what they show (to touch the DOM only on a change). */
interface Meter {
  arc: SVGPathElement | null;
  text: SVGTextElement | null;
  step: number;
  words: string;
  cls: string;
}

interface Props {
  layout: Map<number, Point>;
  ring: RingLayout | null;
  detector: Detector;
  labelSize: number;
  /** The members' circles' radius (memberShape). */
  nodeR?: number;
}

/** One member as drawn: what its elements show apart from the meter. */
export interface MemberLook {
  id: number;
  alive: boolean;
  role: RingRole;
  declaredDown: boolean;
}

/**
 * The members as drawn at the store's frame, as one string (id:alive:role:declared per
 * drawn member), so the nodes re-render when one of these changes — not at every frame,
 * whose view is a new object each time. Only members (state 'member') are drawn.
 */
export function membersLook(view: { hub?: unknown; nodes?: unknown; time: number } | null, d: Detector): string {
  const hub = view?.hub as HashringHubView | null | undefined;
  const nodes = view?.nodes as HashringNodeView[] | undefined;
  if (!hub || !nodes) return '';
  const out: string[] = [];
  for (const id of hub.members) {
    const n = nodes[id - 1];
    if (!n || n.state !== 'member') continue;
    const sv = hub.suspicion.find((x) => x.id === id);
    out.push(`${id}:${n.alive ? 1 : 0}:${roleOf(sv, view!.time, d)}:${sv?.declaredDown ? 1 : 0}`);
  }
  return out.join('|');
}

export function parseLook(look: string): MemberLook[] {
  if (!look) return [];
  return look.split('|').map((m) => {
    const [id, alive, role, declared] = m.split(':');
    return { id: Number(id), alive: alive === '1', role: role as RingRole, declaredDown: declared === '1' };
  });
}

/**
 * Memoized: its props are stable (the layout per member set, the ring per version) and what
 * it reads per frame it reads as membersLook, so playing through heartbeats re-renders it
 * only when a role flips; the meters move with the frame clock.
 */
export const RingNodes = memo(function RingNodes({ layout, ring, detector, labelSize, nodeR = RING_NODE_R }: Props) {
  const look = useApp((s) => membersLook(s.view, detector));
  const lang = useApp((s) => s.lang);
  const selected = useApp((s) => s.selected);
  const select = useApp((s) => s.select);
  const meters = useRef(new Map<number, Meter>());
  const r = ringDict(lang);
  const keys = new Map((ring?.stats.perNode ?? []).map((p) => [p.id, p.keys]));

  // Per animation frame, only what changed: the level in steps of 2 % (a meter no eye can
  // read finer), the words when they change.
  useFrameClock(
    (t, s) => {
      const h = s.view?.hub as HashringHubView | null | undefined;
      if (!h) return;
      for (const sv of h.suspicion) {
        const m = meters.current.get(sv.id);
        if (!m) continue;
        const lv = suspicionAt(sv, t, detector);
        const step = sv.declaredDown ? -1 : Math.round(lv.level * 50);
        if (step !== m.step) {
          m.step = step;
          m.arc?.setAttribute('d', step < 0 ? '' : (meterArc({ level: step / 50, r: nodeR }) ?? ''));
          // The class only when it changes: setting it, even to the same value, has the page restyle the meter.
          const cls = `ring-meter ${lv.level >= 0.75 ? 'hot' : lv.level >= SUSPECT_LEVEL ? 'warm' : ''}`;
          if (cls !== m.cls) {
            m.cls = cls;
            m.arc?.setAttribute('class', cls);
          }
        }
        const words = !sv.declaredDown && lv.level >= 0.25 ? meterText(lv, detector, s.lang) : '';
        if (m.text && words !== m.words) {
          m.words = words;
          m.text.textContent = words;
        }
      }
    },
    [detector, nodeR],
  );

  const members = parseLook(look);
  if (members.length === 0) return null;
  const onKey = (id: number) => (e: KeyboardEvent<SVGGElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      e.stopPropagation();
      select(id);
    }
  };

  return (
    <g className="ring-nodes">
      {members.map(({ id, alive, role, declaredDown }) => {
        const p = layout.get(id);
        if (!p) return null;
        const count = keys.get(id) ?? 0;
        const name = r.nodeStageName(String(id), r.roles[role], fmtInt(count, lang), alive);
        const color = nodeColor(id);
        const down = role === 'down';
        const lab = outside(p, nodeR, labelSize);
        return (
          <g
            key={id}
            className={`node ring-node role-${role} ${alive ? '' : 'crashed'} ${selected === id ? 'selected' : ''}`}
            data-node={id}
            data-role={role}
            data-alive={String(alive)}
            data-keys={count}
            data-declared-down={declaredDown ? 'true' : undefined}
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
                const m = meters.current.get(id) ?? { arc: null, text: null, step: NaN, words: '', cls: '' };
                // A new element shows nothing yet: draw it at the next frame whatever the level.
                if (el !== m.arc) {
                  m.step = NaN;
                  m.cls = '';
                }
                m.arc = el;
                meters.current.set(id, m);
              }}
              className="ring-meter"
            />
            <circle
              r={nodeR}
              className="ring-node-disc"
              fill={down ? 'var(--down-fill)' : color}
              stroke={down ? 'var(--down-stroke)' : 'var(--text)'}
              strokeWidth={down ? 2 : 1.5}
              strokeDasharray={down || !alive ? '5 3' : undefined}
              opacity={!down && !alive ? 0.55 : 1}
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
              {down ? r.roles.down : alive ? fmtInt(count, lang) : r.crashedShort}
            </text>{' '}
            <text
              ref={(el) => {
                const m = meters.current.get(id) ?? { arc: null, text: null, step: NaN, words: '', cls: '' };
                if (el !== m.text) m.words = '';
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
});

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

