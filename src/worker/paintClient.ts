/**
 * The page's end of the key canvas's paint worker (paint.worker.ts): hand the two canvases
 * over (transferControlToOffscreen), then post only what changed — the keys' hashes once,
 * a layout once per ring version (its typed arrays transferred, not cloned), the pixel map
 * on a resize — and hear back what was drawn. Null where OffscreenCanvas or module workers
 * are missing: the caller paints on the page instead (the same KeyPainter).
 */
import type { PaintInput, PaintReport } from '../ui/hashring/stage/keyPainter';

/** What the paint worker hears: the canvases once, then the painter's input. */
export type PaintWorkerInput = PaintInput | { kind: 'init'; keys: OffscreenCanvas; overlay: OffscreenCanvas };

export interface PaintClient {
  /** Post to the painter; `transfer` lists buffers handed over (the caller must not use them again). */
  post(msg: PaintInput, transfer?: Transferable[]): void;
  /** Stop the worker. */
  dispose(): void;
}

export function offscreenSupported(): boolean {
  return typeof Worker === 'function' && typeof OffscreenCanvas === 'function' && typeof HTMLCanvasElement !== 'undefined' && 'transferControlToOffscreen' in HTMLCanvasElement.prototype;
}

/**
 * Start a paint worker owning `keys` and `overlay` (each can be handed over only once), or
 * null when this browser cannot. `onReport` hears the painter's reports; `onFatal`, a worker
 * that failed (the canvases are then lost to the page: the caller shows what it can).
 */
export function createPaintClient(keys: HTMLCanvasElement, overlay: HTMLCanvasElement, onReport: (r: PaintReport) => void, onFatal?: (message: string) => void): PaintClient | null {
  if (!offscreenSupported()) return null;
  let k: OffscreenCanvas;
  let o: OffscreenCanvas;
  try {
    k = keys.transferControlToOffscreen();
    o = overlay.transferControlToOffscreen();
  } catch {
    return null;
  }
  // Written as one expression on purpose: Vite only bundles the worker when it sees
  // `new Worker(new URL(..., import.meta.url))` literally (../shared/TOOLCHAIN.md).
  const worker = new Worker(new URL('./paint.worker.ts', import.meta.url), { type: 'module' });
  worker.addEventListener('message', (e: MessageEvent<PaintReport>) => onReport(e.data));
  if (onFatal) worker.addEventListener('error', (e) => onFatal(e.message || 'the paint worker failed to start'));
  const init: PaintWorkerInput = { kind: 'init', keys: k, overlay: o };
  worker.postMessage(init, [k, o]);
  return {
    post(msg, transfer = []) {
      worker.postMessage(msg, transfer);
    },
    dispose() {
      worker.terminate();
    },
  };
}
