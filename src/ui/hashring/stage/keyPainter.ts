/**
 * The key canvas's painter, apart from React and from any thread: it owns the settled
 * picture of one ring version and animates the keys that moved, told only what changed
 * (the keys' hashes once per scenario, a layout once per ring version, the pixel map on a
 * resize) and driven by `frame(now)` from whoever has a clock — the paint worker's own
 * requestAnimationFrame (src/worker/paint.worker.ts, with the canvas transferred to it by
 * transferControlToOffscreen) or, where OffscreenCanvas is missing, the page's. It has no
 * timer, DOM or clock of its own, so Vitest drives it with a fake surface and hand-picked
 * times. What it did is reported back as data (PaintReport): the main thread learns from
 * it the version drawn, how many keys moved and when they settled (the canvas's data-*).
 */
import type { RingLayout } from '../../../core/hashring/types';
import type { ArcShapes } from './RingArcs';
import { nodeColor, RING_C } from './ringGeometry';
import { groupMoves, keyDirections, movedKeys, moveBox, paintArcs, paintMovingPixels, paintSettled, RASTER_BAND_POINTS, type Ctx2D, type MoveGroup, type PixelBox, type PixelMap } from './keyPaint';

/** A move's length in wall-clock ms (see KeyCanvas: a ring change is one instant of virtual time). */
export const MOVE_MS = 600;

/** The part of a layout the painter reads (what crosses to the paint worker). */
export type PaintLayout = Pick<RingLayout, 'version' | 'keys' | 'replicas' | 'owners' | 'positions' | 'pointOwners'>;

/** What the main thread tells the painter. */
export type PaintInput =
  /** Every key's 32-bit position; sent once per scenario's keys. */
  | { kind: 'hashes'; hashes: Uint32Array }
  | {
      kind: 'draw';
      /** The ring version to draw; absent: the one drawn last (a resize, a theme change). */
      layout?: PaintLayout;
      /** Each member's place among the members (keyPaint.slotsOf), by node id. */
      slots: Int16Array;
      map: PixelMap;
      /** Reduced motion: no animation, the new picture at once. */
      reduced: boolean;
      /** A sparse ring's arcs and ticks (null for a dense ring: its band is painted as pixels). */
      arcs: ArcShapes | null;
      /** The theme's surface and text colours (the arcs' outline and the ticks). */
      surface: string;
      text: string;
    };

/** What the painter tells the main thread. */
export type PaintReport =
  /**
   * A version is on the canvas: `moving` keys changed primary owner since the version drawn
   * before it (0 for a first picture, a new scenario or a redraw of the same version) and are
   * animating towards it unless `animating` is false; `fresh`: the draw brought a new layout
   * (not a resize or a theme change).
   */
  | { kind: 'drawn'; version: number; moving: number; animating: boolean; fresh: boolean }
  /**
   * The move towards `version` is over: every key is in place. `frames`: how many frames the
   * move drew (the landing included); `maxGapMs`: the longest time between two of them, by
   * the painter's clock — the key animation's own smoothness, whatever the page's is.
   */
  | { kind: 'settled'; version: number; frames: number; maxGapMs: number };

/** One canvas: its pixel size (set by the painter) and its 2D context. */
export interface Surface {
  canvas: { width: number; height: number };
  ctx: Ctx2D;
}

interface Drawn {
  layout: PaintLayout;
  slots: Int16Array;
}

/** What a picture is painted from (kept to repaint it whole when a move lands). */
type Picture = Omit<Extract<PaintInput, { kind: 'draw' }>, 'kind' | 'layout' | 'reduced'> & { layout: PaintLayout };

interface Move {
  t0: number;
  picture: Picture;
  groups: MoveGroup[];
  prevSlots: Int16Array;
  /** The overlay's pixels a frame can touch, and that box's pixels (one word each) with the ImageData they are a view of. */
  box: PixelBox;
  img: ImageData;
  px: Uint32Array;
  version: number;
  /** Frames drawn, the last one's time, the longest gap between two. */
  frames: number;
  last: number;
  maxGap: number;
}

export class KeyPainter {
  private dirs: Float32Array | null = null;
  private drawn: Drawn | null = null;
  private move: Move | null = null;

  /**
   * `keys` holds the settled picture; `overlay`, over it, only the moving keys, so a frame
   * of a move repaints only them. `report` hears what was drawn.
   */
  constructor(
    private readonly keys: Surface,
    private readonly overlay: Surface,
    private readonly report: (r: PaintReport) => void,
  ) {}

