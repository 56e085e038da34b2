/**
 * The key canvas's painter (keyPainter.ts), driven as the paint worker drives it — input
 * messages, then frame(now) at hand-picked times — on fake surfaces that keep the pixels
 * written (putImageData) and the dots filled (fillRect). Checked: the settled picture holds
 * every key in its owner's colour and leaves out exactly the keys that move; the overlay
 * carries only those, and clears when they land in the settled picture at MOVE_MS; what the
 * painter reports (version, moved count, animating, fresh) and what the canvas's data-*
 * then say; and the typed arrays handed across threads are copies (transfer leaves the
 * query cache's originals whole).
 */
import { describe, expect, it } from 'vitest';
import type { RingLayout } from '../../../src/core/hashring/types';
import { ownersLayout } from './hashring-layouts';
import { applyReport, paintLayoutOf } from '../../../src/ui/hashring/stage/KeyCanvas';
import { keyDirections, pixelMap, RASTER_BAND_POINTS, slotsOf, type PixelMap } from '../../../src/ui/hashring/stage/keyPaint';
import { arcShapes } from '../../../src/ui/hashring/stage/RingArcs';
import { KeyPainter, MOVE_MS, type PaintInput, type PaintReport, type Surface } from '../../../src/ui/hashring/stage/keyPainter';
import { keyRadius, nodeRgb, RING_C, RING_SIZE } from '../../../src/ui/hashring/stage/ringGeometry';
import { detachable } from '../../../src/worker/transfer';

interface Fill {
  style: string;
  x: number;
  y: number;
}

/**
 * A canvas that keeps its pixels (putImageData at an offset, clearRect), and the rects
 * filled since the last put or clear.
 */
class FakeSurface implements Surface {
  canvas = { width: 0, height: 0 };
  pixels: Uint8ClampedArray | null = null;
  fills: Fill[] = [];
  clears = 0;
  puts = 0;
  /** The boxes put (x, y, w, h), in order. */
  putBoxes: number[][] = [];
  ctx = this.makeCtx();

  private buffer(): Uint8ClampedArray {
    const n = this.canvas.width * this.canvas.height * 4;
    if (!this.pixels || this.pixels.length !== n) this.pixels = new Uint8ClampedArray(n);
    return this.pixels;
  }

  private makeCtx(): Surface['ctx'] {
    const ctx = {
      fillStyle: '#000' as string,
      createImageData: (w: number, h: number) => ({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4) }),
      putImageData: (img: { width: number; height: number; data: Uint8ClampedArray }, dx: number, dy: number) => {
        const px = this.buffer();
        const W = this.canvas.width;
        for (let y = 0; y < img.height; y++) {
          for (let x = 0; x < img.width; x++) {
            if (dx + x >= W || dy + y >= this.canvas.height) continue;
            for (let c = 0; c < 4; c++) px[((dy + y) * W + dx + x) * 4 + c] = img.data[(y * img.width + x) * 4 + c];
          }
        }
        this.putBoxes.push([dx, dy, img.width, img.height]);
        this.fills = [];
        this.puts++;
      },
      fillRect: (x: number, y: number) => {
        this.fills.push({ style: ctx.fillStyle, x, y });
      },
      clearRect: (x: number, y: number, w: number, h: number) => {
        const px = this.buffer();
        const W = this.canvas.width;
        for (let yy = Math.max(0, y); yy < Math.min(this.canvas.height, y + h); yy++) px.fill(0, (yy * W + Math.max(0, x)) * 4, (yy * W + Math.min(W, x + w)) * 4);
        this.fills = [];
        this.clears++;
      },
      setTransform: () => {},
    };
    return ctx as unknown as Surface['ctx'];
  }

  alphaAt(map: PixelMap, x: number, y: number): number {
    return this.pixels ? this.pixels[(Math.round(y) * map.w + Math.round(x)) * 4 + 3] : 0;
  }

  rgbAt(map: PixelMap, x: number, y: number): number[] {
    const k = (Math.round(y) * map.w + Math.round(x)) * 4;
    return this.pixels ? [this.pixels[k], this.pixels[k + 1], this.pixels[k + 2]] : [];
  }

  /** The opaque pixels, as [x, y, r, g, b]. */
  opaque(): number[][] {
    const out: number[][] = [];
    const px = this.pixels;
    if (!px) return out;
    for (let k = 0; k < px.length; k += 4) if (px[k + 3] > 0) out.push([(k / 4) % this.canvas.width, Math.floor(k / 4 / this.canvas.width), px[k], px[k + 1], px[k + 2]]);
    return out;
  }
}

