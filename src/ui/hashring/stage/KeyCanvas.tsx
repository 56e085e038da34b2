/**
 * The keys as dots on a canvas under the ring's SVG (100,000 keys are too many for SVG).
 * Each ring version is painted once (keys and arcs); when the version changes, only the keys
 * whose primary owner changed are animated, on a second canvas over it, for MOVE_MS of wall-clock time
 * (a ring change is one instant of virtual time: tied to the playhead the move would take a
 * minute at 1/100× and vanish at "max"), then folded into the settled picture.
 *
 * The painting is not done here: both canvases are handed to the paint worker
 * (transferControlToOffscreen; paintHost.ts), which owns the settled picture and animates
 * the moves with its own requestAnimationFrame, so the page's main thread only posts what
 * changed — the keys' hashes once, a layout's typed arrays once per version (transferred),
 * the pixel map on a resize. Where OffscreenCanvas is missing the same KeyPainter runs on
 * the page. The last change is exposed for tests, as the painter reports it: data-version
 * (the version drawn), data-moving (how many keys moved), data-settled ('' while keys
 * move, then the version), and of the last move data-move-frames (frames drawn) and
 * data-move-max-gap (the longest ms between two of them, by the painter's clock).
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { KeyHashes, RingLayout } from '../../../core/hashring/types';
import { fmtInt } from '../../i18n';
import { useApp, useAppStore } from '../../StoreContext';
import { ringDict } from '../i18n';
import type { ArcShapes } from './RingArcs';
import { pixelMap, RASTER_BAND_POINTS, slotsOf } from './keyPaint';
import type { PaintInput, PaintLayout, PaintReport } from './keyPainter';
import { attachPainter, keysSettled } from './keyMotion';
import { claimPaintHost, releasePaintHost, type PaintHost } from './paintHost';

export { MOVE_MS } from './keyPainter';

interface Props {
  layout: RingLayout | null;
  hashes: KeyHashes | null;
  /** Members in drawing order (a key's band follows its owner's place). */
  members: readonly number[];
  vb: { x: number; y: number; w: number; h: number };
  /** The ring's arcs and ticks, painted into the settled picture under the keys. */
  arcs: ArcShapes | null;
  /** The drawing's box in CSS px (useBoxSize of the element both canvases fill). */
  size: { w: number; h: number };
}

/** An element's content box in CSS px, kept up to date by a ResizeObserver ({0, 0} until known). */
export function useBoxSize(el: HTMLElement | null): { w: number; h: number } {
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

/** A layout's part the painter reads, its typed arrays copied so they can be handed over (the query cache keeps the originals). */
export function paintLayoutOf(layout: RingLayout): { layout: PaintLayout; transfer: ArrayBuffer[] } {
  const owners = layout.owners.slice();
  const dense = layout.positions.length > 0;
  const positions = layout.positions.slice();
  const pointOwners = layout.pointOwners.slice();
  return {
    layout: { version: layout.version, keys: layout.keys, replicas: layout.replicas, owners, positions, pointOwners },
    transfer: dense ? [owners.buffer, positions.buffer, pointOwners.buffer] : [owners.buffer],
  };
}

/** Apply a painter's report to the canvas's data-* (what tests and the frame probe read); returns the moved count to show, or null to keep it. */
export function applyReport(el: HTMLElement, r: PaintReport): number | null {
  if (r.kind === 'settled') {
    el.dataset.settled = String(r.version);
    el.dataset.moveFrames = String(r.frames);
    el.dataset.moveMaxGap = String(r.maxGapMs);
    return null;
  }
  el.dataset.version = String(r.version);
  el.dataset.settled = r.animating ? '' : String(r.version);
  if (r.fresh || !el.dataset.moving) {
    el.dataset.moving = String(r.moving);
    return r.moving;
  }
  return null;
}

export function KeyCanvas({ layout, hashes, members, vb, arcs, size }: Props) {
  const theme = useApp((s) => s.theme);
  const lang = useApp((s) => s.lang);
  const reduced = useApp((s) => s.reducedMotion);
  const canvas = useRef<HTMLCanvasElement>(null);
  const overlay = useRef<HTMLCanvasElement>(null);
  const slots = useMemo(() => slotsOf(members), [members]);
  const host = useRef<PaintHost | null>(null);
  // What the painter already has: the hashes and layout last posted (by identity).
  const sent = useRef<{ hashes: KeyHashes | null; layout: RingLayout | null }>({ hashes: null, layout: null });
  const [moving, setMoving] = useState(0);
  const store = useAppStore();

  useLayoutEffect(() => {
    const el = canvas.current;
    const ov = overlay.current;
    if (!el || !ov) return;
    const h = claimPaintHost(el, ov);
    const detach = attachPainter(store);
    h.listen((r) => {
      const m = applyReport(el, r);
      if (m !== null) setMoving(m);
      // The panel's reads wait for this (keyMotion.ts).
      if (r.kind === 'settled' || !r.animating) keysSettled(store, r.version);
    });
    host.current = h;
    return () => {
      host.current = null;
      releasePaintHost(el);
      detach();
    };
  }, [store]);

  useEffect(() => {
    const h = host.current;
    const el = canvas.current;
    if (!h || !el || !layout || !hashes || size.w === 0 || size.h === 0) return;
    if (sent.current.hashes !== hashes) {
      const copy = hashes.slice();
      h.post({ kind: 'hashes', hashes: copy }, [copy.buffer]);
      sent.current.hashes = hashes;
    }
    const map = pixelMap(size.w, size.h, window.devicePixelRatio || 1, vb);
    // A dense ring's band is painted as pixels by the painter; a sparse one's arcs need the theme's colours.
    const sparse = arcs !== null && layout.positions.length <= RASTER_BAND_POINTS;
    const css = sparse ? getComputedStyle(el) : null;
    const msg: PaintInput = {
      kind: 'draw',
      slots,
      map,
      reduced,
      arcs: sparse ? arcs : null,
      surface: css?.getPropertyValue('--surface').trim() ?? '',
      text: css?.getPropertyValue('--text').trim() ?? '',
    };
    let transfer: ArrayBuffer[] = [];
    if (sent.current.layout !== layout) {
      const p = paintLayoutOf(layout);
      msg.layout = p.layout;
      transfer = p.transfer;
      sent.current.layout = layout;
    }
    h.post(msg, transfer);
  }, [layout, hashes, slots, size, vb, reduced, arcs, theme]);

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
