/**
 * Painting keys on a canvas, apart from React: the settled picture of one ring version as
 * pixels (100,000 keys in a few ms, so once per version is cheap), and the keys that
 * changed primary owner, each from its old owner's colour and band to its new owner's.
 */
import type { RingLayout } from '../../../core/hashring/types';
import type { ArcShapes } from './RingArcs';
import { angleOf, ARC_W, keyRadius, nodeRgb, RING_C, RING_R, RING_SIZE } from './ringGeometry';

/**
 * Above this many points the ownership arcs are painted as pixels into the settled picture
 * (one owner per angular pixel), not as vector arcs: 10 × 1,000 arcs are a tenth of a pixel
 * each, and filling them as paths took ~75 ms of the main thread per ring change.
 */
export const RASTER_BAND_POINTS = 2000;

/** The canvas operations painting uses: a page's canvas or an OffscreenCanvas (in the paint worker). */
export type Ctx2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** From stage units to canvas pixels (the SVG's viewBox with preserveAspectRatio "xMidYMid meet"). */
export interface PixelMap {
  s: number;
  ox: number;
  oy: number;
  w: number;
  h: number;
  /** Side of a key's square dot, px. */
  dot: number;
}

export function pixelMap(cssW: number, cssH: number, dpr: number, vb: { x: number; y: number; w: number; h: number }): PixelMap {
  const w = Math.max(1, Math.round(cssW * dpr));
  const h = Math.max(1, Math.round(cssH * dpr));
  const s = Math.min(w / vb.w, h / vb.h);
  return { s, ox: (w - vb.w * s) / 2 - vb.x * s, oy: (h - vb.h * s) / 2 - vb.y * s, w, h, dot: Math.max(1, Math.round(1.6 * dpr)) };
}

/** Each key's direction (sin, cos of its angle), fixed for a scenario's keys. */
export function keyDirections(hashes: ArrayLike<number>): Float32Array {
  const out = new Float32Array(hashes.length * 2);
  for (let i = 0; i < hashes.length; i++) {
    const a = angleOf(hashes[i]);
    out[2 * i] = Math.sin(a);
    out[2 * i + 1] = Math.cos(a);
  }
  return out;
}

/** Each node's place among the members (its key band), by node id; -1 for none. */
export function slotsOf(members: readonly number[], capacity = 256): Int16Array {
  const out = new Int16Array(capacity).fill(-1);
  members.forEach((id, i) => {
    if (id < capacity) out[id] = i;
  });
  return out;
}

/** Keys whose primary owner (rank 0) differs between two layouts of the same keys. */
export function movedKeys(prev: RingLayout, next: RingLayout): Uint32Array {
  const R0 = prev.replicas;
  const R1 = next.replicas;
  const n = Math.min(prev.keys, next.keys);
  let count = 0;
  for (let i = 0; i < n; i++) if (prev.owners[i * R0] !== next.owners[i * R1]) count++;
  const out = new Uint32Array(count);
  let j = 0;
  for (let i = 0; i < n; i++) if (prev.owners[i * R0] !== next.owners[i * R1]) out[j++] = i;
  return out;
}

/** The settled picture: every key at its hash, in its primary owner's colour and band; `skip` keys are left out (they are moving). */
export function paintSettled(
  ctx: Ctx2D,
  map: PixelMap,
  dirs: Float32Array,
  layout: RingLayout,
  slots: Int16Array,
  skip: Uint8Array | null,
): void {
  const img = ctx.createImageData(map.w, map.h);
  const px = img.data;
  const R = layout.replicas;
  const colors = new Map<number, [number, number, number]>();
  const d = map.dot;
  const half = d / 2;
  const n = Math.min(layout.keys, dirs.length / 2);
  for (let i = 0; i < n; i++) {
    const o = layout.owners[i * R];
    if (o === 0 || (skip && skip[i])) continue;
    let c = colors.get(o);
    if (!c) {
      c = nodeRgb(o);
      colors.set(o, c);
    }
    const r = keyRadius(i, slots[o]);
    const x0 = Math.round(map.ox + (RING_C.x + r * dirs[2 * i]) * map.s - half);
    const y0 = Math.round(map.oy + (RING_C.y - r * dirs[2 * i + 1]) * map.s - half);
    for (let dy = 0; dy < d; dy++) {
      const y = y0 + dy;
      if (y < 0 || y >= map.h) continue;
      for (let dx = 0; dx < d; dx++) {
        const x = x0 + dx;
        if (x < 0 || x >= map.w) continue;
        const k = (y * map.w + x) * 4;
        px[k] = c[0];
        px[k + 1] = c[1];
        px[k + 2] = c[2];
        px[k + 3] = 255;
      }
    }
  }
  if (layout.positions.length > RASTER_BAND_POINTS) paintBand(px, map, layout, colors);
  ctx.putImageData(img, 0, 0);
}

/**
 * The ownership band as pixels: for each angular step around the ring (two per pixel of
 * circumference), the owner of that position (the first point clockwise, by binary search),
 * drawn across the band's width.
 */
function paintBand(px: Uint8ClampedArray, map: PixelMap, layout: RingLayout, colors: Map<number, [number, number, number]>): void {
  const pos = layout.positions;
  const own = layout.pointOwners;
  const n = pos.length;
  const r0 = (RING_R - ARC_W / 2) * map.s;
  const r1 = (RING_R + ARC_W / 2) * map.s;
  const cx = map.ox + RING_C.x * map.s;
  const cy = map.oy + RING_C.y * map.s;
  const steps = Math.ceil(2 * Math.PI * r1 * 2);
  for (let k = 0; k < steps; k++) {
    const p = Math.floor(((k + 0.5) / steps) * RING_SIZE);
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pos[mid] < p) lo = mid + 1;
      else hi = mid;
    }
    const o = own[lo === n ? 0 : lo];
    let c = colors.get(o);
    if (!c) {
      c = nodeRgb(o);
      colors.set(o, c);
    }
    const a = angleOf(p);
    const sx = Math.sin(a);
    const cy0 = Math.cos(a);
    for (let r = r0; r <= r1; r += 0.5) {
      const x = Math.round(cx + r * sx);
      const y = Math.round(cy - r * cy0);
      if (x < 0 || x >= map.w || y < 0 || y >= map.h) continue;
      const i = (y * map.w + x) * 4;
      px[i] = c[0];
      px[i + 1] = c[1];
      px[i + 2] = c[2];
      px[i + 3] = 255;
    }
  }
}