const KEYS = 8;
// Eight keys an eighth of the ring apart: their dots never overlap.
const hashes = Uint32Array.from({ length: KEYS }, (_, i) => Math.floor((i + 0.5) * (RING_SIZE / KEYS)));
const vb = { x: 0, y: 0, w: 600, h: 600 };
const map = pixelMap(600, 600, 1, vb);
const members = [1, 2, 3];
const slots = slotsOf(members);

const layout = ownersLayout;

function draw(l: RingLayout | null, over: Partial<Extract<PaintInput, { kind: 'draw' }>> = {}): PaintInput {
  const msg: PaintInput = { kind: 'draw', slots, map, reduced: false, arcs: null, surface: '', text: '', ...over };
  if (l) msg.layout = paintLayoutOf(l).layout;
  return msg;
}

/** Where key i's dot is centred, owned by `owner` (stage units to pixels as paintSettled does). */
function dotOf(i: number, owner: number): { x: number; y: number } {
  const dirs = keyDirections(hashes);
  const r = keyRadius(i, slots[owner]);
  return { x: map.ox + (RING_C.x + r * dirs[2 * i]) * map.s, y: map.oy + (RING_C.y - r * dirs[2 * i + 1]) * map.s };
}

function setup() {
  const keys = new FakeSurface();
  const overlay = new FakeSurface();
  const reports: PaintReport[] = [];
  const p = new KeyPainter(keys, overlay, (r) => reports.push(r));
  p.handle({ kind: 'hashes', hashes });
  return { keys, overlay, reports, p };
}

const V0 = layout([1, 1, 2, 2, 3, 3, 1, 2], 0);
// n3 leaves: its two keys (4 and 5) move, to n1 and n2; nothing else changes primary owner.
const V1 = layout([1, 1, 2, 2, 1, 2, 1, 2], 1);

