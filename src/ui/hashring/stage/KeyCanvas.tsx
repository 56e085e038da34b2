/**
 * The keys as dots on a canvas under the ring's SVG (100,000 keys are too many for SVG).
 * Each ring version is painted once into an offscreen canvas; when the version changes, only
 * the keys whose primary owner changed are animated over it, for MOVE_MS of wall-clock time
 * (a ring change is one instant of virtual time: tied to the playhead the move would take a
 * minute at 1/100× and vanish at "max"), then folded into the settled picture. The last
 * change is exposed for tests: data-version and data-moving (how many keys moved).
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { KeyHashes, RingLayout } from '../../../core/hashring/types';
import { fmtInt } from '../../i18n';
import { useApp } from '../../StoreContext';
import { ringDict } from '../i18n';
import { groupMoves, keyDirections, movedKeys, paintMoving, paintSettled, pixelMap, slotsOf, type MoveGroup, type PixelMap } from './keyPaint';

export const MOVE_MS = 600;

interface Props {
  layout: RingLayout | null;
  hashes: KeyHashes | null;
  /** Members in drawing order (a key's band follows its owner's place). */
  members: readonly number[];
  vb: { x: number; y: number; w: number; h: number };
}

function useBoxSize(el: HTMLElement | null): { w: number; h: number } {
  const [size, setSize] = useState({ w: 0, h: 0 });
  useLayoutEffect(() => {
    if (!el) return;
    const read = () => setSize({ w: el.clientWidth, h: el.clientHeight });
    read();
    const ro = new ResizeObserver(read);
    ro.observe(el);
    return () => ro.disconnect();
  }, [el]);
  return size;
}

export function KeyCanvas({ layout, hashes, members, vb }: Props) {
  const lang = useApp((s) => s.lang);
  const reduced = useApp((s) => s.reducedMotion);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [box, setBox] = useState<HTMLElement | null>(null);
  const size = useBoxSize(box);
  const dirs = useMemo(() => (hashes ? keyDirections(hashes) : null), [hashes]);
  const slots = useMemo(() => slotsOf(members), [members]);
  const drawn = useRef<{ layout: RingLayout | null; slots: Int16Array; map: PixelMap | null }>({ layout: null, slots, map: null });
  const anim = useRef(0);
  const [moving, setMoving] = useState(0);

  useLayoutEffect(() => {
    setBox(canvas.current?.parentElement ?? null);
  }, []);

  useEffect(() => {
    const el = canvas.current;
    if (!el || !layout || !dirs || size.w === 0 || size.h === 0) return;
    const dpr = window.devicePixelRatio || 1;
    const map = pixelMap(size.w, size.h, dpr, vb);
    const before = drawn.current;
    // Animate only a change of ring version between two pictures of the same keys; a resize or a new scenario repaints.
    const from = before.layout && before.layout.version !== layout.version && before.layout.keys === layout.keys ? before.layout : null;
    const moved = from ? movedKeys(from, layout) : new Uint32Array(0);
    const prevSlots = before.slots;
    drawn.current = { layout, slots, map };
    el.width = map.w;
    el.height = map.h;
    const ctx = el.getContext('2d');
    if (!ctx) return;
    const settled = document.createElement('canvas');
    settled.width = map.w;
    settled.height = map.h;
    const sctx = settled.getContext('2d');
    if (!sctx) return;
    cancelAnimationFrame(anim.current);
    el.dataset.version = String(layout.version);
    if (before.layout !== layout || !el.dataset.moving) {
      el.dataset.moving = String(moved.length);
      setMoving(moved.length);
    }
    if (moved.length === 0 || reduced || !from) {
      paintSettled(sctx, map, dirs, layout, slots, null);
      ctx.drawImage(settled, 0, 0);
      return;
    }
    const skip = new Uint8Array(layout.keys);
    for (const i of moved) skip[i] = 1;
    paintSettled(sctx, map, dirs, layout, slots, skip);
    const groups: MoveGroup[] = groupMoves(moved, from, layout);
    let t0 = -1;
    const frame = (now: number) => {
      if (t0 < 0) t0 = now;
      const f = Math.min(1, (now - t0) / MOVE_MS);
      ctx.clearRect(0, 0, map.w, map.h);
      ctx.drawImage(settled, 0, 0);
      if (f < 1) {
        paintMoving(ctx, map, dirs, groups, prevSlots, slots, f);
        anim.current = requestAnimationFrame(frame);
      } else {
        // Settled: the moved keys join the picture (painted once more, in place).
        paintMoving(sctx, map, dirs, groups, prevSlots, slots, 1);
        ctx.clearRect(0, 0, map.w, map.h);
        ctx.drawImage(settled, 0, 0);
        el.dataset.settled = String(layout.version);
      }
    };
    el.dataset.settled = '';
    anim.current = requestAnimationFrame(frame);
  }, [layout, dirs, slots, size, vb, reduced]);

  useEffect(() => () => cancelAnimationFrame(anim.current), []);

  const r = ringDict(lang);
  return (
    <canvas
      ref={canvas}
      className="ring-keys"
      role="img"
      aria-label={r.keysCanvas(fmtInt(layout?.keys ?? 0, lang), fmtInt(moving, lang))}
      data-testid="ring-keys"
    />
  );
}