/** Moving keys grouped by (old owner, new owner): one fill colour per group per frame. */
export interface MoveGroup {
  from: number;
  to: number;
  keys: number[];
}

export function groupMoves(moved: Uint32Array, prev: RingLayout, next: RingLayout): MoveGroup[] {
  const groups = new Map<number, MoveGroup>();
  for (const i of moved) {
    const from = prev.owners[i * prev.replicas];
    const to = next.owners[i * next.replicas];
    const k = from * 256 + to;
    let g = groups.get(k);
    if (!g) {
      g = { from, to, keys: [] };
      groups.set(k, g);
    }
    g.keys.push(i);
  }
  return [...groups.values()];
}

/** Smooth in and out. */
export function ease(t: number): number {
  return t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
}

/** How far (stage units) a moving key is lifted outwards mid-way. */
export const MOVE_LIFT = 10;

/** A rectangle of canvas pixels. */
export interface PixelBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** ImageData's bytes are R, G, B, A in memory: as one 32-bit word that depends on the platform's byte order. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** An opaque colour as one pixel word of a Uint32Array over ImageData bytes. */
export function pixelWord(c: readonly [number, number, number]): number {
  return LITTLE_ENDIAN ? ((255 << 24) | (c[2] << 16) | (c[1] << 8) | c[0]) >>> 0 : ((c[0] << 24) | (c[1] << 16) | (c[2] << 8) | 255) >>> 0;
}

/** A moving key's dot side at progress f: drawn twice as large while it flies, its settled size once landed. */
function movingDot(map: PixelMap, f: number): number {
  return map.dot * (f < 1 ? 2 : 1);
}

/**
 * The pixels every frame of a move can touch: the box around each moving key's dot at its
 * old radius and at its new one lifted by MOVE_LIFT (a key's pixel position is linear in its
 * radius, so those two ends bound its path), clipped to the canvas; null when nothing lands
 * on it. Computed once per move, so a frame writes and hands over only this box.
 */
