/**
 * The ring's geometry in SVG user units, pure functions of what the worker sent: a 32-bit
 * position p at angle 2πp/2³² (0 at the top, clockwise, as d3's pointRadial and arc take
 * angles), the ownership arcs from one point to the next, the members spaced around the
 * outside, the keys' radial bands, a stable colour per node, and the failure detector's
 * suspicion at a time. Nothing here decides protocol behaviour.
 */
import { pointRadial, rgb } from 'd3';
import { phi } from '../../../core/hashring/detector';
import type { SuspicionView } from '../../../core/hashring/types';
import { termColor } from '../../palette';
import { CENTER, type Point } from '../../stage/geometry';

/** 2³²: positions are unsigned 32-bit. */
export const RING_SIZE = 4294967296;
/** The ring drawn in the middle of the stage: the shared centre, so messages to the hub (id 0, drawn at CENTER) meet the router. */
export const RING_C = CENTER;
export const RING_R = 140;
/** Width of the ownership arcs (centred on RING_R). */
export const ARC_W = 9;
/** The keys' band, inside the ring: three sub-bands, one per owner (by the owner's place among the members, mod 3). */
export const KEY_R0 = 86;
export const KEY_R1 = 128;
export const KEY_BANDS = 3;
/** The members sit on this circle, outside the ring. */
export const NODE_RING_R = 188;
export const RING_NODE_R = 20;
/** The router in the centre. */
export const ROUTER_R = 36;

/** Angle of a ring position: 0 at the top, clockwise, in radians. */
export function angleOf(pos: number): number {
  return (2 * Math.PI * pos) / RING_SIZE;
}

/** A point at angle a (radians, 0 up, clockwise) and radius r around the ring's centre. */
export function at(a: number, r: number): Point {
  const [x, y] = pointRadial(a, r);
  return { x: RING_C.x + x, y: RING_C.y + y };
}

/**
 * A node's colour: the project's one categorical palette keyed by node id (src/ui/palette.ts),
 * as the side panel's charts colour it. It repeats past ten nodes, so nodes and long arcs are
 * always labelled too.
 */
export function nodeColor(id: number): string {
  return termColor(id);
}

/** A node's colour as [r, g, b] (for the canvas's pixel writes). */
export function nodeRgb(id: number): [number, number, number] {
  const c = rgb(nodeColor(id));
  return [c.r, c.g, c.b];
}

/**
 * How the members are drawn: their circles' radius and how much wider than tall their
 * ellipse is. Large type draws larger nodes and, in an embed (whose height binds), spreads
 * them across into width it would leave empty, so their larger labels stay apart. The ring
 * itself stays a circle: its angles are the hash positions.
 */
export interface MemberShape {
  r: number;
  sx: number;
}

export function memberShape(embed: boolean, large: boolean): MemberShape {
  if (!large) return { r: RING_NODE_R, sx: 1 };
  return { r: RING_NODE_R * 1.4, sx: embed ? 1.55 : 1.2 };
}

/** Where each member sits: evenly spaced, in id order, clockwise from the top, on an ellipse `sx` times wider than tall. */
export function memberLayout(members: readonly number[], sx = 1): Map<number, Point> {
  const out = new Map<number, Point>();
  members.forEach((id, i) => {
    const p = at((2 * Math.PI * i) / members.length, NODE_RING_R);
    out.set(id, { x: RING_C.x + (p.x - RING_C.x) * sx, y: p.y });
  });
  return out;
}

/** One node's stretch of the ring: from the previous point (exclusive) to its own point, as angles. */
export interface OwnedArc {
  node: number;
  start: number;
  end: number;
}

/**
 * The ownership arcs of a ring: point i owns (positions[i-1], positions[i]], the first
 * point wraps around from the last. Consecutive points of one node merge into one arc, so
 * 10 × 1,000 points draw as a few thousand paths, not ten thousand.
 */
