/**
 * The key canvas's paint worker: the hash ring's two key canvases, handed over with
 * transferControlToOffscreen, painted here with this worker's own requestAnimationFrame, so
 * neither the settled picture of 100,000 keys nor a move's frames cost the page's main
 * thread anything. Thin on purpose — the painting is KeyPainter (src/ui/hashring/stage/
 * keyPainter.ts), which runs the same on the page (no OffscreenCanvas) and in Vitest.
 */
import { KeyPainter } from '../ui/hashring/stage/keyPainter';
import type { PaintWorkerInput } from './paintClient';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let painter: KeyPainter | null = null;
let pending = false;

// A worker with OffscreenCanvas has requestAnimationFrame; a timer stands in otherwise.
const nextFrame: (cb: (now: number) => void) => void =
  typeof scope.requestAnimationFrame === 'function' ? (cb) => scope.requestAnimationFrame(cb) : (cb) => scope.setTimeout(() => cb(scope.performance.now()), 16);

function tick(now: number): void {
  pending = false;
  if (painter?.frame(now)) schedule();
}

function schedule(): void {
  if (pending) return;
  pending = true;
  nextFrame(tick);
}

scope.onmessage = (e: MessageEvent<PaintWorkerInput>) => {
  const msg = e.data;
  if (msg.kind === 'init') {
    const surface = (canvas: OffscreenCanvas) => {
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2D context on the transferred canvas');
      return { canvas, ctx };
    };
    painter = new KeyPainter(surface(msg.keys), surface(msg.overlay), (r) => scope.postMessage(r));
    return;
  }
  if (!painter) return;
  painter.handle(msg);
  if (painter.animating) schedule();
};