  /** A move is under way: call frame() at the next animation frame. */
  get animating(): boolean {
    return this.move !== null;
  }

  handle(msg: PaintInput): void {
    if (msg.kind === 'hashes') {
      this.dirs = keyDirections(msg.hashes);
      return;
    }
    this.draw(msg);
  }

  private draw(msg: Extract<PaintInput, { kind: 'draw' }>): void {
    const layout = msg.layout ?? this.drawn?.layout;
    const dirs = this.dirs;
    if (!layout || !dirs) return;
    const before = this.drawn;
    const { map, slots } = msg;
    // Animate only a change of ring version between two pictures of the same keys; a resize or a new scenario repaints.
    const from = msg.layout && before && before.layout.version !== layout.version && before.layout.keys === layout.keys ? before.layout : null;
    const moved = from ? movedKeys(from as RingLayout, layout as RingLayout) : new Uint32Array(0);
    const prevSlots = before?.slots ?? slots;
    this.drawn = { layout, slots };
    this.move = null;
    for (const s of [this.keys, this.overlay]) {
      s.canvas.width = map.w;
      s.canvas.height = map.h;
    }
    const picture: Picture = { layout, slots, map, arcs: msg.arcs, surface: msg.surface, text: msg.text };
    const groups = from !== null && moved.length > 0 && !msg.reduced ? groupMoves(moved, from as RingLayout, layout as RingLayout) : [];
    const box = groups.length > 0 ? moveBox(map, dirs, groups, prevSlots, slots) : null;
    const animate = box !== null;
    let skip: Uint8Array | null = null;
    if (animate) {
      skip = new Uint8Array(layout.keys);
      for (const i of moved) skip[i] = 1;
    }
    this.paint(picture, skip);
    this.report({ kind: 'drawn', version: layout.version, moving: moved.length, animating: animate, fresh: msg.layout !== undefined });
    if (!box) return;
    const img = this.overlay.ctx.createImageData(box.w, box.h);
    this.move = { t0: -1, picture, groups, prevSlots, box, img, px: new Uint32Array(img.data.buffer, img.data.byteOffset, box.w * box.h), version: layout.version, frames: 0, last: 0, maxGap: 0 };
  }

  /** The settled picture of one version, whole ('skip' keys left out: they are moving). */
  private paint(p: Picture, skip: Uint8Array | null): void {
    const ctx = this.keys.ctx;
    const { layout, map } = p;
    paintSettled(ctx, map, this.dirs!, layout as RingLayout, p.slots, skip);
    // A dense ring's band is already in the settled picture, as pixels (keyPaint.paintBand).
    if (!p.arcs || layout.positions.length > RASTER_BAND_POINTS) return;
    ctx.setTransform(map.s, 0, 0, map.s, map.ox + RING_C.x * map.s, map.oy + RING_C.y * map.s);
    paintArcs(ctx, p.arcs, nodeColor, p.surface || '#fff', p.text || '#000');
    ctx.setTransform(1, 0, 0, 1, 0, 0);
  }

  /**
   * One animation frame at `now` (ms, any monotonic clock). Returns whether another frame is
   * wanted; the last one folds the moved keys into the settled picture and reports it.
   */
  frame(now: number): boolean {
    const m = this.move;
    const dirs = this.dirs;
    if (!m || !dirs) return false;
    if (m.t0 < 0) m.t0 = now;
    else m.maxGap = Math.max(m.maxGap, now - m.last);
    m.last = now;
    m.frames++;
    const f = Math.min(1, (now - m.t0) / MOVE_MS);
    const octx = this.overlay.ctx;
    if (f < 1) {
      paintMovingPixels(m.px, m.box, m.picture.map, dirs, m.groups, m.prevSlots, m.picture.slots, f);
      octx.putImageData(m.img, m.box.x, m.box.y);
      return true;
    }
    // Landed: the overlay is emptied and the settled picture painted whole, every key in
    // place — the very picture this version gets when drawn afresh.
    octx.clearRect(m.box.x, m.box.y, m.box.w, m.box.h);
    this.paint(m.picture, null);
    this.move = null;
    this.report({ kind: 'settled', version: m.version, frames: m.frames, maxGapMs: Math.round(m.maxGap * 10) / 10 });
    return false;
  }
}