export function ownedArcs(positions: ArrayLike<number>, owners: ArrayLike<number>): OwnedArc[] {
  const n = positions.length;
  if (n === 0) return [];
  if (n === 1) return [{ node: owners[0], start: 0, end: 2 * Math.PI }];
  const out: OwnedArc[] = [];
  for (let i = 0; i < n; i++) {
    const prev = i === 0 ? positions[n - 1] - RING_SIZE : positions[i - 1];
    const start = angleOf(prev);
    const end = angleOf(positions[i]);
    const last = out[out.length - 1];
    if (last && last.node === owners[i] && Math.abs(last.end - start) < 1e-12) last.end = end;
    else out.push({ node: owners[i], start, end });
  }
  // The wrap: the first arc starts before 0; merge it with the last when one node owns both.
  if (out.length > 1 && out[0].node === out[out.length - 1].node) {
    const last = out.pop() as OwnedArc;
    out[0].start = last.start - 2 * Math.PI;
  }
  return out;
}

/** A deterministic number in [0, 1) per key index (Knuth's multiplicative hash), to spread keys across their band. */
export function jitter(i: number): number {
  return (Math.imul(i + 1, 2654435761) >>> 0) / RING_SIZE;
}

/** The radius a key is drawn at, owned by the member at `slot` (its index among the members). */
export function keyRadius(i: number, slot: number): number {
  const band = (KEY_R1 - KEY_R0) / KEY_BANDS;
  const b = ((slot % KEY_BANDS) + KEY_BANDS) % KEY_BANDS;
  return KEY_R0 + band * (b + 0.15 + 0.7 * jitter(i));
}

export interface Detector {
  kind: 'timeout' | 'phi';
  phiThreshold: number;
  timeoutMs: number;
  minStdDevMs: number;
}

export interface SuspicionLevel {
  /** 0 (just heard) .. 1 (declared down): φ / threshold, or silence / timeout (as query('suspicion') defines it). */
  level: number;
  /** φ now (phi), or ms of silence (timeout). */
  value: number;
  /** φ's threshold (phi) or the timeout in ms (timeout). */
  limit: number;
}

/**
 * How suspicious the router is of a member at time t, from what the frame sent (the last
 * heartbeat, the window's mean and deviation): φ by the detector's own function
 * (src/core/hashring/detector.ts), so the meter moves with the frame clock between frames
 * and fills exactly when the router declares the node down.
 */
export function suspicionAt(s: SuspicionView, t: number, d: Detector): SuspicionLevel {
  const limit = d.kind === 'phi' ? d.phiThreshold : d.timeoutMs;
  if (s.declaredDown) return { level: 1, value: limit, limit };
  if (s.lastHeartbeatAt < 0) return { level: 0, value: 0, limit };
  const silent = Math.max(0, t - s.lastHeartbeatAt);
  if (d.kind === 'timeout') return { level: Math.min(1, silent / d.timeoutMs), value: silent, limit };
  if (s.samples === 0) return { level: 0, value: 0, limit };
  const f = phi(silent, s.meanIntervalMs, Math.max(s.stdDevMs, d.minStdDevMs, 1e-3));
  return { level: Math.min(1, f / d.phiThreshold), value: Math.min(f, d.phiThreshold), limit };
}

/** The drawing's extent: the members' circle (labels beside the top and bottom nodes, outside the side ones). */
export function ringViewBox(labelSize: number, shape: MemberShape = { r: RING_NODE_R, sx: 1 }): { x: number; y: number; w: number; h: number } {
  const ry = NODE_RING_R + Math.max(shape.r + 12, labelSize * 1.7) + 2;
  // The side nodes' labels (keys, and the meter's "103/300 ms" under them) need about six
  // characters' width, more in Chinese ("毫秒"); 4.2 em cut them off in the lesson embeds.
  const rx = NODE_RING_R * shape.sx + shape.r + 10 + labelSize * 6;
  return { x: RING_C.x - rx, y: RING_C.y - ry, w: 2 * rx, h: 2 * ry };
}