export function moveBox(map: PixelMap, dirs: Float32Array, groups: readonly MoveGroup[], prevSlots: Int16Array, slots: Int16Array): PixelBox | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  const pad = movingDot(map, 0) / 2 + 1;
  for (const g of groups) {
    if (g.to === 0) continue;
    for (const i of g.keys) {
      const r0 = keyRadius(i, prevSlots[g.from] ?? 0);
      const r1 = keyRadius(i, slots[g.to]);
      for (const r of [Math.min(r0, r1), Math.max(r0, r1) + MOVE_LIFT]) {
        const x = map.ox + (RING_C.x + r * dirs[2 * i]) * map.s;
        const y = map.oy + (RING_C.y - r * dirs[2 * i + 1]) * map.s;
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  const bx0 = Math.max(0, Math.floor(x0 - pad));
  const by0 = Math.max(0, Math.floor(y0 - pad));
  const bx1 = Math.min(map.w, Math.ceil(x1 + pad));
  const by1 = Math.min(map.h, Math.ceil(y1 + pad));
  return bx1 > bx0 && by1 > by0 ? { x: bx0, y: by0, w: bx1 - bx0, h: by1 - by0 } : null;
}

/**
 * The moving keys at progress f ∈ [0, 1], as pixel writes into `px` (the pixels of `box`,
 * one word each, cleared first): colour from the old owner's to the new one's, radius from
 * the old band to the new, lifted outwards mid-way and drawn larger, so a move reads by
 * motion and size as well as colour. Whole-pixel squares like the settled picture's dots —
 * ten thousand fillRects, each rasterized anti-aliased at every frame, took the paint worker
 * ~25 ms a frame in software; this is one pass over the keys and one putImageData of the box.
 */
export function paintMovingPixels(
  px: Uint32Array,
  box: PixelBox,
  map: PixelMap,
  dirs: Float32Array,
  groups: readonly MoveGroup[],
  prevSlots: Int16Array,
  slots: Int16Array,
  f: number,
): void {
  px.fill(0);
  const e = ease(f);
  const lift = Math.sin(Math.PI * f) * MOVE_LIFT;
  const d = movingDot(map, f);
  const half = d / 2;
  for (const g of groups) {
    if (g.to === 0) continue;
    const c0 = nodeRgb(g.from || g.to);
    const c1 = nodeRgb(g.to);
    const word = pixelWord([0, 1, 2].map((k) => Math.round(c0[k] + (c1[k] - c0[k]) * e)) as [number, number, number]);
    for (const i of g.keys) {
      const r0 = keyRadius(i, prevSlots[g.from] ?? 0);
      const r1 = keyRadius(i, slots[g.to]);
      const r = r0 + (r1 - r0) * e + lift;
      const x0 = Math.round(map.ox + (RING_C.x + r * dirs[2 * i]) * map.s - half) - box.x;
      const y0 = Math.round(map.oy + (RING_C.y - r * dirs[2 * i + 1]) * map.s - half) - box.y;
      for (let dy = 0; dy < d; dy++) {
        const y = y0 + dy;
        if (y < 0 || y >= box.h) continue;
        const row = y * box.w;
        for (let dx = 0; dx < d; dx++) {
          const x = x0 + dx;
          if (x >= 0 && x < box.w) px[row + x] = word;
        }
      }
    }
  }
}

/** Into a canvas already transformed so that one unit is one stage unit with the ring's centre at the origin. */
export function paintArcs(ctx: Ctx2D, shapes: ArcShapes, color: (id: number) => string, surface: string, text: string): void {
  ctx.lineWidth = 0.6;
  ctx.strokeStyle = surface;
  const r0 = RING_R - ARC_W / 2;
  const r1 = RING_R + ARC_W / 2;
  // Canvas angles start at 3 o'clock: a quarter turn before the ring's 0 at the top.
  const q = Math.PI / 2;
  for (const [id, s] of shapes.byNode) {
    ctx.beginPath();
    for (let i = 0; i < s.arcs.length; i += 2) {
      const a0 = s.arcs[i] - q;
      const a1 = s.arcs[i + 1] - q;
      ctx.moveTo(r1 * Math.cos(a0), r1 * Math.sin(a0));
      ctx.arc(0, 0, r1, a0, a1);
      ctx.arc(0, 0, r0, a1, a0, true);
      ctx.closePath();
    }
    ctx.fillStyle = color(id);
    ctx.fill();
    ctx.stroke();
  }
  ctx.globalAlpha = 0.55;
  ctx.strokeStyle = text;
  ctx.lineWidth = 0.8;
  for (const [, s] of shapes.byNode) if (s.ticks) ctx.stroke(new Path2D(s.ticks));
  ctx.globalAlpha = 1;
}
