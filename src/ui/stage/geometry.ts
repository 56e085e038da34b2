/**
 * Stage geometry in SVG user units: nodes on a circle (d3.pointRadial), message positions
 * along links by virtual time, what a link's state is. Pure functions of what the worker
 * sent; nothing here decides protocol behaviour.
 */
import { pointRadial } from 'd3';
import type { MessageView, NetworkView } from '../../sim/api';

export const STAGE_W = 640;
export const STAGE_H = 440;
export const CENTER = { x: STAGE_W / 2, y: STAGE_H / 2 - 4 };
export const NODE_R = 30;
/** Messages travel this far to the right of their direction, so the two directions of a link separate. */
export const LANE_OFFSET = 5;

export interface Point {
  x: number;
  y: number;
}

/** How much flatter than wide the ring is: stages (and slides) are wider than tall, and the labels hang below the nodes. */
export const RING_SQUASH = 0.78;

/** Node positions by id, clockwise from the top, on an ellipse a little flatter than a circle. */
export function circleLayout(count: number, spread: number | { x: number; y: number } = 1): Map<number, Point> {
  // Seven nodes sit further apart, so the labels under one clear the next circle; large
  // type spreads the ring too (`spread`, one factor or one across and one down), for its
  // larger labels.
  const sx = typeof spread === 'number' ? spread : spread.x;
  const sy = typeof spread === 'number' ? spread : spread.y;
  const ringR = count <= 3 ? 120 : count <= 5 ? 152 : 178;
  const squash = count <= 3 ? 1 : RING_SQUASH;
  const out = new Map<number, Point>();
  for (let i = 0; i < count; i++) {
    const [x, y] = pointRadial((2 * Math.PI * i) / count, ringR);
    out.set(i + 1, { x: CENTER.x + x * sx, y: CENTER.y + y * squash * sy });
  }
  return out;
}

/** Where an actor sits: a node on the ring, a client in the middle. */
export function actorPos(layout: Map<number, Point>, id: number): Point {
  return layout.get(id) ?? CENTER;
}

/** The lane of a message from `a` to `b`: edge of a's circle to edge of b's, shifted right. */
export function lane(a: Point, b: Point, ra: number, rb: number): { start: Point; end: Point; ux: number; uy: number } {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  // Right-hand normal of the direction (SVG y grows downwards).
  const nx = -uy * LANE_OFFSET;
  const ny = ux * LANE_OFFSET;
  return {
    start: { x: a.x + ux * ra + nx, y: a.y + uy * ra + ny },
    end: { x: b.x - ux * rb + nx, y: b.y - uy * rb + ny },
    ux,
    uy,
  };
}

/** How far along its trip a message is at virtual time t, in [0, 1]. */
export function progress(m: Pick<MessageView, 'sentAt' | 'at'>, t: number): number {
  if (m.at <= m.sentAt) return 1;
  return Math.min(1, Math.max(0, (t - m.sentAt) / (m.at - m.sentAt)));
}

/** Opacity of a message that will not arrive: full until 60 % of the way, then fading out where it dies. */
export function doomedOpacity(f: number): number {
  return f < 0.6 ? 1 : Math.max(0.12, 1 - ((f - 0.6) / 0.4) * 0.88);
}

/** Fraction of a timer left at time t (1 = just armed, 0 = firing). */
export function timerLeft(setAt: number, at: number, t: number): number {
  if (at <= setAt) return 0;
  return Math.min(1, Math.max(0, (at - t) / (at - setAt)));
}

/** Whether the network as shown separates `from` from `to` (a cut of that direction or a partition). */
export function linkDown(net: NetworkView, from: number, to: number): boolean {
  if (net.cuts.some(([f, t]) => f === from && t === to)) return true;
  return partitioned(net, from, to);
}

/** Whether the partition in force puts a and b on different sides (unlisted nodes are alone). */
export function partitioned(net: NetworkView, a: number, b: number): boolean {
  if (!net.partition) return false;
  const ga = net.partition.findIndex((g) => g.includes(a));
  const gb = net.partition.findIndex((g) => g.includes(b));
  if (ga === -1 || gb === -1) return true;
  return ga !== gb;
}

/** Partition sides to shade: the listed groups plus each unlisted node alone. */
export function partitionSides(net: NetworkView, nodeCount: number): number[][] {
  if (!net.partition) return [];
  const listed = new Set(net.partition.flat());
  const sides = net.partition.map((g) => [...g]);
  for (let id = 1; id <= nodeCount; id++) if (!listed.has(id)) sides.push([id]);
  return sides;
}

