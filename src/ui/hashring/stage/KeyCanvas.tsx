/**
 * The keys as dots on a canvas under the ring's SVG (100,000 keys are too many for SVG).
 * Each ring version is painted once (keys and arcs); when the version changes, only the keys
 * whose primary owner changed are animated, on a second canvas over it, for MOVE_MS of wall-clock time
 * (a ring change is one instant of virtual time: tied to the playhead the move would take a
 * minute at 1/100× and vanish at "max"), then folded into the settled picture. The last
 * change is exposed for tests: data-version and data-moving (how many keys moved).
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { KeyHashes, RingLayout } from '../../../core/hashring/types';
import { fmtInt } from '../../i18n';
import { useApp } from '../../StoreContext';
import { ringDict } from '../i18n';
import { paintArcs, type ArcShapes } from './RingArcs';
import { nodeColor, RING_C } from './ringGeometry';
import { groupMoves, keyDirections, RASTER_BAND_POINTS, movedKeys, paintMoving, paintSettled, pixelMap, slotsOf, type MoveGroup, type PixelMap } from './keyPaint';

export const MOVE_MS = 600;

interface Props {
  layout: RingLayout | null;
  hashes: KeyHashes | null;
  /** Members in drawing order (a key's band follows its owner's place). */
  members: readonly number[];
  vb: { x: number; y: number; w: number; h: number };
  /** The ring's arcs and ticks, painted into the settled picture under the keys. */
  arcs: ArcShapes | null;
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

export function KeyCanvas({ layout, hashes, members, vb, arcs }: Props) {
  const theme = useApp((s) => s.theme);
  const lang = useApp((s) => s.lang);
  const reduced = useApp((s) => s.reducedMotion);
  const canvas = useRef<HTMLCanvasElement>(null);
  const overlay = useRef<HTMLCanvasElement>(null);
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
    const ov = overlay.current;
    if (!ctx || !ov) return;
    ov.width = map.w;
    ov.height = map.h;
    const octx = ov.getContext('2d');
    if (!octx) return;
    cancelAnimationFrame(anim.current);
    el.dataset.version = String(layout.version);
    if (before.layout !== layout || !el.dataset.moving) {
      el.dataset.moving = String(moved.length);
      setMoving(moved.length);
    }
    // The settled picture goes straight into the keys' canvas; the moving keys fly on a
    // canvas of their own over it, so a frame of the move repaints only them.
    const paintRing = () => {
      // A dense ring's band is already in the settled picture, as pixels (keyPaint.paintBand).
      if (!arcs || layout.positions.length > RASTER_BAND_POINTS) return;
      const css = getComputedStyle(el);
      ctx.setTransform(map.s, 0, 0, map.s, map.ox + RING_C.x * map.s, map.oy + RING_C.y * map.s);
      paintArcs(ctx, arcs, nodeColor, css.getPropertyValue('--surface').trim() || '#fff', css.getPropertyValue('--text').trim() || '#000');
      ctx.setTransform(1, 0, 0, 1, 0, 0);
    };
    if (moved.length === 0 || reduced || !from) {
      paintSettled(ctx, map, dirs, layout, slots, null);
      paintRing();
      return;
    }
    const skip = new Uint8Array(layout.keys);
    for (const i of moved) skip[i] = 1;
    paintSettled(ctx, map, dirs, layout, slots, skip);
    paintRing();
    const groups: MoveGroup[] = groupMoves(moved, from, layout);
    let t0 = -1;
    const frame = (now: number) => {
      if (t0 < 0) t0 = now;
      const f = Math.min(1, (now - t0) / MOVE_MS);
      octx.clearRect(0, 0, map.w, map.h);
      if (f < 1) {
        paintMoving(octx, map, dirs, groups, prevSlots, slots, f);
        anim.current = requestAnimationFrame(frame);
      } else {
        // Settled: the moved keys join the picture (painted once, in place).
        paintMoving(ctx, map, dirs, groups, prevSlots, slots, 1);
        el.dataset.settled = String(layout.version);
      }
    };
    el.dataset.settled = '';
    anim.current = requestAnimationFrame(frame);
  }, [layout, dirs, slots, size, vb, reduced, arcs, theme]);

  useEffect(() => () => cancelAnimationFrame(anim.current), []);

  const r = ringDict(lang);
  return (
    <>
      <canvas
        ref={canvas}
        className="ring-keys"
        role="img"
        aria-label={r.keysCanvas(fmtInt(layout?.keys ?? 0, lang), fmtInt(moving, lang))}
        data-testid="ring-keys"
      />
      <canvas ref={overlay} className="ring-keys ring-moving" aria-hidden="true" />
    </>
  );
}
