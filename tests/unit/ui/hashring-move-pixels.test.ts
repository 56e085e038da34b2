/**
 * The moving keys as pixel writes (keyPaint.moveBox, paintMovingPixels): the box computed
 * once per move holds every pixel of every frame (nothing a frame draws is cut off, so the
 * box handed over is the whole change), each moving key is one square of twice the settled
 * dot in its mixed colour, keys that do not move are never drawn, and a pixel word puts the
 * bytes in ImageData's R, G, B, A order.
 */
import { describe, expect, it } from 'vitest';
import { ownersLayout } from './hashring-layouts';
import { ease, groupMoves, keyDirections, MOVE_LIFT, moveBox, movedKeys, paintMovingPixels, pixelMap, pixelWord, slotsOf } from '../../../src/ui/hashring/stage/keyPaint';
import { keyRadius, nodeRgb, RING_C } from '../../../src/ui/hashring/stage/ringGeometry';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const layout = ownersLayout;

describe('moving keys as pixels', () => {
  it('a pixel word is R, G, B, A in memory', () => {
    const px = new Uint32Array(1);
    px[0] = pixelWord([12, 34, 56]);
    expect([...new Uint8Array(px.buffer)]).toEqual([12, 34, 56, 255]);
  });

  for (const dpr of [1, 2]) {
    it(`keeps every frame inside the move's box and draws exactly the moving keys (dpr ${dpr})`, () => {
      const rand = rng(7 + dpr);
      const N = 3000;
      const hashes = Uint32Array.from({ length: N }, () => Math.floor(rand() * 2 ** 32));
      const dirs = keyDirections(hashes);
      const prevOwners = Uint8Array.from({ length: N }, () => 1 + Math.floor(rand() * 4));
      // n4 leaves: its keys go to n1..n3; a few others are left where they were.
      const nextOwners = prevOwners.map((o, i) => (o === 4 ? 1 + (i % 3) : o));
      const prev = layout(prevOwners, 0);
      const next = layout(nextOwners, 1);
      const map = pixelMap(640, 480, dpr, { x: 0, y: 0, w: 600, h: 600 });
      const prevSlots = slotsOf([1, 2, 3, 4]);
      const slots = slotsOf([1, 2, 3]);
      const moved = movedKeys(prev, next);
      expect(moved.length).toBe(prevOwners.filter((o) => o === 4).length);
      const groups = groupMoves(moved, prev, next);
      const box = moveBox(map, dirs, groups, prevSlots, slots)!;
      expect(box).not.toBeNull();
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.w).toBeLessThanOrEqual(map.w);
      const px = new Uint32Array(box.w * box.h);
      const d = 2 * map.dot;
      let outside = 0;
      let stray = 0;
      let frames = 0;
      for (let f = 0; f < 1; f += 1 / 12) {
        frames++;
        paintMovingPixels(px, box, map, dirs, groups, prevSlots, slots, f);
        const e = ease(f);
        const lift = Math.sin(Math.PI * f) * MOVE_LIFT;
        // Where each moving key's square must be, from the formula, and that it lies in the box.
        const want = new Map<number, number>();
        for (const g of groups) {
          const c0 = nodeRgb(g.from);
          const c1 = nodeRgb(g.to);
          const word = pixelWord([0, 1, 2].map((k) => Math.round(c0[k] + (c1[k] - c0[k]) * e)) as [number, number, number]);
          for (const i of g.keys) {
            const r = keyRadius(i, prevSlots[g.from]) + (keyRadius(i, slots[g.to]) - keyRadius(i, prevSlots[g.from])) * e + lift;
            const x0 = Math.round(map.ox + (RING_C.x + r * dirs[2 * i]) * map.s - d / 2);
            const y0 = Math.round(map.oy + (RING_C.y - r * dirs[2 * i + 1]) * map.s - d / 2);
            if (x0 < box.x || y0 < box.y || x0 + d > box.x + box.w || y0 + d > box.y + box.h) outside++;
            for (let y = y0; y < y0 + d; y++) for (let x = x0; x < x0 + d; x++) want.set((y - box.y) * box.w + (x - box.x), word);
          }
        }
        // Exactly those pixels (a later key's square over an earlier one's where they overlap, as drawn in order), nothing else.
        let drawn = 0;
        for (let k = 0; k < px.length; k++) {
          if (px[k] === 0) continue;
          drawn++;
          if (want.get(k) !== px[k]) stray++;
        }
        expect(drawn).toBe(want.size);
      }
      expect(frames).toBe(12);
      expect(outside).toBe(0);
      expect(stray).toBe(0);
    });
  }

  it('has no box when no key moves onto a member', () => {
    const map = pixelMap(300, 300, 1, { x: 0, y: 0, w: 600, h: 600 });
    expect(moveBox(map, new Float32Array(0), [], slotsOf([1]), slotsOf([1]))).toBeNull();
    expect(moveBox(map, keyDirections([5]), [{ from: 1, to: 0, keys: [0] }], slotsOf([1]), slotsOf([]))).toBeNull();
  });
});