describe('the key painter', () => {
  it('paints a first version settled: every key in its owner’s colour, nothing moving', () => {
    const { keys, overlay, reports, p } = setup();
    p.handle(draw(V0));
    expect(reports).toEqual([{ kind: 'drawn', version: 0, moving: 0, animating: false, fresh: true }]);
    expect(p.animating).toBe(false);
    expect(keys.canvas).toEqual({ width: map.w, height: map.h });
    expect(overlay.canvas).toEqual({ width: map.w, height: map.h });
    for (let i = 0; i < KEYS; i++) {
      const d = dotOf(i, V0.owners[i]);
      expect(keys.alphaAt(map, d.x, d.y)).toBe(255);
      expect(keys.rgbAt(map, d.x, d.y)).toEqual(nodeRgb(V0.owners[i]));
    }
    expect(p.frame(0)).toBe(false);
  });

  it('at a ring change leaves exactly the moving keys out of the settled picture and flies them on the overlay until MOVE_MS', () => {
    const { keys, overlay, reports, p } = setup();
    p.handle(draw(V0));
    p.handle(draw(V1));
    expect(reports[1]).toEqual({ kind: 'drawn', version: 1, moving: 2, animating: true, fresh: true });
    expect(p.animating).toBe(true);
    for (let i = 0; i < KEYS; i++) {
      const moved = i === 4 || i === 5;
      const d = dotOf(i, V1.owners[i]);
      expect(keys.alphaAt(map, d.x, d.y)).toBe(moved ? 0 : 255);
      if (moved) expect(keys.alphaAt(map, dotOf(i, 3).x, dotOf(i, 3).y)).toBe(0);
    }
    // Frames: the overlay holds the two moving keys and nothing else, twice the settled dot's size, in a colour between n3's and the new owner's.
    const dot2 = (2 * map.dot) ** 2;
    expect(p.frame(1000)).toBe(true);
    expect(overlay.opaque().length).toBe(2 * dot2);
    expect(p.frame(1000 + MOVE_MS / 2)).toBe(true);
    const mid = overlay.opaque();
    expect(mid.length).toBe(2 * dot2);
    for (const [x, y, ...rgb] of mid) {
      const key = Math.hypot(x - dotOf(4, 3).x, y - dotOf(4, 3).y) < Math.hypot(x - dotOf(5, 3).x, y - dotOf(5, 3).y) ? 4 : 5;
      const [c0, c1] = [nodeRgb(3), nodeRgb(V1.owners[key])];
      for (let c = 0; c < 3; c++) {
        expect(rgb[c]).toBeGreaterThanOrEqual(Math.min(c0[c], c1[c]));
        expect(rgb[c]).toBeLessThanOrEqual(Math.max(c0[c], c1[c]));
      }
      expect(rgb).not.toEqual(c0);
      expect(rgb).not.toEqual(c1);
    }
    // Mid-way the keys are lifted outwards, off their old and new places.
    for (const i of [4, 5]) {
      for (const o of [3, V1.owners[i]]) expect(overlay.alphaAt(map, dotOf(i, o).x, dotOf(i, o).y)).toBe(0);
    }
    // Every frame hands over the same box, which holds every pixel the move touches.
    expect(new Set(overlay.putBoxes.map((b) => b.join(','))).size).toBe(1);
    expect(keys.fills.length).toBe(0);
    const putsBefore = keys.puts;
    // The last frame: the overlay is emptied and the settled picture is painted whole, the keys in their new owners' colours.
    expect(p.frame(1000 + MOVE_MS)).toBe(false);
    expect(overlay.opaque()).toEqual([]);
    expect(keys.puts).toBe(putsBefore + 1);
    for (const i of [4, 5]) {
      const d = dotOf(i, V1.owners[i]);
      expect(keys.rgbAt(map, d.x, d.y)).toEqual(nodeRgb(V1.owners[i]));
    }
    // Three frames drawn (at 1000, +MOVE_MS/2, +MOVE_MS): the longest gap is half the move.
    expect(reports[2]).toEqual({ kind: 'settled', version: 1, frames: 3, maxGapMs: MOVE_MS / 2 });
    expect(p.animating).toBe(false);
    expect(p.frame(1000 + MOVE_MS + 16)).toBe(false);
  });

  it('lands a move on exactly the picture the new version gets when drawn afresh', () => {
    const moved = setup();
    moved.p.handle(draw(V0));
    moved.p.handle(draw(V1));
    for (let t = 0; t <= MOVE_MS; t += 50) moved.p.frame(t);
    moved.p.frame(MOVE_MS + 1);
    expect(moved.p.animating).toBe(false);
    const fresh = setup();
    fresh.p.handle(draw(V1));
    const a = moved.keys.pixels!;
    const b = fresh.keys.pixels!;
    expect(a.length).toBe(b.length);
    let differ = 0;
    for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) differ++;
    expect(differ).toBe(0);
    expect(moved.keys.opaque().length).toBeGreaterThan(0);
  });

  it('repaints without animating on a resize (no new layout), with reduced motion, and for a new scenario’s keys', () => {
    const a = setup();
    a.p.handle(draw(V0));
    a.p.handle(draw(V1));
    expect(a.p.animating).toBe(true);
    // A resize mid-move: the whole new version at once, settled.
    a.p.handle(draw(null, { map: pixelMap(500, 500, 1, vb) }));
    expect(a.reports[2]).toEqual({ kind: 'drawn', version: 1, moving: 0, animating: false, fresh: false });
    expect(a.p.animating).toBe(false);
    expect(a.keys.canvas.width).toBe(500);

    const b = setup();
    b.p.handle(draw(V0));
    b.p.handle(draw(V1, { reduced: true }));
    expect(b.reports[1]).toEqual({ kind: 'drawn', version: 1, moving: 2, animating: false, fresh: true });
    expect(b.p.animating).toBe(false);
    const d = dotOf(4, 1);
    expect(b.keys.alphaAt(map, d.x, d.y)).toBe(255);

    const c = setup();
    c.p.handle(draw(V0));
    c.p.handle(draw(layout([1, 2, 3, 1], 1)));
    expect(c.reports[1]).toMatchObject({ moving: 0, animating: false });
  });

  it('draws nothing before it has the keys’ hashes and a layout', () => {
    const reports: PaintReport[] = [];
    const keys = new FakeSurface();
    const p = new KeyPainter(keys, new FakeSurface(), (r) => reports.push(r));
    p.handle(draw(V0));
    p.handle({ kind: 'hashes', hashes });
    p.handle(draw(null));
    expect(reports).toEqual([]);
    expect(keys.puts).toBe(0);
  });
});