/** The full app's smallest drawing extent (stage units): about the old fixed stage's scale. */
export const FULL_MIN_VIEW = { w: 560, h: 420 };

/** How much further apart the nodes sit in large type. */
export const LARGE_SPREAD = 1.2;

/** How far the ring is spread, across and down (1 = as laid out for normal type). */
export interface Spread {
  x: number;
  y: number;
}

/**
 * The ring's spread in large type. The full app has room and spreads it both ways. An
 * embed's box is fixed and the drawing scales to fit it, so spreading where the box is
 * tight only shrinks the drawing (and its labels) again: the embed does not spread the
 * ring downwards (its height is what binds an 800×450 box); a stage alone in the box
 * (no state view beside it, `wide`) spreads it across instead, into width it would
 * leave empty, so the larger labels under neighbouring nodes stay apart.
 */
export function largeSpread(embed: boolean, wide: boolean): Spread {
  if (!embed) return { x: LARGE_SPREAD, y: LARGE_SPREAD };
  return { x: wide ? WIDE_EMBED_SPREAD : 1, y: 1 };
}
/** How much wider the ring is in large type in an embed where the stage is alone. */
export const WIDE_EMBED_SPREAD = 1.6;

/** Font sizes of the stage's labels, in SVG user units (the viewBox scales them to pixels). */
export interface StageText {
  /** The node id in the middle of the circle. */
  id: number;
  /** Role label and vote count under the node. */
  label: number;
  /** The term pill. */
  term: number;
  /** Message marks (✓ ✗ ×2). */
  glyph: number;
  /** The "client" label under the client's mark in the middle of the ring. */
  client: number;
}

/**
 * Label sizes per layout. An 800×450 embed scales the drawing to about 0.8 px per unit (less
 * beside the state view), so its labels are larger in units to stay ≥ 14 px on screen. Large
 * type multiplies everything by 1.6 (1.7 in an embed, whose drawing refits into the same
 * box and so gives some of it back); with largeSpread's ring the labels end ≥ 1.25× larger
 * on screen (checked in tests/e2e/stage.spec.ts, the full app and 800×450 embeds).
 */
export function stageText(embed: boolean, large: boolean): StageText {
  const base = embed ? { id: 27, label: 18.5, term: 18.5, glyph: 13, client: 18.5 } : { id: 24, label: 13, term: 12.5, glyph: 11, client: 12 };
  const k = large ? (embed ? 1.7 : 1.6) : 1;
  return { id: base.id * k, label: base.label * k, term: base.term * k, glyph: base.glyph * k, client: base.client * k };
}

/** Where the lines under a node sit (their centres, from the node's centre), for a node of radius r. */
export function underNode(r: number, text: StageText): { role: number; term: number; votes: number; bottom: number } {
  const role = r + 9.5 + text.label * 0.55;
  const term = role + text.label * 0.55 + 3 + text.term * 0.7;
  const votes = term + text.term * 0.7 + 2 + text.label * 0.55;
  return { role, term, votes, bottom: votes + text.label * 0.55 };
}

/** Half the width the widest label under a node may take ("pre-candidate", "2/3 votes"). */
export function labelHalfWidth(text: StageText): number {
  return Math.max(NODE_R + 14, text.label * 3.7);
}

/**
 * The part of the stage the drawing needs (nodes, their labels, the client in the middle), as
 * a viewBox, at least `min` large (centred), so a roomy full-size stage does not blow a small
 * cluster up; an embed passes no minimum and gets the largest drawing its box allows.
 */
export function fitViewBox(layout: Map<number, Point>, text: StageText, min = { w: 0, h: 0 }): { x: number; y: number; w: number; h: number } {
  if (layout.size === 0) return { x: 0, y: 0, w: STAGE_W, h: STAGE_H };
  const hw = labelHalfWidth(text);
  const below = underNode(NODE_R, text).bottom;
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const p of layout.values()) {
    x0 = Math.min(x0, p.x - hw);
    x1 = Math.max(x1, p.x + hw);
    // Above: the focus ring and the leader's badge.
    y0 = Math.min(y0, p.y - NODE_R - 16);
    y1 = Math.max(y1, p.y + below);
  }
  const m = 6;
  const w = x1 - x0 + 2 * m;
  const h = y1 - y0 + 2 * m;
  const W = Math.max(w, min.w);
  const H = Math.max(h, min.h);
  return { x: x0 - m - (W - w) / 2, y: y0 - m - (H - h) / 2, w: W, h: H };
}
