/**
 * Who paints the key canvas: the paint worker (src/worker/paintClient.ts), which owns the
 * canvases once they are handed over with transferControlToOffscreen, or — where a browser
 * has no OffscreenCanvas — the same KeyPainter on the page, driven by the page's
 * requestAnimationFrame. Either way the stage posts PaintInput and hears PaintReports.
 *
 * A canvas can be handed over only once, and React may unmount and remount an effect on the
 * same element (StrictMode does, in development): a host is kept per canvas and stopped only
 * when no effect has claimed it again by the next task.
 */
import { createPaintClient, type PaintClient } from '../../../worker/paintClient';
import { KeyPainter, type PaintInput, type PaintReport, type Surface } from './keyPainter';

export interface PaintHost {
  /** true: painted by the paint worker, off the main thread. */
  readonly offscreen: boolean;
  post(msg: PaintInput, transfer?: Transferable[]): void;
  /** Who hears the reports (one listener; null: nobody). */
  listen(fn: ((r: PaintReport) => void) | null): void;
}

interface Entry {
  host: PaintHost;
  claims: number;
  dispose(): void;
}

const hosts = new WeakMap<HTMLCanvasElement, Entry>();

function surface(canvas: HTMLCanvasElement): Surface | null {
  const ctx = canvas.getContext('2d');
  return ctx ? { canvas, ctx } : null;
}

/** The KeyPainter on the page, for browsers without OffscreenCanvas. */
function pageHost(keys: HTMLCanvasElement, overlay: HTMLCanvasElement): Entry {
  let listener: ((r: PaintReport) => void) | null = null;
  const k = surface(keys);
  const o = surface(overlay);
  const painter = k && o ? new KeyPainter(k, o, (r) => listener?.(r)) : null;
  let raf = 0;
  const tick = (now: number) => {
    raf = 0;
    if (painter?.frame(now)) raf = requestAnimationFrame(tick);
  };
  return {
    claims: 0,
    host: {
      offscreen: false,
      post(msg) {
        if (!painter) return;
        painter.handle(msg);
        if (painter.animating && !raf) raf = requestAnimationFrame(tick);
      },
      listen(fn) {
        listener = fn;
      },
    },
    dispose() {
      cancelAnimationFrame(raf);
    },
  };
}

function workerHost(keys: HTMLCanvasElement, overlay: HTMLCanvasElement): Entry | null {
  let listener: ((r: PaintReport) => void) | null = null;
  const client: PaintClient | null = createPaintClient(keys, overlay, (r) => listener?.(r));
  if (!client) return null;
  return {
    claims: 0,
    host: {
      offscreen: true,
      post: (msg, transfer) => client.post(msg, transfer),
      listen(fn) {
        listener = fn;
      },
    },
    dispose: () => client.dispose(),
  };
}

/** The painter of this pair of canvases, started on first use. Pair with releasePaintHost. */
export function claimPaintHost(keys: HTMLCanvasElement, overlay: HTMLCanvasElement, preferWorker = true): PaintHost {
  let e = hosts.get(keys);
  if (!e) {
    e = (preferWorker ? workerHost(keys, overlay) : null) ?? pageHost(keys, overlay);
    hosts.set(keys, e);
  }
  e.claims++;
  return e.host;
}

export function releasePaintHost(keys: HTMLCanvasElement): void {
  const e = hosts.get(keys);
  if (!e) return;
  e.claims--;
  e.host.listen(null);
  setTimeout(() => {
    if (e.claims > 0 || hosts.get(keys) !== e) return;
    hosts.delete(keys);
    e.dispose();
  }, 0);
}