describe('the canvas’s data-* from the painter’s reports', () => {
  const el = () => ({ dataset: {} as Record<string, string> }) as unknown as HTMLElement;

  it('shows the version drawn, the moved count of the last new layout, and "" while keys move', () => {
    const e = el();
    expect(applyReport(e, { kind: 'drawn', version: 0, moving: 0, animating: false, fresh: true })).toBe(0);
    expect({ ...e.dataset }).toEqual({ version: '0', moving: '0', settled: '0' });
    expect(applyReport(e, { kind: 'drawn', version: 1, moving: 42, animating: true, fresh: true })).toBe(42);
    expect({ ...e.dataset }).toEqual({ version: '1', moving: '42', settled: '' });
    // A resize keeps the last change's count.
    expect(applyReport(e, { kind: 'drawn', version: 1, moving: 0, animating: false, fresh: false })).toBeNull();
    expect({ ...e.dataset }).toEqual({ version: '1', moving: '42', settled: '1' });
    expect(applyReport(e, { kind: 'settled', version: 1, frames: 37, maxGapMs: 33.4 })).toBeNull();
    expect(e.dataset.settled).toBe('1');
    expect(e.dataset.moveFrames).toBe('37');
    expect(e.dataset.moveMaxGap).toBe('33.4');
  });
});

describe('typed arrays across threads', () => {
  it('hands over copies: transferring them leaves the originals whole', () => {
    const l = layout([1, 2, 3, 1], 4);
    l.positions = Uint32Array.from([5, 6]);
    l.pointOwners = Uint8Array.from([1, 2]);
    const { layout: pl, transfer } = paintLayoutOf(l);
    expect(transfer).toHaveLength(3);
    structuredClone(pl, { transfer });
    expect(pl.owners.byteLength).toBe(0);
    expect([...l.owners]).toEqual([1, 2, 3, 1]);
    expect([...l.positions]).toEqual([5, 6]);
  });

  it('copies a query answer’s typed arrays (itself or one level down) and lists their buffers; plain answers pass as they are', () => {
    const owners = Uint8Array.from([1, 2]);
    const answer = { version: 3, owners, stats: { cv: 0.1 } };
    const { value, buffers } = detachable(answer);
    expect(buffers).toHaveLength(1);
    const v = value as typeof answer;
    expect(v.owners).not.toBe(owners);
    expect([...v.owners]).toEqual([1, 2]);
    expect(v.stats).toBe(answer.stats);
    const moved = structuredClone(value, { transfer: buffers }) as typeof answer;
    expect([...moved.owners]).toEqual([1, 2]);
    expect([...owners]).toEqual([1, 2]);
    const h = Uint32Array.from([7]);
    const top = detachable(h);
    expect(top.value).not.toBe(h);
    expect(top.buffers).toHaveLength(1);
    const plain = { a: 1, list: [1, 2] };
    expect(detachable(plain)).toEqual({ value: plain, buffers: [] });
    expect(detachable(null)).toEqual({ value: null, buffers: [] });
    expect(detachable([Uint8Array.from([1])]).buffers).toHaveLength(0);
  });
});

describe('the ring’s shapes for a dense ring', () => {
  it('builds no per-node arcs past RASTER_BAND_POINTS (the canvas paints that band as pixels) but still names every long arc', () => {
    const n = RASTER_BAND_POINTS + 8;
    // n1 owns one long stretch (a quarter of the ring, ending at its single point), n2 every other point.
    const positions = Uint32Array.from({ length: n }, (_, i) => Math.floor(RING_SIZE / 4 + (i * (RING_SIZE * 0.75)) / n));
    const pointOwners = Uint8Array.from({ length: n }, (_, i) => (i === 0 ? 1 : 2));
    const dense = { ...layout([1, 2], 0), positions, pointOwners };
    const shapes = arcShapes(dense)!;
    expect(shapes.byNode).toEqual([]);
    expect(shapes.labels.map((l) => l.node).sort()).toEqual([1, 2]);
    const sparse = arcShapes({ ...dense, positions: positions.slice(0, 8), pointOwners: pointOwners.slice(0, 8) })!;
    expect(sparse.byNode.map(([id]) => id)).toEqual([1, 2]);
  });
});
